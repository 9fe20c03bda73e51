export { birthYear, daysInMonth, isLeapYear, seventhDigitsFor } from './century.js';
export { decodeCprDigits, formatCpr, parseCpr } from './parse.js';
export type { Cpr, CprError, CprErrorCode, CprParseResult, CprSex } from './parse.js';
export { containsCprLike, cprLikePattern, findCprLike, maskCpr, redactCprLike } from './mask.js';
export type { CprLikeMatch } from './mask.js';
export {
  FICTITIOUS_YEAR_RANGE,
  fictitiousCprSequence,
  generateFictitiousCprs,
  isFictitiousCpr,
  modulus11Remainder,
} from './fictitious.js';
export type { FictitiousCprOptions } from './fictitious.js';
