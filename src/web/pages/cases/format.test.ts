import { describe, it, expect } from 'vitest';
import { formatIsoDate, formatMoment, inLanguage, isoDateIn, languageName } from './format.js';

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
