import { describe, expect, it } from 'vitest';
import { birthYear, daysInMonth, isLeapYear, seventhDigitsFor } from './century.js';

describe('century table', () => {
  it('maps each cell of the table', () => {
    // Rows: 7th digit; columns: YY 00–36, 37–57, 58–99 (values read off the CPR office's table).
    const rows: [number, [number, number, number]][] = [
      [0, [1900, 1900, 1900]],
      [3, [1900, 1900, 1900]],
      [4, [2000, 1900, 1900]],
      [9, [2000, 1900, 1900]],
      [5, [2000, 2000, 1800]],
      [8, [2000, 2000, 1800]],
    ];
    for (const [digit, [a, b, c]] of rows) {
      expect(birthYear(0, digit)).toBe(a);
      expect(birthYear(36, digit)).toBe(a + 36);
      expect(birthYear(37, digit)).toBe(b + 37);
      expect(birthYear(57, digit)).toBe(b + 57);
      expect(birthYear(58, digit)).toBe(c + 58);
      expect(birthYear(99, digit)).toBe(c + 99);
    }
  });

  it('lists the 7th digits that fit a year', () => {
    expect(seventhDigitsFor(1990)).toEqual([0, 1, 2, 3, 4, 9]);
    expect(seventhDigitsFor(1936)).toEqual([0, 1, 2, 3]);
    expect(seventhDigitsFor(2036)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(seventhDigitsFor(2037)).toEqual([5, 6, 7, 8]);
    expect(seventhDigitsFor(1858)).toEqual([5, 6, 7, 8]);
    expect(seventhDigitsFor(1857)).toEqual([]);
    expect(seventhDigitsFor(2058)).toEqual([]);
  });

  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 1996, 1997, 2100, 1860].map(isLeapYear)).toEqual([false, true, true, false, false, true]);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2001, 4)).toBe(30);
    expect(daysInMonth(2001, 13)).toBe(0);
    expect(daysInMonth(2001, 0)).toBe(0);
  });
});
