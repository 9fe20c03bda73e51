// Fictitious CPR numbers for demo and test data.
//
// Demo data must never hold a number that is, or could become, a real person's. Each generated
// number meets four independent conditions, each backed by published practice:
//
// 1. Replacement form: the day is written with 60 added (61–91). The CPR office recommends that
//    organisations constructing numbers for people outside CPR use exactly this form "so they
//    cannot be mistaken for real personal numbers" — the register never issues such a day
//    (cpr.dk, "Erstatningspersonnummer i eksterne systemer"; also cpr.dk Q&A "Personnummer").
// 2. Serial starting with 9: MedCom's national list of test CPR numbers, drawn up on the CPR
//    office's instruction, uses very high serial numbers (medcom.dk, "Nationale test-CPR-numre").
//    A 7th digit of 9 is valid for births 1937–2036, which bounds the years we generate.
// 3. Fails modulus 11, both as written and with the day read without the +60: every number
//    issued before 1 October 2007 satisfies modulus 11 (cpr.dk, "Opbygning af CPR-nummeret").
// 4. Never born 1 January: numbers without modulus 11 have so far been issued only with a
//    1 January birth date (cpr.dk, "Personnumre uden kontrolciffer (modulus 11 kontrol)").
//
// So even a reader who ignores the replacement flag finds a number that matches no issued one.
// The generator is seeded (no Math.random) so demo data is reproducible.

import { daysInMonth } from './century.js';
import { decodeCprDigits } from './parse.js';

const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/** The weighted digit sum modulo 11; a number "satisfies modulus 11" when this is 0. */
export function modulus11Remainder(digits: string): number {
  let sum = 0;
  for (let i = 0; i < MOD11_WEIGHTS.length; i++) sum += Number(digits[i]) * (MOD11_WEIGHTS[i] ?? 0);
  return sum % 11;
}

/** The years a fictitious number may carry: a 7th digit of 9 means 1937–2036. */
export const FICTITIOUS_YEAR_RANGE = { from: 1937, to: 2036 } as const;

const HIGH_SERIAL_DIGIT = 9;
// Working-age citizens on cash benefit.
const DEFAULT_FROM_YEAR = 1960;
const DEFAULT_TO_YEAR = 2006;

/** True when `digits` (10 digits) meets all four conditions above. */
export function isFictitiousCpr(digits: string): boolean {
  const cpr = decodeCprDigits(digits);
  if (cpr === null || !cpr.replacement) return false;
  if (Number(digits[6]) !== HIGH_SERIAL_DIGIT) return false;
  if (cpr.birthDate.endsWith('-01-01')) return false;
  return modulus11Remainder(digits) !== 0 && modulus11Remainder(unshifted(digits)) !== 0;
}

export interface FictitiousCprOptions {
  /** First birth year, default 1960 (within 1937–2036). */
  readonly fromYear?: number;
  /** Last birth year, default 2006 (within 1937–2036). */
  readonly toYear?: number;
}

/**
 * An endless sequence of distinct fictitious CPR numbers (10 digits), the same for the same
 * seed and options. It remembers what it has yielded, so take only what you need.
 */
export function* fictitiousCprSequence(
  seed: number | string,
  options: FictitiousCprOptions = {},
): Generator<string, never> {
  const fromYear = options.fromYear ?? DEFAULT_FROM_YEAR;
  const toYear = options.toYear ?? DEFAULT_TO_YEAR;
  if (
    !Number.isInteger(fromYear) ||
    !Number.isInteger(toYear) ||
    fromYear > toYear ||
    fromYear < FICTITIOUS_YEAR_RANGE.from ||
    toYear > FICTITIOUS_YEAR_RANGE.to
  ) {
    throw new RangeError(
      `fictitious CPR birth years must lie within ${String(FICTITIOUS_YEAR_RANGE.from)}–${String(FICTITIOUS_YEAR_RANGE.to)}`,
    );
  }
  const random = seededRandom(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const seen = new Set<string>();
  for (;;) {
    const year = fromYear + pick(toYear - fromYear + 1);
    const month = 1 + pick(12);
    const day = 1 + pick(daysInMonth(year, month));
    if (month === 1 && day === 1) continue;
    const nine = `${pad2(day + 60)}${pad2(month)}${pad2(year % 100)}${String(HIGH_SERIAL_DIGIT)}${pad2(pick(100))}`;
    const male = pick(2) === 1;
    const lastDigits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter(
      (d) =>
        d % 2 === (male ? 1 : 0) &&
        modulus11Remainder(nine + String(d)) !== 0 &&
        modulus11Remainder(unshifted(nine + String(d))) !== 0,
    );
    const last = lastDigits[pick(lastDigits.length)];
    if (last === undefined) continue;
    const digits = nine + String(last);
    if (seen.has(digits)) continue;
    seen.add(digits);
    yield digits;
  }
}

/** The first `count` numbers of `fictitiousCprSequence(seed, options)`. */
export function generateFictitiousCprs(
  seed: number | string,
  count: number,
  options: FictitiousCprOptions = {},
): string[] {
  const out: string[] = [];
  if (count <= 0) return out;
  // At least 364 dates a year, 100 serials and 3 last digits per date: beyond that the
  // sequence could never yield `count` distinct numbers.
  const fromYear = options.fromYear ?? DEFAULT_FROM_YEAR;
  const toYear = options.toYear ?? DEFAULT_TO_YEAR;
  if (count > (toYear - fromYear + 1) * 364 * 100 * 3)
    throw new RangeError('too many fictitious CPR numbers asked for these birth years');
  for (const digits of fictitiousCprSequence(seed, options)) {
    out.push(digits);
    if (out.length >= count) break;
  }
  return out;
}

/** The same digits with the replacement offset taken off the day. */
function unshifted(digits: string): string {
  return pad2(Number(digits.slice(0, 2)) - 60) + digits.slice(2);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** mulberry32 seeded through FNV-1a, so string and number seeds both work. */
function seededRandom(seed: number | string): () => number {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
