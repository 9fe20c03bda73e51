// The hot loop for weekly.csv in its usual layout, `citizen_id,week,status`: one pass over each
// row's bytes that hashes the id, parses the week and matches the status (the seven status
// names start with seven different letters) as it goes, and hands the row to the partitions.
// Fields may be quoted as long as the quotes only wrap them (`"C1","3","none"`, as R's
// write.csv writes); a doubled quote, a line break inside quotes, a bad cell, an empty line or
// the buffer's end mid-row stop the loop so that the general path deals with that record.
import { FNV_OFFSET, FNV_PRIME, finishHash } from './citizen-index.js';
import type { RowPartitions } from './row-partitions.js';
import { WEEK_STATUSES } from './status.js';

const LF = 10;
const CR = 13;
const COMMA = 44;
const QUOTE = 34;
const ZERO = 48;
const MAX_WEEK_DIGITS = 7;

const encoder = new TextEncoder();
const STATUS_BYTES = WEEK_STATUSES.map((s) => encoder.encode(s));
/** Status code by the first byte of its name, −1 for other bytes. */
const STATUS_BY_FIRST_BYTE = new Int8Array(256).fill(-1);
STATUS_BYTES.forEach((bytes, code) => {
  if (STATUS_BY_FIRST_BYTE[bytes[0]!] !== -1) throw new Error('status names must start with different letters');
  STATUS_BY_FIRST_BYTE[bytes[0]!] = code;
});

/** Where the loop stopped: at `pos`, on line `line`; `incomplete` when the buffer ran out mid-row. */
export interface CanonicalCursor {
  pos: number;
  line: number;
  rows: number;
  incomplete: boolean;
}

const FALLBACK = 1;
const INCOMPLETE = 2;

export function scanCanonicalRows(buf: Uint8Array, cursor: CanonicalCursor, rows: RowPartitions): void {
  const n = buf.length;
  let pos = cursor.pos;
  let line = cursor.line;
  let count = 0;
  let stop = 0;
  while (stop === 0) {
    // citizen_id, hashed on the way (FNV-1a, finished by finishHash as in CitizenIndex).
    let i = pos;
    const idQuoted = i < n && buf[i] === QUOTE;
    if (idQuoted) i++;
    const idStart = i;
    let h = FNV_OFFSET;
    let c = 0;
    while (i < n) {
      c = buf[i]!;
      if (c === QUOTE || c === LF || c === CR || (c === COMMA && !idQuoted)) break;
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
    }
    const idEnd = i;
    if (idQuoted && c === QUOTE) c = ++i < n ? buf[i]! : 0;
    if (i + 1 >= n) stop = INCOMPLETE;
    else if (c !== COMMA || idEnd === idStart) stop = FALLBACK;
    if (stop !== 0) break;

    // week: 1 to 7 digits, ≥ 1.
    i++;
    const weekQuoted = buf[i] === QUOTE;
    if (weekQuoted) i++;
    const weekStart = i;
    let week = 0;
    while (i < n) {
      c = buf[i]!;
      const d = c - ZERO;
      if (d < 0 || d > 9) break;
      week = week * 10 + d;
      i++;
    }
    const digits = i - weekStart;
    // A quoted week must end in its closing quote (c = 0 makes anything else a fallback).
    if (weekQuoted) c = c === QUOTE && ++i < n ? buf[i]! : 0;
    if (i + 1 >= n) stop = INCOMPLETE;
    else if (c !== COMMA || digits === 0 || digits > MAX_WEEK_DIGITS || week < 1) stop = FALLBACK;
    if (stop !== 0) break;

    // status, then LF or CR LF.
    i++;
    const statusQuoted = buf[i] === QUOTE;
    if (statusQuoted) i++;
    const status = i < n ? STATUS_BY_FIRST_BYTE[buf[i]!]! : -1;
    const expected = status >= 0 ? STATUS_BYTES[status]! : STATUS_BYTES[0]!;
    const length = expected.length;
    // The name, an optional closing quote, CR and LF must all be in the buffer.
    if (i + length + 2 >= n) {
      stop = INCOMPLETE;
      break;
    }
    let k = status >= 0 ? 1 : 0;
    while (k < length && buf[i + k] === expected[k]) k++;
    let end = i + length;
    if (statusQuoted && buf[end] === QUOTE) end++;
    if (buf[end] === CR) end++;
    if (status < 0 || k < length || buf[end] !== LF || (statusQuoted && buf[i + length] !== QUOTE)) {
      stop = FALLBACK;
      break;
    }
    rows.pushHashed(finishHash(h), buf, idStart, idEnd, week, status, line);
    line++;
    count++;
    pos = end + 1;
  }
  cursor.pos = pos;
  cursor.line = line;
  cursor.rows += count;
  cursor.incomplete = stop === INCOMPLETE;
}
