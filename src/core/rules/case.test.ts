import { describe, expect, it } from 'vitest';
import { parseCaseInput } from './case.js';

const valid = {
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

function errorsOf(json: unknown): readonly string[] {
  const result = parseCaseInput(json);
  return result.ok ? [] : result.errors;
}

function withEvent(index: number, event: unknown): unknown {
  const events: unknown[] = [...valid.events];
  events[index] = event;
  return { ...valid, events };
}

describe('parseCaseInput', () => {
  it('reads the contract example', () => {
    const result = parseCaseInput(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.registered).toBe('2026-03-02');
    expect(result.value.track).toBe('step_up');
    expect(result.value.events).toHaveLength(8);
    expect(result.value.events[0]).toEqual({ type: 'conversation', date: '2026-03-05', held: true, mode: 'phone' });
    expect(result.value.events[6]).toEqual({ type: 'mentor', date: '2026-09-01', end: '2027-03-01' });
  });

  it('treats a missing end as an open-ended activity and a missing track as none', () => {
    const result = parseCaseInput({
      registered: '2026-03-02',
      category: 'activity_ready',
      events: [{ date: '2026-04-10', type: 'activity', kind: 'ips' }],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        registered: '2026-03-02',
        benefit_start: null,
        category: 'activity_ready',
        track: null,
        events: [{ type: 'activity', date: '2026-04-10', kind: 'ips', end: null }],
      },
    });
  });

  it('names an impossible date', () => {
    const bad = withEvent(3, { date: '2026-02-30', type: 'activity', kind: 'cv_workshop' });
    expect(errorsOf(bad)).toEqual(['events[3].date: not a date']);
  });

  it('names a missing or non-boolean held on conversation events', () => {
    expect(errorsOf(withEvent(0, { date: '2026-03-05', type: 'conversation' }))).toEqual(['events[0].held: required']);
    expect(errorsOf(withEvent(1, { date: '2026-03-12', type: 'resource_conversation' }))).toEqual([
      'events[1].held: required',
    ]);
    expect(errorsOf(withEvent(0, { date: '2026-03-05', type: 'conversation', held: 'yes' }))).toEqual([
      'events[0].held: not a boolean, got "yes"',
    ]);
  });

  it('names unknown event types', () => {
    expect(errorsOf(withEvent(2, { date: '2026-04-08', type: 'meeting' }))).toEqual([
      'events[2].type: unknown event type "meeting"',
    ]);
    expect(errorsOf(withEvent(2, { date: '2026-04-08' }))).toEqual(['events[2].type: required']);
  });

  it('names missing or bad top-level fields', () => {
    const { registered: _r, ...noRegistered } = valid;
    expect(errorsOf(noRegistered)).toEqual(['registered: required']);
    expect(errorsOf({ ...valid, registered: '02-03-2026' })).toEqual(['registered: not a date']);
    expect(errorsOf({ ...valid, benefit_start: '2024-13-01' })).toEqual(['benefit_start: not a date']);
    expect(errorsOf({ ...valid, category: 'ready' })[0]).toMatch(/^category: must be one of job_ready, activity_ready/);
    expect(errorsOf({ ...valid, track: 'fast' })[0]).toMatch(/^track: must be one of/);
    expect(errorsOf({ ...valid, category: 'job_ready' })).toEqual(['track: only activity-ready citizens have a track']);
    expect(errorsOf({ ...valid, events: {} })).toEqual(['events: must be an array, got an object']);
    expect(errorsOf([valid])).toEqual(['(top level): must be an object, got an array']);
  });

  it('names bad activity fields', () => {
    expect(errorsOf(withEvent(3, { date: '2026-04-10', type: 'activity' }))).toEqual(['events[3].kind: required']);
    expect(errorsOf(withEvent(3, { date: '2026-04-10', type: 'activity', kind: 'ips', end: '2026-04-31' }))).toEqual([
      'events[3].end: not a date',
    ]);
    expect(errorsOf(withEvent(6, { date: '2026-09-01', type: 'mentor', end: '2026-08-31' }))).toEqual([
      'events[6].end: before the start date 2026-09-01',
    ]);
    expect(errorsOf(withEvent(4, 'contact'))).toEqual(['events[4]: must be an object, got "contact"']);
  });

  it('reports every problem at once', () => {
    const bad = {
      category: 'activity_ready',
      events: [
        { date: '2026-02-30', type: 'conversation' },
        { date: '2026-03-01', type: 'x' },
      ],
    };
    expect(errorsOf(bad)).toEqual([
      'registered: required',
      'events[0].date: not a date',
      'events[0].held: required',
      'events[1].type: unknown event type "x"',
    ]);
  });
});
