// Calendar dates as ISO strings (YYYY-MM-DD) with arithmetic on day numbers.
// Deadlines are whole days in Danish law; going through Date would drag in time zones
// and daylight saving, so everything here is integer arithmetic on the proleptic
// Gregorian calendar (algorithms from Howard Hinnant's "chrono-compatible low-level
// date algorithms").

/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Exactly four year digits: input dates must be canonical. Arithmetic may still produce
// years past 9999, which is why comparisons go through day numbers, not string order.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ANY_YEAR_DATE = /^(\d{4,})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function toCivil(match: RegExpExecArray | null): CivilDate | null {
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The date's parts, or null when the text is not an existing calendar date (2026-02-30). */
export function parseIsoDate(text: string): CivilDate | null {
  return toCivil(ISO_DATE.exec(text));
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

function civilOf(date: IsoDate): CivilDate {
  const civil = toCivil(ANY_YEAR_DATE.exec(date));
  if (civil === null) throw new RangeError(`not a date: ${JSON.stringify(date)}`);
  return civil;
}

export function formatIsoDate({ year, month, day }: CivilDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before it). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = civilOf(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`not a day number: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1) throw new RangeError(`date before year 1: day ${dayNumber}`);
  return formatIsoDate({ year, month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The same day of the month `months` later, clamped to the last day of that month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  const { year, month, day } = civilOf(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < 1) throw new RangeError(`date before year 1: ${date} + ${months} months`);
  return formatIsoDate({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  // Canonical four-digit-year dates sort as text; this keeps bulk evaluation cheap.
  if (a.length === 10 && b.length === 10) return a < b ? -1 : a > b ? 1 : 0;
  return toDayNumber(a) - toDayNumber(b);
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return isAfter(b, a) ? b : a;
}
