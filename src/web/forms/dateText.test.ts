import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import da from '../i18n/da.json';
import en from '../i18n/en.json';
import { dateProblemText, dateValueProblem } from './dateText.js';
import { dateValueOf } from './danishDate.js';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: 'da',
    interpolation: { escapeValue: false },
  });
});

const typed = (day: string, month: string, year: string): string => dateValueOf({ day, month, year });

describe('what is wrong with a date, in words', () => {
  it('names the month and its days when the day does not exist', () => {
    const t = i18n.getFixedT('da');
    expect(dateValueProblem(typed('31', '02', '2026'), t, 'da')).toBe('Datoen findes ikke: februar 2026 har 28 dage.');
    expect(dateValueProblem(typed('29', '2', '2027'), t, 'da')).toBe('Datoen findes ikke: februar 2027 har 28 dage.');
    expect(dateValueProblem(typed('31', '4', '2026'), t, 'da')).toBe('Datoen findes ikke: april 2026 har 30 dage.');
    const english = i18n.getFixedT('en');
    expect(dateValueProblem(typed('31', '02', '2026'), english, 'en')).toBe(
      'The date does not exist: February 2026 has 28 days.',
    );
  });

  it('shows how to write a date when the text is no date', () => {
    const t = i18n.getFixedT('da');
    expect(dateValueProblem(typed('7.', '12', '2026'), t, 'da')).toBe(
      'Skriv datoen som dag, måned og år, fx 07.12.2026.',
    );
    expect(dateValueProblem(typed('07', '', ''), t, 'da')).toBe('Skriv datoen som dag, måned og år, fx 07.12.2026.');
    expect(dateValueProblem(typed('07', '12', ''), t, 'da')).toBe('Datoen mangler et år.');
    expect(dateValueProblem(typed('', '12', '2026'), t, 'da')).toBe('Datoen mangler en dag.');
    expect(dateValueProblem(typed('07', '12', '26'), t, 'da')).toBe('Skriv året med fire cifre, fx 2026.');
    expect(dateValueProblem(typed('07', '13', '2026'), t, 'da')).toBe('Måneden skal være et tal fra 1 til 12.');
    expect(dateValueProblem(typed('0', '12', '2026'), t, 'da')).toBe('Dagen skal være et tal fra 1 til 31.');
  });

  it('has nothing to say about a date or an empty field: the form decides whether one is needed', () => {
    const t = i18n.getFixedT('da');
    expect(dateValueProblem('2026-12-07', t, 'da')).toBeUndefined();
    expect(dateValueProblem(typed('29', '02', '2028'), t, 'da')).toBeUndefined();
    expect(dateValueProblem('', t, 'da')).toBeUndefined();
    expect(dateProblemText({ code: 'empty' }, t, 'da')).toBe('Skriv datoen som dag, måned og år, fx 07.12.2026.');
  });
});
