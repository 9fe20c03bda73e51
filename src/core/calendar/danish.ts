// Dates and moments as people in Denmark read them: "7. december 2026", "07.12.2026" in dense
// tables, and a moment on Copenhagen's wall clock, "7. december 2026 kl. 18.06", with English
// variants. Intl does only the time-zone arithmetic (daylight saving included); the words and
// punctuation are ours, so the text is the same whichever ICU version Node ships.
import { parseIsoDate, type CivilDate, type IsoDate } from '../rules/date.js';

export type CalendarLanguage = 'da' | 'en';

export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

const MONTHS: Record<CalendarLanguage, readonly string[]> = {
  da: [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

export interface WallClock extends CivilDate {
  readonly hour: number;
  readonly minute: number;
}

// One formatter, built once: en-GB with h23 gives plain numeric parts to read back.
const copenhagenParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: DANISH_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function civil(date: IsoDate): CivilDate {
  const parsed = parseIsoDate(date);
  if (parsed === null) throw new RangeError(`not a date: ${JSON.stringify(date)}`);
  return parsed;
}

function instant(at: Date | string): Date {
  const moment = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(moment.getTime())) throw new RangeError(`not a moment: ${JSON.stringify(at)}`);
  return moment;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The date and time on Copenhagen's wall clock at a moment (an ISO instant or a Date). */
export function copenhagenClock(at: Date | string): WallClock {
  const parts = copenhagenParts.formatToParts(instant(at));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** The calendar day in Copenhagen at a moment, YYYY-MM-DD. */
export function copenhagenDate(at: Date | string): IsoDate {
  const { year, month, day } = copenhagenClock(at);
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

function longCivil({ year, month, day }: CivilDate, language: CalendarLanguage): string {
  const name = MONTHS[language][month - 1] ?? String(month);
  return language === 'da' ? `${day}. ${name} ${year}` : `${day} ${name} ${year}`;
}

function shortCivil({ year, month, day }: CivilDate, language: CalendarLanguage): string {
  return language === 'da' ? `${two(day)}.${two(month)}.${year}` : `${two(day)}/${two(month)}/${year}`;
}

/** A calendar date written out: "7. december 2026" (da), "7 December 2026" (en). */
export function longDate(date: IsoDate, language: CalendarLanguage = 'da'): string {
  return longCivil(civil(date), language);
}

/** A calendar date for dense tables: "07.12.2026" (da), "07/12/2026" (en). */
export function shortDate(date: IsoDate, language: CalendarLanguage = 'da'): string {
  return shortCivil(civil(date), language);
}

/** A moment in Copenhagen time: "7. december 2026 kl. 18.06" (da), "7 December 2026 at 18:06" (en). */
export function longMoment(at: Date | string, language: CalendarLanguage = 'da'): string {
  const clock = copenhagenClock(at);
  return language === 'da'
    ? `${longCivil(clock, 'da')} kl. ${two(clock.hour)}.${two(clock.minute)}`
    : `${longCivil(clock, 'en')} at ${two(clock.hour)}:${two(clock.minute)}`;
}

/** A moment in Copenhagen time for dense tables: "07.12.2026 18.06" (da), "07/12/2026 18:06" (en). */
export function shortMoment(at: Date | string, language: CalendarLanguage = 'da'): string {
  const clock = copenhagenClock(at);
  const time =
    language === 'da' ? `${two(clock.hour)}.${two(clock.minute)}` : `${two(clock.hour)}:${two(clock.minute)}`;
  return `${shortCivil(clock, language)} ${time}`;
}
