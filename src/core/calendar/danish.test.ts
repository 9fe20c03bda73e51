import { describe, expect, it } from 'vitest';
import { copenhagenClock, copenhagenDate, longDate, longMoment, shortDate, shortMoment } from './danish.js';

describe('dates', () => {
  it('writes a date out and for dense tables, in Danish and English', () => {
    expect(longDate('2026-12-07')).toBe('7. december 2026');
    expect(longDate('2026-12-07', 'en')).toBe('7 December 2026');
    expect(shortDate('2026-12-07')).toBe('07.12.2026');
    expect(shortDate('2026-12-07', 'en')).toBe('07/12/2026');
    expect(longDate('2024-02-29')).toBe('29. februar 2024');
    expect(longDate('2027-05-01')).toBe('1. maj 2027');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => longDate('2026-02-30')).toThrow(RangeError);
    expect(() => shortDate('07.12.2026')).toThrow(RangeError);
  });
});

describe('moments in Copenhagen time', () => {
  it('shows a UTC instant on the Danish wall clock', () => {
    expect(longMoment('2026-12-07T17:06:47.998Z')).toBe('7. december 2026 kl. 18.06');
    expect(longMoment('2026-12-07T17:06:47.998Z', 'en')).toBe('7 December 2026 at 18:06');
    expect(shortMoment(new Date('2026-12-07T17:06:47.998Z'))).toBe('07.12.2026 18.06');
    expect(shortMoment('2026-12-07T17:06:47.998Z', 'en')).toBe('07/12/2026 18:06');
  });

  it('follows summer time: +1 hour in winter, +2 in summer', () => {
    expect(longMoment('2026-01-15T12:00:00Z')).toBe('15. januar 2026 kl. 13.00');
    expect(longMoment('2026-07-15T12:00:00Z')).toBe('15. juli 2026 kl. 14.00');
  });

  it('jumps from 02.00 to 03.00 on the last Sunday of March', () => {
    // Summer time starts at 01:00 UTC: 00:30Z is still winter time, 01:30Z already summer time.
    expect(longMoment('2026-03-29T00:30:00Z')).toBe('29. marts 2026 kl. 01.30');
    expect(longMoment('2026-03-29T00:59:00Z')).toBe('29. marts 2026 kl. 01.59');
    expect(longMoment('2026-03-29T01:00:00Z')).toBe('29. marts 2026 kl. 03.00');
    expect(longMoment('2026-03-29T01:30:00Z')).toBe('29. marts 2026 kl. 03.30');
  });

  it('shows 02.30 twice on the last Sunday of October', () => {
    // Summer time ends at 01:00 UTC: the wall clock goes from 02.59 back to 02.00.
    expect(longMoment('2026-10-25T00:30:00Z')).toBe('25. oktober 2026 kl. 02.30');
    expect(longMoment('2026-10-25T01:30:00Z')).toBe('25. oktober 2026 kl. 02.30');
    expect(copenhagenClock('2026-10-25T00:59:00Z')).toMatchObject({ hour: 2, minute: 59 });
    expect(copenhagenClock('2026-10-25T01:00:00Z')).toMatchObject({ hour: 2, minute: 0 });
  });

  it('puts late UTC evenings on the next Danish day', () => {
    expect(copenhagenDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(longMoment('2026-12-31T23:30:00Z')).toBe('1. januar 2027 kl. 00.30');
    expect(copenhagenDate('2026-06-30T21:59:00Z')).toBe('2026-06-30');
    expect(copenhagenDate('2026-06-30T22:00:00Z')).toBe('2026-07-01');
    // Midnight shows as 00, not 24.
    expect(copenhagenClock('2026-06-30T22:00:00Z')).toMatchObject({ hour: 0, minute: 0 });
  });

  it('refuses what is not a moment', () => {
    expect(() => longMoment('yesterday')).toThrow(RangeError);
    expect(() => copenhagenDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
