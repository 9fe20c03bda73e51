// A date as people in Denmark write it, read from the three boxes of a DKFDS date field (day,
// month, year) or from one whole date typed or pasted into a box: 07.12.2026, 7.12.2026,
// 07122026, 07-12-2026, 7. december 2026, and the API's own 2026-12-07. The year must have four
// digits, as DKFDS asks: "26" could be 1926 or 2026, and guessing is how dates go wrong unseen.
// Pure: the field and the forms' checks share it; the texts for a problem are in dateText.ts.
import { daysInMonth, formatIsoDate, parseIsoDate } from '../../core/rules/date.js';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** Why the boxes do not hold a date, with what the message needs. */
export type DateProblem =
  | { code: 'empty' }
  /** Some boxes are filled, these are not. */
  | { code: 'missing'; parts: readonly DatePart[] }
  /** Something other than digits, or more digits than a day or month has. */
  | { code: 'form' }
  | { code: 'year_digits' }
  | { code: 'month_range' }
  | { code: 'day_range' }
  /** A day the month does not have: 31.02.2026. */
  | { code: 'no_such_day'; year: number; month: number; days: number };

export type DateParse = { ok: true; iso: string } | { ok: false; problem: DateProblem };

const PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** Month names as written in Danish and English dates, full and short ("dec", "maj", "oct"). */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januar', 'january', 'jan'],
  ['februar', 'february', 'feb'],
  ['marts', 'march', 'mar'],
  ['april', 'apr'],
  ['maj', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTH_NAMES.findIndex((names) => names.includes(lower));
  return index < 0 ? null : index + 1;
}

const SEPARATED = /^(\d{1,2})(?:[.\-/] ?| )(\d{1,2})(?:[.\-/] ?| )(\d+)$/;
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const NAMED = /^(\d{1,2})\.? ?([a-zA-ZæøåÆØÅ]+)\.? ?(\d+)$/;

/**
 * The three parts of a whole date written in one box, or null when the text is not one.
 * `complete` asks for a four-digit year, so a date still being typed (07.12.20…) is left alone;
 * without it a short year is split too, and the check then says what is wrong with it.
 */
export function splitWholeDate(text: string, { complete = true }: { complete?: boolean } = {}): DateParts | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const yearOk = (year: string): boolean => (complete ? year.length === 4 : year.length <= 4);
  const iso = ISO.exec(trimmed);
  if (iso !== null) return { day: iso[3] ?? '', month: iso[2] ?? '', year: iso[1] ?? '' };
  const digits = DIGITS_ONLY.exec(trimmed);
  if (digits !== null) return { day: digits[1] ?? '', month: digits[2] ?? '', year: digits[3] ?? '' };
  const separated = SEPARATED.exec(trimmed);
  if (separated !== null && yearOk(separated[3] ?? '')) {
    return { day: separated[1] ?? '', month: separated[2] ?? '', year: separated[3] ?? '' };
  }
  const named = NAMED.exec(trimmed);
  const month = named === null ? null : monthNumber(named[2] ?? '');
  if (named !== null && month !== null && yearOk(named[3] ?? '')) {
    return { day: named[1] ?? '', month: String(month), year: named[3] ?? '' };
  }
  return null;
}

/** The date the boxes hold, or why they hold none. */
export function parseDateParts(parts: DateParts): DateParse {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const values = { day, month, year };
  const missing = PARTS.filter((part) => values[part] === '');
  if (missing.length === PARTS.length) return { ok: false, problem: { code: 'empty' } };
  if (PARTS.some((part) => !/^\d*$/.test(values[part])) || day.length > 2 || month.length > 2) {
    return { ok: false, problem: { code: 'form' } };
  }
  if (missing.length > 0) return { ok: false, problem: { code: 'missing', parts: missing } };
  // A year below 1000 is a typing slip ("0226"), not a year anyone here means.
  if (year.length !== 4 || year.startsWith('0')) return { ok: false, problem: { code: 'year_digits' } };
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12) return { ok: false, problem: { code: 'month_range' } };
  if (d < 1 || d > 31) return { ok: false, problem: { code: 'day_range' } };
  const days = daysInMonth(y, m);
  if (d > days) return { ok: false, problem: { code: 'no_such_day', year: y, month: m, days } };
  return { ok: true, iso: formatIsoDate({ year: y, month: m, day: d }) };
}

// What the boxes held when they held no date: kept whole so the check can say what is wrong,
// and never an ISO date, so `isIsoDate` in a form's check turns it down.
const RAW_SEPARATOR = '|';

/** The field's value: the ISO date when the boxes hold one, '' when empty, else the boxes as typed. */
export function dateValueOf(parts: DateParts): string {
  const parsed = parseDateParts(parts);
  if (parsed.ok) return parsed.iso;
  if (parsed.problem.code === 'empty') return '';
  return [parts.day, parts.month, parts.year].join(RAW_SEPARATOR);
}

/** The boxes for a value: an ISO date written the Danish way (07, 12, 2026), or the boxes as typed. */
export function partsOfValue(value: string): DateParts {
  if (value === '') return EMPTY_DATE;
  const iso = parseIsoDate(value);
  if (iso !== null) {
    return { day: String(iso.day).padStart(2, '0'), month: String(iso.month).padStart(2, '0'), year: String(iso.year) };
  }
  const pieces = value.split(RAW_SEPARATOR);
  if (pieces.length === 3) return { day: pieces[0] ?? '', month: pieces[1] ?? '', year: pieces[2] ?? '' };
  // Anything else (a whole date given as text) is read as if typed into the day box.
  return splitWholeDate(value, { complete: false }) ?? { ...EMPTY_DATE, day: value };
}

/** A field's value checked: the ISO date, or why it is none. */
export function parseDateValue(value: string): DateParse {
  return parseDateParts(partsOfValue(value));
}
