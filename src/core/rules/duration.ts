// Rule periods written as one-unit ISO 8601 durations (P1W, P6M, P3Y, P42D).
// Law and local policy count in days, weeks, months or years, never in mixtures.
import { addDays, addMonths, type IsoDate } from './date.js';

export type DurationUnit = 'days' | 'weeks' | 'months' | 'years';

export interface Duration {
  readonly count: number;
  readonly unit: DurationUnit;
}

const UNIT_OF_LETTER: Readonly<Record<string, DurationUnit>> = { D: 'days', W: 'weeks', M: 'months', Y: 'years' };
const LETTER_OF_UNIT: Readonly<Record<DurationUnit, string>> = { days: 'D', weeks: 'W', months: 'M', years: 'Y' };

/** A positive one-unit duration, or null. */
export function parseDuration(text: string): Duration | null {
  const match = /^P([1-9]\d{0,3})([DWMY])$/.exec(text);
  if (match === null) return null;
  const unit = UNIT_OF_LETTER[match[2]!];
  return unit === undefined ? null : { count: Number(match[1]), unit };
}

export function formatDuration({ count, unit }: Duration): string {
  return `P${count}${LETTER_OF_UNIT[unit]}`;
}

/** N weeks = 7·N days; N months = same day N months later, clamped; N years = 12·N months. */
export function addDuration(date: IsoDate, { count, unit }: Duration): IsoDate {
  switch (unit) {
    case 'days':
      return addDays(date, count);
    case 'weeks':
      return addDays(date, 7 * count);
    case 'months':
      return addMonths(date, count);
    case 'years':
      return addMonths(date, 12 * count);
  }
}

const DANISH: Readonly<Record<DurationUnit, readonly [string, string]>> = {
  days: ['dag', 'dage'],
  weeks: ['uge', 'uger'],
  months: ['måned', 'måneder'],
  years: ['år', 'år'],
};
const ENGLISH: Readonly<Record<DurationUnit, readonly [string, string]>> = {
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

export type Language = 'da' | 'en';

/** "1 uge", "6 måneder", "3 years". */
export function describeDuration({ count, unit }: Duration, language: Language): string {
  const [one, many] = (language === 'da' ? DANISH : ENGLISH)[unit];
  return `${count} ${count === 1 ? one : many}`;
}
