import { describe, it, expect } from 'vitest';
import { formatDate, formatNumber } from './format.js';
import { toLanguage } from './languages.js';

describe('formatting by language', () => {
  // 5 January 2026 was a Monday; 23:30 UTC on the 4th is already the 5th in Copenhagen (UTC+1).
  const date = new Date(Date.UTC(2026, 0, 4, 23, 30));

  it('writes dates the Danish and the British way, on Danish time', () => {
    expect(formatDate(date, 'da')).toBe('5. januar 2026');
    expect(formatDate(date, 'en')).toBe('5 January 2026');
    expect(formatDate(date, 'da', 'full')).toBe('mandag den 5. januar 2026');
  });

  it('groups thousands with a point in Danish and a comma in English', () => {
    expect(formatNumber(1234567.5, 'da')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('falls back to Danish for an unknown or missing language', () => {
    expect(toLanguage('en')).toBe('en');
    expect(toLanguage('de')).toBe('da');
    expect(toLanguage(null)).toBe('da');
  });
});
