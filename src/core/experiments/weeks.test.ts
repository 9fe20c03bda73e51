import { describe, expect, it } from 'vitest';
import { mondayOf, observedWeeks, weeklyStatuses } from './weeks.js';

describe('weekly outcomes from status periods', () => {
  it('finds the Monday of the ISO week', () => {
    expect(mondayOf('2026-01-01')).toBe('2025-12-29'); // a Thursday
    expect(mondayOf('2026-01-05')).toBe('2026-01-05'); // a Monday
    expect(mondayOf('2026-01-11')).toBe('2026-01-05'); // a Sunday
  });

  it('counts only weeks that have ended, up to the follow-up length', () => {
    // Enrolled Wednesday 7 January 2026: week 1 is 5–11 January.
    expect(observedWeeks('2026-01-07', '2026-01-11', 104)).toBe(0);
    expect(observedWeeks('2026-01-07', '2026-01-12', 104)).toBe(1);
    expect(observedWeeks('2026-01-07', '2026-03-02', 104)).toBe(8);
    expect(observedWeeks('2026-01-07', '2030-01-01', 104)).toBe(104);
  });

  it('takes the status highest in precedence when periods overlap a week', () => {
    const statuses = weeklyStatuses('2026-01-07', 5, [
      { status: 'active_measure', start: '2026-01-05', end: null },
      { status: 'internship', start: '2026-01-14', end: '2026-01-20' },
      { status: 'ordinary_job', start: '2026-01-25', end: '2026-01-25' },
    ]);
    // Week 2 (12–18 Jan) and week 3 (19–25 Jan) hold the internship; week 3 also the job on Sunday 25th.
    expect(statuses).toEqual(['active_measure', 'internship', 'ordinary_job', 'active_measure', 'active_measure']);
  });

  it('gives none where no period covers a week', () => {
    expect(weeklyStatuses('2026-01-07', 2, [{ status: 'flexjob', start: '2026-01-13', end: null }])).toEqual([
      'none',
      'flexjob',
    ]);
  });
});
