import { decodeCprDigits } from './parse.js';

const FULLY_MASKED = 'xxxxxx-xxxx';
const MASKABLE = /^(\d{6})-?\d{4}$/;

/**
 * `DDMMYY-xxxx`: the birth date stays readable for telling citizens apart, the serial is hidden.
 * Anything that is not a written CPR number comes back fully masked rather than echoed.
 */
export function maskCpr(digits: string): string {
  const match = MASKABLE.exec(digits);
  return match === null ? FULLY_MASKED : `${match[1] ?? ''}-xxxx`;
}

// Ten digits, optionally with one hyphen after the sixth, not glued to other letters or digits.
// The letter guard keeps hex identifiers (UUIDs, request ids) that happen to hold ten decimal
// digits from being reported; the price is that a number written flush against letters
// ("abc0101901234") is not found.
const CPR_LIKE_SOURCE = String.raw`(?<![\p{L}\p{N}])([0-9]{6})-?([0-9]{4})(?![\p{L}\p{N}])`;

/** A fresh global pattern for candidates; `findCprLike` also checks the date. */
export function cprLikePattern(): RegExp {
  return new RegExp(CPR_LIKE_SOURCE, 'gu');
}

export interface CprLikeMatch {
  readonly index: number;
  readonly length: number;
}

/**
 * Where `text` holds something shaped like a CPR number whose date exists (replacement days
 * included). Returns positions only, so a leak check can report where without repeating what.
 */
export function findCprLike(text: string): CprLikeMatch[] {
  const found: CprLikeMatch[] = [];
  for (const match of text.matchAll(cprLikePattern())) {
    if (decodeCprDigits(`${match[1] ?? ''}${match[2] ?? ''}`) !== null) {
      found.push({ index: match.index, length: match[0].length });
    }
  }
  return found;
}

/** True when `text` holds at least one CPR-like number (see `findCprLike`). */
export function containsCprLike(text: string): boolean {
  return findCprLike(text).length > 0;
}

/** `text` with every CPR-like number replaced by `xxxxxx-xxxx`. */
export function redactCprLike(text: string): string {
  const matches = findCprLike(text);
  if (matches.length === 0) return text;
  let out = '';
  let from = 0;
  for (const { index, length } of matches) {
    out += text.slice(from, index) + FULLY_MASKED;
    from = index + length;
  }
  return out + text.slice(from);
}
