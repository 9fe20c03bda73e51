import { describe, expect, it } from 'vitest';
import { eventProblems } from './event.js';

const today = '2026-03-10';

describe('eventProblems', () => {
  it('accepts a held conversation, a cancelled one and an activity with a period', () => {
    expect(eventProblems({ type: 'conversation', date: today, held: true, mode: 'home' }, today)).toEqual([]);
    expect(
      eventProblems({ type: 'resource_conversation', date: '2026-03-01', held: false, cancelled_by: 'citizen' }, today),
    ).toEqual([]);
    expect(
      eventProblems({ type: 'activity', date: '2026-03-01', kind: 'cv_workshop', end_date: '2026-04-01' }, today),
    ).toEqual([]);
    expect(eventProblems({ type: 'mentor', date: '2026-03-01', end_date: null }, today)).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(eventProblems({ type: 'conversation', date: '2026-03-11' }, today)).toEqual([
      { field: 'date', code: 'date_in_future' },
      { field: 'held', code: 'held_missing' },
    ]);
    expect(eventProblems({ type: 'conversation', date: '2026-02-30', held: false }, today)).toEqual([
      { field: 'date', code: 'date_invalid' },
      { field: 'cancelled_by', code: 'cancelled_by_missing' },
    ]);
    expect(eventProblems({ type: 'conversation', date: today, held: true, cancelled_by: 'other' }, today)).toEqual([
      { field: 'cancelled_by', code: 'cancelled_when_held' },
    ]);
    expect(eventProblems({ type: 'mentor', date: today, held: true, mode: 'home', kind: 'ips' }, today)).toEqual([
      { field: 'held', code: 'held_not_conversation' },
      { field: 'mode', code: 'mode_not_conversation' },
      { field: 'kind', code: 'kind_not_activity' },
    ]);
    expect(eventProblems({ type: 'activity', date: today, end_date: '2026-03-01' }, today)).toEqual([
      { field: 'kind', code: 'kind_missing' },
      { field: 'end_date', code: 'end_before_start' },
    ]);
    expect(eventProblems({ type: 'company_consultant_contact', date: today, end_date: today }, today)).toEqual([
      { field: 'end_date', code: 'end_not_span' },
    ]);
    expect(eventProblems({ type: 'activity', date: today, kind: 'ips', end_date: 'soon' }, today)).toEqual([
      { field: 'end_date', code: 'end_date_invalid' },
    ]);
  });
});
