import { describe, expect, it } from 'vitest';
import {
  dateValueOf,
  EMPTY_DATE,
  parseDateParts,
  parseDateValue,
  partsOfValue,
  splitWholeDate,
  type DateParts,
} from './danishDate.js';

const parts = (day: string, month: string, year: string): DateParts => ({ day, month, year });

describe('parseDateParts', () => {
  it('reads a date with or without leading zeros', () => {
    expect(parseDateParts(parts('07', '12', '2026'))).toEqual({ ok: true, iso: '2026-12-07' });
    expect(parseDateParts(parts('7', '2', '2026'))).toEqual({ ok: true, iso: '2026-02-07' });
    expect(parseDateParts(parts(' 7 ', ' 12', '2026 '))).toEqual({ ok: true, iso: '2026-12-07' });
  });

  it('knows leap years: 29 February 2028 exists, 29 February 2027 does not', () => {
    expect(parseDateParts(parts('29', '02', '2028'))).toEqual({ ok: true, iso: '2028-02-29' });
    expect(parseDateParts(parts('29', '02', '2027'))).toEqual({
      ok: false,
      problem: { code: 'no_such_day', year: 2027, month: 2, days: 28 },
    });
    expect(parseDateParts(parts('29', '02', '2000'))).toEqual({ ok: true, iso: '2000-02-29' });
    expect(parseDateParts(parts('29', '02', '2100')).ok).toBe(false);
  });

  it('refuses days the month does not have', () => {
    expect(parseDateParts(parts('31', '02', '2026'))).toEqual({
      ok: false,
      problem: { code: 'no_such_day', year: 2026, month: 2, days: 28 },
    });
    expect(parseDateParts(parts('31', '04', '2026'))).toEqual({
      ok: false,
      problem: { code: 'no_such_day', year: 2026, month: 4, days: 30 },
    });
    expect(parseDateParts(parts('31', '12', '2026'))).toEqual({ ok: true, iso: '2026-12-31' });
  });

  it('refuses day 0 and past 31, and month 0 and 13', () => {
    expect(parseDateParts(parts('0', '12', '2026'))).toEqual({ ok: false, problem: { code: 'day_range' } });
    expect(parseDateParts(parts('32', '12', '2026'))).toEqual({ ok: false, problem: { code: 'day_range' } });
    expect(parseDateParts(parts('07', '13', '2026'))).toEqual({ ok: false, problem: { code: 'month_range' } });
    expect(parseDateParts(parts('07', '00', '2026'))).toEqual({ ok: false, problem: { code: 'month_range' } });
  });

  it('asks for a four-digit year instead of guessing the century', () => {
    expect(parseDateParts(parts('07', '12', '26'))).toEqual({ ok: false, problem: { code: 'year_digits' } });
    expect(parseDateParts(parts('07', '12', '202'))).toEqual({ ok: false, problem: { code: 'year_digits' } });
    expect(parseDateParts(parts('07', '12', '20266'))).toEqual({ ok: false, problem: { code: 'year_digits' } });
    expect(parseDateParts(parts('07', '12', '0226'))).toEqual({ ok: false, problem: { code: 'year_digits' } });
  });

  it('says which box is empty, and that all of them are', () => {
    expect(parseDateParts(EMPTY_DATE)).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(parseDateParts(parts(' ', '', ''))).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(parseDateParts(parts('07', '12', ''))).toEqual({ ok: false, problem: { code: 'missing', parts: ['year'] } });
    expect(parseDateParts(parts('', '12', ''))).toEqual({
      ok: false,
      problem: { code: 'missing', parts: ['day', 'year'] },
    });
  });

  it('refuses letters and a day or month of more than two digits', () => {
    expect(parseDateParts(parts('7.', '12', '2026'))).toEqual({ ok: false, problem: { code: 'form' } });
    expect(parseDateParts(parts('syv', '12', '2026'))).toEqual({ ok: false, problem: { code: 'form' } });
    expect(parseDateParts(parts('007', '12', '2026'))).toEqual({ ok: false, problem: { code: 'form' } });
    expect(parseDateParts(parts('07', '012', ''))).toEqual({ ok: false, problem: { code: 'form' } });
  });
});

describe('splitWholeDate', () => {
  it('splits the ways a Dane writes a whole date', () => {
    const december7 = parts('07', '12', '2026');
    expect(splitWholeDate('07.12.2026')).toEqual(december7);
    expect(splitWholeDate('07122026')).toEqual(december7);
    expect(splitWholeDate('07-12-2026')).toEqual(december7);
    expect(splitWholeDate('07/12/2026')).toEqual(december7);
    expect(splitWholeDate(' 07. 12. 2026 ')).toEqual(december7);
    expect(splitWholeDate('7.12.2026')).toEqual(parts('7', '12', '2026'));
    expect(splitWholeDate('7.2.2026')).toEqual(parts('7', '2', '2026'));
  });

  it('splits the ISO form and a date written out, as the app shows it', () => {
    expect(splitWholeDate('2026-12-07')).toEqual(parts('07', '12', '2026'));
    expect(splitWholeDate('7. december 2026')).toEqual(parts('7', '12', '2026'));
    expect(splitWholeDate('7 December 2026')).toEqual(parts('7', '12', '2026'));
    expect(splitWholeDate('30. maj 2026')).toEqual(parts('30', '5', '2026'));
    expect(splitWholeDate('1. okt. 2026')).toEqual(parts('1', '10', '2026'));
  });

  it('splits 31022026 so the check can say that February has no 31st', () => {
    const split = splitWholeDate('31022026');
    expect(split).toEqual(parts('31', '02', '2026'));
    expect(split === null ? null : parseDateParts(split)).toEqual({
      ok: false,
      problem: { code: 'no_such_day', year: 2026, month: 2, days: 28 },
    });
  });

  it('leaves a date still being typed alone, and splits a short year only when asked', () => {
    for (const typing of ['0', '07', '07.', '07.12', '07.12.', '07.12.20', '071220', '0712202', '2026-12-0']) {
      expect(splitWholeDate(typing), typing).toBeNull();
    }
    expect(splitWholeDate('07.12.26', { complete: false })).toEqual(parts('07', '12', '26'));
    expect(splitWholeDate('07', { complete: false })).toBeNull();
    expect(splitWholeDate('2026', { complete: false })).toBeNull();
  });

  it('does not take other text for a date', () => {
    for (const text of ['', 'i går', '7. smarts 2026', '123.12.2026', '07.123.2026', '071220266']) {
      expect(splitWholeDate(text), text).toBeNull();
    }
  });
});

describe('the field value', () => {
  it('is the ISO date when the boxes hold one, and empty when they are empty', () => {
    expect(dateValueOf(parts('7', '12', '2026'))).toBe('2026-12-07');
    expect(dateValueOf(EMPTY_DATE)).toBe('');
  });

  it('keeps what was typed when it is no date, and the check finds the reason in it', () => {
    const typed = parts('31', '02', '2026');
    const value = dateValueOf(typed);
    expect(value).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(partsOfValue(value)).toEqual(typed);
    expect(parseDateValue(value)).toEqual({
      ok: false,
      problem: { code: 'no_such_day', year: 2026, month: 2, days: 28 },
    });
    expect(partsOfValue(dateValueOf(parts('7', '', '')))).toEqual(parts('7', '', ''));
  });

  it('shows an ISO value in the boxes the Danish way', () => {
    expect(partsOfValue('2026-12-07')).toEqual(parts('07', '12', '2026'));
    expect(partsOfValue('')).toEqual(EMPTY_DATE);
  });

  it('reads a value given as text as if it were typed', () => {
    expect(parseDateValue('2026-02-30')).toEqual({
      ok: false,
      problem: { code: 'no_such_day', year: 2026, month: 2, days: 28 },
    });
    expect(parseDateValue('07.12.2026')).toEqual({ ok: true, iso: '2026-12-07' });
    expect(parseDateValue('i morgen')).toEqual({ ok: false, problem: { code: 'form' } });
  });
});
