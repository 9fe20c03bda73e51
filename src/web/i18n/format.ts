// Dates, numbers and names through Intl, in the UI language's locale. Dates are shown on
// Danish wall-clock time whatever the browser's time zone: the job centre is in Denmark.
import { parseIsoDate } from '../../core/rules/date.js';
import { localeOf, type Language } from './languages.js';

const TIME_ZONE = 'Europe/Copenhagen';

export type DateStyle = 'full' | 'long' | 'short';

export function formatDate(date: Date, language: Language, style: DateStyle = 'long'): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: style, timeZone: TIME_ZONE }).format(date);
}

export function formatNumber(value: number, language: Language, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(localeOf(language), options).format(value);
}

/** An ISO calendar date (YYYY-MM-DD) written out, e.g. "30. november 2026"; `short` gives "30.11.2026". */
export function formatIsoDate(iso: string, language: Language, style: DateStyle = 'long'): string {
  // A day that does not exist (2026-02-30) stays as it is rather than roll into March.
  const civil = parseIsoDate(iso);
  if (civil === null) return iso;
  // Noon UTC is the same calendar day in Copenhagen whatever the season.
  const date = new Date(Date.UTC(civil.year, civil.month - 1, civil.day, 12));
  return formatDate(date, language, style);
}

/** A month of a year named, e.g. "februar 2026", "February 2026". */
export function formatMonth(year: number, month: number, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
}

/** A moment (ISO date-time) as date and time in Copenhagen. */
export function formatMoment(isoDateTime: string, language: Language): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}

// An instant with its zone (2026-12-07T17:06:47.998Z), or a calendar date standing alone: not
// inside a longer run of digits, and not the date part of an instant without a zone, whose
// wall-clock time nobody can know.
const ISO_IN_TEXT =
  /(?<![\d-])(\d{4}-\d{2}-\d{2})(?:(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))|(?![\d-]|T\d))/g;

/**
 * Text the server wrote for people with ISO dates in it (a deadline's explanation: "… efter
 * registrering (2026-03-02).") with each date and instant written the UI language's way, in
 * Copenhagen time. The API and the CLI keep the ISO form; only what the browser shows changes.
 */
export function formatDatesInText(text: string, language: Language, style: DateStyle = 'long'): string {
  return text.replace(ISO_IN_TEXT, (whole: string, date: string, time: string | undefined) => {
    if (time !== undefined) return formatMoment(whole, language);
    return formatIsoDate(date, language, style);
  });
}

/** Today's date in Copenhagen as YYYY-MM-DD, the form the API takes. */
export function isoDateIn(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: TIME_ZONE,
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The text in the UI language, from a pair the server sends (`title` and `title_en`). */
export function inLanguage(language: Language, da: string, en: string): string {
  return language === 'en' ? en : da;
}

/** A language code named in the UI language ("arabisk", "Arabic"); the code itself if Intl does not know it. */
export function languageName(code: string, language: Language): string {
  try {
    const name = new Intl.DisplayNames([localeOf(language)], { type: 'language' }).of(code);
    if (name === undefined || name === code) return code;
    return name.charAt(0).toLocaleUpperCase(localeOf(language)) + name.slice(1);
  } catch {
    return code;
  }
}
