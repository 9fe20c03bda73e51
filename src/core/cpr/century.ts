// The birth century of a CPR number is not written in it: it follows from the two-digit year
// and the first digit of the serial (the 7th digit), per the CPR office's table:
//
//   7th digit | YY 00–36 | YY 37–57 | YY 58–99
//   0–3       | 1900s    | 1900s    | 1900s
//   4, 9      | 2000s    | 1900s    | 1900s
//   5–8       | 2000s    | 2000s    | 1800s

/** The four-digit birth year for a two-digit year `yy` (0–99) and the 7th digit (0–9). */
export function birthYear(yy: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + yy;
  if (seventhDigit === 4 || seventhDigit === 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;
}

/** The 7th digits that place a two-digit year in `year`; empty outside 1858–2057. */
export function seventhDigitsFor(year: number): number[] {
  const yy = year % 100;
  const digits: number[] = [];
  for (let d = 0; d <= 9; d++) if (birthYear(yy, d) === year) digits.push(d);
  return digits;
}

/** Gregorian leap year: 1900 was not one, 2000 was. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in `month` (1–12) of `year`; 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined) return 0;
  return month === 2 && isLeapYear(year) ? 29 : days;
}
