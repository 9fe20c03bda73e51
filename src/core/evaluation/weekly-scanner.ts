// weekly.csv straight from bytes, in blocks of any size. A panel of a million citizens × 104
// weeks has ~10^8 rows, too many to build strings and arrays for each. Rows in the usual layout
// take the fused loop of canonical-rows.ts; any other record is split into fields here, and a
// record with a quote the fast loop cannot take is cut out whole (quoted fields may span lines)
// and handed to the general RFC 4180 parser, as is the header. Valid rows go to RowPartitions;
// bad cells are reported here with file:line and the column.
import { CsvParser, CsvSyntaxError, describeColumnProblem, resolveColumns } from '../csv/index.js';
import { scanCanonicalRows, type CanonicalCursor } from './canonical-rows.js';
import { quoteValue, type ProblemList } from './problems.js';
import type { RowPartitions } from './row-partitions.js';
import { statusCode, WEEK_STATUSES } from './status.js';

const LF = 10;
const CR = 13;
const COMMA = 44;
const QUOTE = 34;
const ZERO = 48;
/** A quoted record longer than this is taken to be an unclosed quote. */
const MAX_QUOTED_RECORD = 1 << 20;
/** More digits than this cannot be a week number. */
const MAX_WEEK_DIGITS = 7;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const STATUS_BYTES = WEEK_STATUSES.map((s) => encoder.encode(s));
/** Status code by byte length (the seven names have seven different lengths). */
const STATUS_BY_LENGTH = new Int8Array(32).fill(-1);
STATUS_BYTES.forEach((bytes, code) => (STATUS_BY_LENGTH[bytes.length] = code));
const STATUS_LIST = WEEK_STATUSES.join(', ');

interface Layout {
  readonly width: number;
  readonly id: number;
  readonly week: number;
  readonly status: number;
}

export class WeeklyScanner {
  private layout: Layout | undefined;
  private leftover: Uint8Array | null = null;
  private line = 1;
  private atStart = true;
  private finished = false;
  /** Header is exactly citizen_id,week,status: rows take the fused fast loop. */
  private canonical = false;
  private readonly cursor: CanonicalCursor = { pos: 0, line: 0, rows: 0, incomplete: false };
  private starts = new Int32Array(4);
  private ends = new Int32Array(4);
  /** Data rows read (records after the header). */
  rowCount = 0;
  /** The header was read but lacks a required column. */
  headerFailed = false;

  constructor(
    private readonly file: string,
    private readonly rows: RowPartitions,
    private readonly problems: ProblemList,
  ) {}

  /** True once reading on is pointless: the header was unusable or the problem list is full. */
  isStopped(): boolean {
    return this.finished || this.problems.full;
  }

  /** Whether a usable header has been read. */
  get hasHeader(): boolean {
    return this.layout !== undefined;
  }

  push(chunk: Uint8Array): void {
    if (this.isStopped() || chunk.length === 0) return;
    let buf = chunk;
    if (this.leftover !== null) {
      buf = new Uint8Array(this.leftover.length + chunk.length);
      buf.set(this.leftover);
      buf.set(chunk, this.leftover.length);
      this.leftover = null;
    }
    let pos = 0;
    if (this.atStart) {
      if (buf.length < 3 && buf[0] === 0xef) {
        this.leftover = new Uint8Array(buf);
        return;
      }
      this.atStart = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    const done = this.scan(buf, pos, false);
    // Copy (also when given a Buffer, whose slice is a view): the caller may reuse its buffer.
    if (done < buf.length && !this.isStopped()) this.leftover = new Uint8Array(buf.subarray(done));
  }

  end(): void {
    const rest = this.leftover;
    this.leftover = null;
    this.atStart = false;
    if (rest !== null && !this.isStopped()) this.scan(rest, 0, true);
    this.finished = true;
  }

  /** Scans complete records from `pos`; returns where the first incomplete one starts. */
  private scan(buf: Uint8Array, from: number, final: boolean): number {
    const n = buf.length;
    let pos = from;
    const cursor = this.cursor;
    while (pos < n) {
      if (this.isStopped()) return n;
      if (this.canonical) {
        cursor.pos = pos;
        cursor.line = this.line;
        scanCanonicalRows(buf, cursor, this.rows);
        pos = cursor.pos;
        this.line = cursor.line;
        this.rowCount += cursor.rows;
        cursor.rows = 0;
        if (pos >= n) return n;
        if (cursor.incomplete && !final) return pos;
      }
      // The general path, one record. Re-read per record: the header replaces these with arrays of its width.
      const starts = this.starts;
      const ends = this.ends;
      const slots = starts.length;
      let field = 0;
      starts[0] = pos;
      let i = pos;
      let quoted = false;
      for (; i < n; i++) {
        const c = buf[i]!;
        if (c === LF) break;
        if (c === COMMA) {
          if (field < slots) ends[field] = i;
          field++;
          if (field < slots) starts[field] = i + 1;
        } else if (c === QUOTE) {
          quoted = true;
          break;
        }
      }
      if (quoted) {
        const next = this.quotedRecord(buf, pos, final);
        if (next < 0) return pos;
        pos = next;
        continue;
      }
      if (i === n && !final) return pos;
      let end = i;
      if (end > pos && buf[end - 1] === CR) end--;
      if (field < slots) ends[field] = end;
      const line = this.line++;
      if (end > pos) {
        if (this.layout === undefined) this.header(decoder.decode(buf.subarray(pos, end)).split(','), line);
        else this.byteRow(buf, field + 1, line);
      }
      pos = i + 1;
    }
    return n;
  }

  /** A record with a quote: find its end (an LF outside quotes) and parse it as CSV text. */
  private quotedRecord(buf: Uint8Array, pos: number, final: boolean): number {
    const n = buf.length;
    let inQuotes = false;
    let i = pos;
    for (; i < n; i++) {
      const c = buf[i]!;
      if (c === QUOTE) inQuotes = !inQuotes;
      else if (c === LF && !inQuotes) break;
    }
    if (i === n && !final) {
      if (n - pos <= MAX_QUOTED_RECORD) return -1;
      this.problems.add(this.file, this.line, 'a quoted field is never closed');
      this.finished = true;
      return n;
    }
    const line = this.line;
    let records: string[][] = [];
    try {
      const parser = new CsvParser((fields) => records.push(fields));
      parser.push(decoder.decode(buf.subarray(pos, i)));
      parser.end();
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      this.problems.add(this.file, line + error.line - 1, error.reason);
      records = [];
    }
    for (let k = pos; k < i; k++) if (buf[k] === LF) this.line++;
    this.line++;
    const fields = records[0];
    if (fields !== undefined) {
      if (this.layout === undefined) this.header(fields, line);
      else this.textRow(fields, line);
    }
    return i + 1;
  }

  private header(fields: readonly string[], line: number): void {
    const resolved = resolveColumns(fields, ['citizen_id', 'week', 'status'] as const);
    if (!resolved.ok) {
      this.problems.add(this.file, line, describeColumnProblem(fields, resolved.missing, resolved.duplicated));
      this.headerFailed = true;
      this.finished = true;
      return;
    }
    const { index } = resolved;
    this.layout = { width: fields.length, id: index.citizen_id, week: index.week, status: index.status };
    this.canonical = fields.length === 3 && index.citizen_id === 0 && index.week === 1 && index.status === 2;
    this.starts = new Int32Array(fields.length);
    this.ends = new Int32Array(fields.length);
  }

  private byteRow(buf: Uint8Array, fieldCount: number, line: number): void {
    const layout = this.layout!;
    this.rowCount++;
    if (fieldCount !== layout.width) {
      this.problems.add(
        this.file,
        line,
        `${fieldCount} field${fieldCount === 1 ? '' : 's'}, but the header has ${layout.width}`,
      );
      return;
    }
    const starts = this.starts;
    const ends = this.ends;
    const weekStart = starts[layout.week]!;
    const weekEnd = ends[layout.week]!;
    let week = 0;
    let weekOk = weekEnd > weekStart && weekEnd - weekStart <= MAX_WEEK_DIGITS;
    for (let k = weekStart; weekOk && k < weekEnd; k++) {
      const d = buf[k]! - ZERO;
      if (d < 0 || d > 9) weekOk = false;
      week = week * 10 + d;
    }
    weekOk &&= week >= 1;

    const statusStart = starts[layout.status]!;
    const length = ends[layout.status]! - statusStart;
    let status = length < STATUS_BY_LENGTH.length ? STATUS_BY_LENGTH[length]! : -1;
    if (status >= 0) {
      const expected = STATUS_BYTES[status]!;
      for (let k = 0; k < length; k++) {
        if (buf[statusStart + k] !== expected[k]) {
          status = -1;
          break;
        }
      }
    }

    if (!weekOk || status < 0) {
      const text = (k: number): string => decoder.decode(buf.subarray(starts[k], ends[k]));
      this.reportRow(line, text(layout.id), weekOk ? week : -1, text(layout.week), status, text(layout.status));
      return;
    }
    this.rows.push(buf, starts[layout.id]!, ends[layout.id]!, week, status, line);
  }

  private textRow(fields: readonly string[], line: number): void {
    const layout = this.layout!;
    this.rowCount++;
    if (fields.length !== layout.width) {
      this.problems.add(
        this.file,
        line,
        `${fields.length} field${fields.length === 1 ? '' : 's'}, but the header has ${layout.width}`,
      );
      return;
    }
    const id = fields[layout.id]!;
    const weekText = fields[layout.week]!;
    const statusText = fields[layout.status]!;
    const week = /^\d{1,7}$/.test(weekText) && Number(weekText) >= 1 ? Number(weekText) : -1;
    const status = statusCode(statusText);
    if (week < 0 || status < 0) {
      this.reportRow(line, id, week, weekText, status, statusText);
      return;
    }
    const bytes = encoder.encode(id);
    this.rows.push(bytes, 0, bytes.length, week, status, line);
  }

  /** A row with a bad week or status; its citizen_id is checked too (rare, so at once). */
  private reportRow(
    line: number,
    id: string,
    week: number,
    weekText: string,
    status: number,
    statusText: string,
  ): void {
    if (!this.rows.known(id)) {
      this.problems.add(
        this.file,
        line,
        id === '' ? 'citizen_id is empty' : `citizen_id ${quoteValue(id)} is not in citizens.csv`,
      );
    }
    if (week < 0) {
      let reason: string;
      if (weekText === '') reason = 'week is empty (a whole number ≥ 1 is required)';
      else if (/^\d+$/.test(weekText) && Number(weekText) < 1) reason = `week ${quoteValue(weekText)} is below 1`;
      else if (/^\d+$/.test(weekText)) reason = `week ${quoteValue(weekText)} is too large`;
      else reason = `week ${quoteValue(weekText)} is not a whole number`;
      this.problems.add(this.file, line, reason);
    }
    if (status < 0) this.problems.add(this.file, line, `status ${quoteValue(statusText)} is not one of ${STATUS_LIST}`);
  }
}
