// What is wrong with a date field, as a sentence in the UI language ("Datoen findes ikke:
// februar 2026 har 28 dage.").
import type { TFunction } from 'i18next';
import { formatMonth } from '../i18n/format.js';
import type { Language } from '../i18n/languages.js';
import { parseDateValue, type DateProblem } from './danishDate.js';

export function dateProblemText(problem: DateProblem, t: TFunction, language: Language): string {
  switch (problem.code) {
    case 'empty':
      return t('dateField.errors.empty');
    case 'form':
      return t('dateField.errors.form');
    case 'missing': {
      // One box left empty is named; more than that, and the whole form is the better hint.
      if (problem.parts.length > 1) return t('dateField.errors.form');
      const [part] = problem.parts;
      if (part === 'day') return t('dateField.errors.missingDay');
      if (part === 'month') return t('dateField.errors.missingMonth');
      return t('dateField.errors.missingYear');
    }
    case 'year_digits':
      return t('dateField.errors.yearDigits');
    case 'month_range':
      return t('dateField.errors.monthRange');
    case 'day_range':
      return t('dateField.errors.dayRange');
    case 'no_such_day':
      return t('dateField.errors.noSuchDay', {
        month: formatMonth(problem.year, problem.month, language),
        days: problem.days,
      });
  }
}

/**
 * The message for a date field's value that was filled in but is no date; undefined when it
 * is a date or empty, so the form's own words for a missing or out-of-range date still apply.
 */
export function dateValueProblem(value: string, t: TFunction, language: Language): string | undefined {
  const parsed = parseDateValue(value);
  if (parsed.ok || parsed.problem.code === 'empty') return undefined;
  return dateProblemText(parsed.problem, t, language);
}
