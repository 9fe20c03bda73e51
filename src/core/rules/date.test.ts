import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  toDayNumber,
} from './date.js';
import { addDuration, describeDuration, parseDuration } from './duration.js';

describe('ISO dates', () => {
  it('accepts existing calendar dates only', () => {
    expect(isIsoDate('2026-03-02')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
    expect(isIsoDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2026-01-05')).toBe(false);
    expect(isIsoDate(20260105)).toBe(false);
    expect(parseIsoDate('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017); // 30 years incl. 7 leap days + Jan + Feb 2000
    expect(fromDayNumber(11017)).toBe('2000-03-01');
  });

  it('agrees with Date.UTC on day numbers (independent oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -80000, max: 120000 }), (n) => {
        const iso = fromDayNumber(n);
        expect(iso).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(toDayNumber(iso)).toBe(n);
      }),
    );
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-03-02', 7)).toBe('2026-03-09');
    expect(addDays('2025-12-29', 7)).toBe('2026-01-05');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-02', 42)).toBe('2026-04-13');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-03-02', 6)).toBe('2026-09-02');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -2)).toBe('2025-11-15');
  });

  it('does not chain clamping: Jan 31 + 2 months is Mar 31, not Mar 28', () => {
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths(addMonths('2026-01-31', 1), 1)).toBe('2026-03-28');
  });

  it('compares dates, also past year 9999', () => {
    expect(compareDates('2026-03-02', '2026-03-09')).toBeLessThan(0);
    expect(compareDates('2026-03-09', '2026-03-09')).toBe(0);
    expect(compareDates('10000-01-01', '9999-12-31')).toBeGreaterThan(0);
    expect(addMonths('9999-12-31', 1)).toBe('10000-01-31');
  });

  it('month addition lands in the right month and never past the original day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60000 }), fc.integer({ min: 0, max: 60 }), (n, months) => {
        const from = parseIsoDate(fromDayNumber(n))!;
        const to = parseIsoDate(addMonths(fromDayNumber(n), months))!;
        expect(to.year * 12 + to.month).toBe(from.year * 12 + from.month + months);
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
  });
});

describe('durations', () => {
  it('parses one-unit ISO durations', () => {
    expect(parseDuration('P1W')).toEqual({ count: 1, unit: 'weeks' });
    expect(parseDuration('P42D')).toEqual({ count: 42, unit: 'days' });
    expect(parseDuration('P3Y')).toEqual({ count: 3, unit: 'years' });
    for (const bad of ['P0D', 'P1M2D', '1W', 'P-1W', 'PT1H', 'P1.5M', 'p1w']) expect(parseDuration(bad)).toBeNull();
  });

  it('adds weeks as 7·N days, months clamped, years as 12 months', () => {
    expect(addDuration('2026-03-02', { count: 1, unit: 'weeks' })).toBe('2026-03-09');
    expect(addDuration('2026-03-02', { count: 6, unit: 'weeks' })).toBe('2026-04-13');
    expect(addDuration('2024-02-29', { count: 3, unit: 'years' })).toBe('2027-02-28');
    expect(addDuration('2025-10-31', { count: 4, unit: 'months' })).toBe('2026-02-28');
  });

  it('describes periods in Danish and English', () => {
    expect(describeDuration({ count: 1, unit: 'weeks' }, 'da')).toBe('1 uge');
    expect(describeDuration({ count: 6, unit: 'weeks' }, 'da')).toBe('6 uger');
    expect(describeDuration({ count: 1, unit: 'months' }, 'da')).toBe('1 måned');
    expect(describeDuration({ count: 12, unit: 'months' }, 'da')).toBe('12 måneder');
    expect(describeDuration({ count: 3, unit: 'years' }, 'da')).toBe('3 år');
    expect(describeDuration({ count: 1, unit: 'days' }, 'en')).toBe('1 day');
    expect(describeDuration({ count: 2, unit: 'months' }, 'en')).toBe('2 months');
  });
});
