import { birthYear, daysInMonth } from './century.js';

export type CprSex = 'male' | 'female';

/** A parsed CPR number. `digits` is the canonical form: exactly 10 digits, no separator. */
export interface Cpr {
  readonly digits: string;
  /** ISO date `YYYY-MM-DD`; for a replacement number the real day (the written day minus 60). */
  readonly birthDate: string;
  readonly sex: CprSex;
  /** An erstatningspersonnummer: the day is written with 60 added. */
  readonly replacement: boolean;
}

export type CprErrorCode = 'cpr_format' | 'cpr_date';

export interface CprError {
  readonly code: CprErrorCode;
  readonly message_da: string;
  readonly message_en: string;
}

export type CprParseResult =
  { readonly ok: true; readonly value: Cpr } | { readonly ok: false; readonly error: CprError };

// Messages are fixed texts on purpose: an error must never echo the number it rejects,
// since errors end up in logs and responses.
const ERRORS: Readonly<Record<CprErrorCode, CprError>> = {
  cpr_format: {
    code: 'cpr_format',
    message_da: 'CPR-nummeret skal skrives som DDMMÅÅ-XXXX eller som 10 cifre.',
    message_en: 'The CPR number must be written as DDMMYY-XXXX or as 10 digits.',
  },
  cpr_date: {
    code: 'cpr_date',
    message_da: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.',
    message_en: 'The CPR number does not contain a valid date of birth.',
  },
};

// ASCII digits only (no `u` flag, so \d is [0-9]); the only separator allowed is one
// hyphen after the date part.
const WRITTEN_FORM = /^(\d{6})-?(\d{4})$/;
const TEN_DIGITS = /^\d{10}$/;

/** Replacement numbers add 60 to the day, so written days 61–91 stand for 1–31. */
const REPLACEMENT_DAY_OFFSET = 60;

/** Parses `DDMMYY-SSSS` or `DDMMYYSSSS` (surrounding whitespace ignored). Modulus 11 is not checked. */
export function parseCpr(input: string): CprParseResult {
  const match = WRITTEN_FORM.exec(input.trim());
  if (match === null) return { ok: false, error: ERRORS.cpr_format };
  const value = decodeCprDigits(`${match[1] ?? ''}${match[2] ?? ''}`);
  return value === null ? { ok: false, error: ERRORS.cpr_date } : { ok: true, value };
}

/**
 * Decodes 10 digits into a CPR value, or null when they do not hold an existing date.
 * Callers must pass exactly 10 ASCII digits.
 */
export function decodeCprDigits(digits: string): Cpr | null {
  if (!TEN_DIGITS.test(digits)) return null;
  const writtenDay = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const seventh = Number(digits[6]);
  const last = Number(digits[9]);

  const replacement = writtenDay > REPLACEMENT_DAY_OFFSET;
  const day = replacement ? writtenDay - REPLACEMENT_DAY_OFFSET : writtenDay;
  const year = birthYear(yy, seventh);
  if (day < 1 || day > daysInMonth(year, month)) return null;

  return {
    digits,
    birthDate: `${String(year)}-${pad2(month)}-${pad2(day)}`,
    sex: last % 2 === 1 ? 'male' : 'female',
    replacement,
  };
}

/** `DDMMYY-SSSS` from the 10 canonical digits. Throws (without echoing the input) on anything else. */
export function formatCpr(digits: string): string {
  if (!TEN_DIGITS.test(digits)) throw new Error('formatCpr expects exactly 10 digits');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
