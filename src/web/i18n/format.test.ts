import { describe, it, expect } from 'vitest';
import {
  formatDate,
  formatDatesInText,
  formatIsoDate,
  formatMoment,
  formatMonth,
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

  it('writes the short form for dense tables', () => {
    expect(formatIsoDate('2026-12-07', 'da', 'short')).toBe('07.12.2026');
    expect(formatIsoDate('2026-12-07', 'en', 'short')).toBe('07/12/2026');
  });

  it('leaves a day that does not exist as it is instead of rolling it into the next month', () => {
    expect(formatIsoDate('2026-02-30', 'da')).toBe('2026-02-30');
  });
});

describe('formatMonth', () => {
  it('names the month and year', () => {
    expect(formatMonth(2026, 2, 'da')).toBe('februar 2026');
    expect(formatMonth(2026, 2, 'en')).toBe('February 2026');
  });
});

describe('formatDatesInText', () => {
  it("rewrites the ISO dates in a deadline's explanation, and nothing else", () => {
    expect(formatDatesInText('Første samtale senest 1 uge efter registrering (2026-03-02).', 'da')).toBe(
      'Første samtale senest 1 uge efter registrering (2. marts 2026).',
    );
    expect(formatDatesInText('First conversation at the latest 1 week after registration (2026-03-02).', 'en')).toBe(
      'First conversation at the latest 1 week after registration (2 March 2026).',
    );
    expect(formatDatesInText('Fra 2026-01-05 til 2026-12-31, LOV nr. 1750 af 29.12.2025.', 'da', 'short')).toBe(
      'Fra 05.01.2026 til 31.12.2026, LOV nr. 1750 af 29.12.2025.',
    );
  });

  it('writes an instant on Copenhagen wall-clock time', () => {
    expect(formatDatesInText('Design version 2, låst 2026-12-07T17:06:47.998Z.', 'da')).toBe(
      'Design version 2, låst 7. december 2026 kl. 18.06.',
    );
    expect(formatDatesInText('låst 2026-07-01T10:00:00+02:00', 'da')).toBe('låst 1. juli 2026 kl. 10.00');
  });

  it('leaves alone what only looks like a date', () => {
    const untouched = [
      'Sag 12026-03-02',
      'nummer 2026-03-021',
      'uge 2026-W05',
      'en dag der ikke findes: 2026-02-30',
      'uden tidszone 2026-12-07T17:06',
      'Halsnæs Kommune, politik for aktivitetsparate over 30',
    ];
    for (const text of untouched) expect(formatDatesInText(text, 'da')).toBe(text);
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
