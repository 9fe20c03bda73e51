// Dates, numbers and names through Intl, in the UI language's locale. Dates are shown on
// Danish wall-clock time whatever the browser's time zone: the job centre is in Denmark.
import { localeOf, type Language } from './languages.js';

const TIME_ZONE = 'Europe/Copenhagen';

export type DateStyle = 'full' | 'long' | 'short';

export function formatDate(date: Date, language: Language, style: DateStyle = 'long'): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: style, timeZone: TIME_ZONE }).format(date);
}

export function formatNumber(value: number, language: Language, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(localeOf(language), options).format(value);
}

/** An ISO calendar date (YYYY-MM-DD) written out, e.g. "30. november 2026". */
export function formatIsoDate(iso: string, language: Language, style: DateStyle = 'long'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  // Noon UTC is the same calendar day in Copenhagen whatever the season.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return formatDate(date, language, style);
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
