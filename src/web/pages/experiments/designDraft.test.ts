import { describe, it, expect } from 'vitest';
import type { Design } from '../../api/experiments.js';
import { draftOf, emptyArm, emptyDraft, parseCuts, readDraft, type DesignDraft } from './designDraft.js';

function filled(): DesignDraft {
  const draft = emptyDraft();
  const [first, second] = draft.arms;
  return {
    ...draft,
    name: ' Ansvar for eget liv ',
    question: 'Virker det?',
    arms: [
      {
        ...(first ?? emptyArm()),
        name: 'group1',
        label: 'Indsatsgruppe',
        weight: '1',
        description: 'Dobbelt tid',
        caseload_cap: '15',
      },
      { ...(second ?? emptyArm()), name: 'control', label: 'Kontrolgruppe', weight: '2' },
    ],
    control_arm: 'control',
    categories: ['activity_ready'],
    follow_up_weeks: '104',
    primary_outcome: 'ever_job_or_education',
  };
}

describe('parseCuts', () => {
  it('reads comma- or semicolon-separated limits and refuses anything else', () => {
    expect(parseCuts('40, 50', true)).toEqual([40, 50]);
    expect(parseCuts(' 3;5 ', false)).toEqual([3, 5]);
    expect(parseCuts('2.5, 5', false)).toEqual([2.5, 5]);
    expect(parseCuts('', true)).toEqual([]);
    expect(parseCuts('2.5', true)).toBeNull();
    expect(parseCuts('40 50', true)).toBeNull();
    expect(parseCuts('-3', false)).toBeNull();
  });
});

describe('readDraft', () => {
  it('turns a filled form into the design the API takes', () => {
    const result = readDraft(filled());
    expect(result).toEqual({
      ok: true,
      design: {
        name: 'Ansvar for eget liv',
        question: 'Virker det?',
        arms: [
          { name: 'group1', label: 'Indsatsgruppe', weight: 1, description: 'Dobbelt tid', caseload_cap: 15 },
          { name: 'control', label: 'Kontrolgruppe', weight: 2, description: '' },
        ],
        control_arm: 'control',
        eligibility: { categories: ['activity_ready'] },
        strata: { age_cuts: [], benefit_year_cuts: [] },
        follow_up_weeks: 104,
        primary_outcome: 'ever_job_or_education',
        secondary_outcomes: [],
        consent_required: false,
      },
    });
  });

  it('leaves unset limits out instead of sending null, and reads a decimal comma', () => {
    const result = readDraft({ ...filled(), min_age: '30', max_benefit_years: '2,5' });
    expect(result.ok && result.design.eligibility).toEqual({
      categories: ['activity_ready'],
      min_age: 30,
      max_benefit_years: 2.5,
    });
  });

  it('never lists the primary outcome as secondary, and keeps the report order', () => {
    const result = readDraft({
      ...filled(),
      secondary_outcomes: ['active_share', 'ever_job_or_education', 'ever_flexjob'],
    });
    expect(result.ok && result.design.secondary_outcomes).toEqual(['ever_flexjob', 'active_share']);
  });

  it('names every field it can tell is wrong, by its API path', () => {
    const draft = filled();
    const result = readDraft({
      ...draft,
      name: '  ',
      arms: [
        { ...(draft.arms[0] ?? emptyArm()), name: 'group 1', weight: '0', caseload_cap: '501' },
        draft.arms[1] ?? emptyArm(),
      ],
      control_arm: 'nobody',
      min_age: '50',
      max_age: '40',
      age_cuts: '40, x',
      benefit_year_cuts: '0.2',
      follow_up_weeks: '',
      primary_outcome: '',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: 'name', error: 'required' },
      { path: 'arms.0.name', error: 'armCode' },
      { path: 'arms.0.weight', error: 'wholeNumber', min: 1, max: 100 },
      { path: 'arms.0.caseload_cap', error: 'wholeNumber', min: 1, max: 500 },
      { path: 'control_arm', error: 'chooseControl' },
      { path: 'eligibility.min_age', error: 'minAboveMax' },
      { path: 'strata.age_cuts', error: 'cutList', min: 16, max: 80 },
      { path: 'strata.benefit_year_cuts', error: 'cutList', min: 0.5, max: 30 },
      { path: 'follow_up_weeks', error: 'required' },
      { path: 'primary_outcome', error: 'chooseOutcome' },
    ]);
  });

  it('lets the server judge what needs the whole design: two arms with one code pass here', () => {
    const draft = filled();
    const arms = draft.arms.map((arm) => ({ ...arm, name: 'group1' }));
    expect(readDraft({ ...draft, arms, control_arm: 'group1' }).ok).toBe(true);
  });
});

describe('draftOf', () => {
  it('gives back the design it was made from, keeping what the form does not edit', () => {
    const design: Design = {
      name: 'Ansvar for eget liv',
      question: 'Virker det?',
      arms: [
        {
          name: 'group1',
          label: 'Ny tilgang',
          weight: 1,
          description: 'Selvbudget',
          caseload_cap: 15,
          self_budget_ore: 500_000,
          meeting_modes: ['home'],
        },
        { name: 'control', label: 'Sædvanlig praksis', weight: 2, description: '', self_budget_ore: null },
      ],
      control_arm: 'control',
      eligibility: { categories: ['activity_ready'], min_age: 18, max_benefit_years: 10.5 },
      strata: { age_cuts: [40], benefit_year_cuts: [3, 5] },
      follow_up_weeks: 104,
      primary_outcome: 'ever_job_or_education',
      secondary_outcomes: ['employment_degree', 'active_share'],
      consent_required: true,
    };
    const draft = draftOf(design);
    expect(draft.age_cuts).toBe('40');
    expect(draft.benefit_year_cuts).toBe('3, 5');
    expect(draft.max_age).toBe('');
    const again = readDraft(draft);
    // A null self-budget is dropped rather than sent (the API would store it as 0).
    const control = design.arms[1];
    expect(again).toEqual({
      ok: true,
      design: {
        ...design,
        arms: [design.arms[0], { name: control?.name, label: control?.label, weight: 2, description: '' }],
      },
    });
  });
});
