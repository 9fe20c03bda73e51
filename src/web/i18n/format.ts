// Dates and numbers through Intl, in the UI language's locale. Dates are shown on
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
