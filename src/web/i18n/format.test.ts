import { describe, it, expect } from 'vitest';
import {
  formatDate,
  formatIsoDate,
  formatMoment,
  formatNumber,
  inLanguage,
  isoDateIn,
  languageName,
} from './format.js';
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

describe('formatIsoDate', () => {
  it('writes the calendar day the Danish and the English way', () => {
    expect(formatIsoDate('2026-11-30', 'da')).toBe('30. november 2026');
    expect(formatIsoDate('2026-11-30', 'en')).toBe('30 November 2026');
    // Around the change to summer time the day must not slip.
    expect(formatIsoDate('2026-03-29', 'da')).toBe('29. marts 2026');
  });

  it('leaves text that is not an ISO date alone', () => {
    expect(formatIsoDate('snart', 'da')).toBe('snart');
  });
});

describe('isoDateIn', () => {
  it('gives the Copenhagen date, which runs ahead of UTC in the late evening', () => {
    expect(isoDateIn(new Date('2026-11-23T22:30:00Z'))).toBe('2026-11-23');
    expect(isoDateIn(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(isoDateIn(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });
});

describe('formatMoment', () => {
  it('shows Copenhagen wall-clock time', () => {
    expect(formatMoment('2026-11-23T18:32:47.708Z', 'da')).toBe('23. november 2026 kl. 19.32');
  });
});

describe('texts and names', () => {
  it('picks the text in the UI language', () => {
    expect(inLanguage('da', 'Første samtale', 'First conversation')).toBe('Første samtale');
    expect(inLanguage('en', 'Første samtale', 'First conversation')).toBe('First conversation');
  });

  it('names languages with a capital letter, and falls back to the code', () => {
    expect(languageName('ar', 'da')).toBe('Arabisk');
    expect(languageName('ar', 'en')).toBe('Arabic');
    expect(languageName('qqq', 'da')).toBe('qqq');
  });
});
