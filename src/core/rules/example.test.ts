// The contract's example case, evaluated by hand on several dates.
import { describe, expect, it } from 'vitest';
import { parseCaseInput, type CaseFacts } from './case.js';
import { evaluateDeadlines } from './engine.js';
import { DEFAULT_RULE_SET } from './sets.js';

const example = {
  registered: '2026-03-02',
  benefit_start: '2024-01-15',
  category: 'activity_ready',
  track: 'step_up',
  events: [
    { date: '2026-03-05', type: 'conversation', held: true, mode: 'phone' },
    { date: '2026-03-12', type: 'resource_conversation', held: true },
    { date: '2026-04-08', type: 'conversation', held: false, cancelled_by: 'citizen' },
    { date: '2026-04-10', type: 'activity', kind: 'cv_workshop', end: '2026-05-10' },
    { date: '2026-05-01', type: 'company_consultant_contact' },
    { date: '2026-06-15', type: 'activity', kind: 'company_internship', end: '2026-08-15' },
    { date: '2026-09-01', type: 'mentor', end: '2027-03-01' },
    { date: '2027-05-01', type: 'rehab_team_referral' },
  ],
};

function facts(overrides: Record<string, unknown> = {}): CaseFacts {
  const parsed = parseCaseInput({ ...example, ...overrides });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

function table(on: string, overrides: Record<string, unknown> = {}): string[][] {
  return evaluateDeadlines(facts(overrides), on, DEFAULT_RULE_SET).map((d) => [
    d.rule,
    d.due,
    d.status,
    d.met_on ?? '-',
  ]);
}

describe('the contract example', () => {
  it('on 2026-06-01', () => {
    // Held: 03-05, 03-12 (04-08 was cancelled). Internship, mentor and referral lie after 06-01.
    // first: 03-02 + 7 days = 03-09, met 03-05. monthly: 03-12 + 1 month = 04-12, not met.
    // cv: 03-02 + 42 days = 04-13, met 04-10. internship, four: 03-02 + 6 months = 09-02.
    // 12 months: the CV workshop ended 05-10 → 2027-05-10. Every other month: not before 09-02.
    expect(table('2026-06-01')).toEqual([
      ['lab.first_conversation', '2026-03-09', 'met', '2026-03-05'],
      ['halsnaes.monthly_conversation', '2026-04-12', 'overdue', '-'],
      ['halsnaes.cv_workshop', '2026-04-13', 'met', '2026-04-10'],
      ['halsnaes.company_internship', '2026-09-02', 'open', '-'],
      ['lab.four_conversations', '2026-09-02', 'open', '-'],
      ['lab.no_activation_12_months', '2027-05-10', 'open', '-'],
    ]);
  });

  it('on the day of registration', () => {
    expect(table('2026-03-02')).toEqual([
      ['lab.first_conversation', '2026-03-09', 'open', '-'],
      ['halsnaes.monthly_conversation', '2026-04-02', 'open', '-'],
      ['halsnaes.cv_workshop', '2026-04-13', 'open', '-'],
      ['halsnaes.company_internship', '2026-09-02', 'open', '-'],
      ['lab.four_conversations', '2026-09-02', 'open', '-'],
      ['lab.no_activation_12_months', '2027-03-02', 'open', '-'],
    ]);
  });

  it('on 2026-10-01: internship met, mentor running, every other month from 09-02', () => {
    expect(table('2026-10-01')).toEqual([
      ['lab.first_conversation', '2026-03-09', 'met', '2026-03-05'],
      ['halsnaes.monthly_conversation', '2026-04-12', 'overdue', '-'],
      ['halsnaes.cv_workshop', '2026-04-13', 'met', '2026-04-10'],
      ['halsnaes.company_internship', '2026-09-02', 'met', '2026-06-15'],
      ['lab.four_conversations', '2026-09-02', 'overdue', '-'],
      ['halsnaes.bimonthly_conversation', '2026-11-02', 'open', '-'],
    ]);
  });

  it('on 2027-06-01: the mentor ended 2027-03-01', () => {
    expect(table('2027-06-01')).toEqual([
      ['lab.first_conversation', '2026-03-09', 'met', '2026-03-05'],
      ['halsnaes.monthly_conversation', '2026-04-12', 'overdue', '-'],
      ['halsnaes.cv_workshop', '2026-04-13', 'met', '2026-04-10'],
      ['halsnaes.company_internship', '2026-09-02', 'met', '2026-06-15'],
      ['lab.four_conversations', '2026-09-02', 'overdue', '-'],
      ['halsnaes.bimonthly_conversation', '2026-11-02', 'overdue', '-'],
      ['lab.no_activation_12_months', '2028-03-01', 'open', '-'],
    ]);
  });

  it('as a near job-ready citizen on 2026-06-01', () => {
    // Company consultant: 03-02 + 4 months = 07-02, met by the contact on 05-01.
    expect(table('2026-06-01', { track: 'near_job_ready' })).toEqual([
      ['lab.first_conversation', '2026-03-09', 'met', '2026-03-05'],
      ['halsnaes.monthly_conversation', '2026-04-12', 'overdue', '-'],
      ['halsnaes.company_consultant', '2026-07-02', 'met', '2026-05-01'],
      ['lab.four_conversations', '2026-09-02', 'open', '-'],
      ['lab.no_activation_12_months', '2027-05-10', 'open', '-'],
    ]);
  });

  it('as a rehab-team citizen on 2027-06-01', () => {
    // 2024-01-15 + 3 years = 2027-01-15; referral 2027-05-01 is late.
    expect(table('2027-06-01', { track: 'rehab_team' })).toContainEqual([
      'halsnaes.rehab_team',
      '2027-01-15',
      'late',
      '2027-05-01',
    ]);
  });

  it('carries every contract key, with met_on always present', () => {
    for (const deadline of evaluateDeadlines(facts(), '2026-06-01', DEFAULT_RULE_SET)) {
      expect(Object.keys(deadline).slice(0, 7)).toEqual([
        'rule',
        'title',
        'due',
        'status',
        'met_on',
        'basis',
        'explanation',
      ]);
      expect(deadline).toHaveProperty('met_on');
    }
  });
});
