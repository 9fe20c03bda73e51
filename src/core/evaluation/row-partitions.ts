// Weekly rows may come in any order. Looked up one by one, a shuffled file of 10^8 rows costs
// several cache misses per row (hash slot, id bytes, citizen state, each somewhere in ~100 MB)
// and runs many times slower than a sorted one. So rows are first appended to one of P
// buffers by the range of hash slots their id falls in (a radix partition, as in a
// partitioned hash join); a full buffer is then resolved in one go, and since a frozen
// CitizenIndex numbers citizens in slot order, all its lookups and state updates stay within
// one small range of memory that fits in cache.
import { hashBytes, type CitizenIndex } from './citizen-index.js';

/** Rows per partition buffer. */
const ROWS = 8192;
/** Bytes of ids per partition buffer (ids average up to 16 bytes before a buffer fills early). */
const ID_BYTES = 16 * ROWS;
/** Longer ids skip the buffers and are looked up at once. */
const MAX_BUFFERED_ID = 255;
/** Citizens per partition aimed at: their state, slots and ids take a few tens of kB. */
const CITIZENS_PER_PARTITION = 1024;
const MAX_PARTITION_BITS = 12;

/** Receives resolved rows: `position` is the citizen's position in the frozen index. */
export interface RowSink {
  row(position: number, week: number, status: number, line: number): void;
  unknownCitizen(id: Uint8Array, line: number): void;
}

export class RowPartitions {
  private readonly index: CitizenIndex;
  private readonly sink: RowSink;
  private readonly mask: number;
  private readonly shift: number;
  private readonly count: number;
  private readonly fill: Int32Array;
  private readonly idFill: Int32Array;
  /** Per row: [hash, week · 8 + status, line, id offset · 256 + id length]. */
  private readonly records: Int32Array;
  private readonly ids: Uint8Array;

  constructor(index: CitizenIndex, sink: RowSink) {
    index.freeze();
    this.index = index;
    this.sink = sink;
    const slotBits = index.slotBits;
    let bits = 0;
    while (bits < MAX_PARTITION_BITS && bits < slotBits && index.count >> bits > CITIZENS_PER_PARTITION) bits++;
    this.count = 1 << bits;
    this.mask = (1 << slotBits) - 1;
    this.shift = slotBits - bits;
    this.fill = new Int32Array(this.count);
    this.idFill = new Int32Array(this.count);
    this.records = new Int32Array(this.count * ROWS * 4);
    this.ids = new Uint8Array(this.count * ID_BYTES);
  }

  /** A row whose id is bytes[start, end); week ≥ 1 and status already checked. */
  push(bytes: Uint8Array, start: number, end: number, week: number, status: number, line: number): void {
    this.pushHashed(hashBytes(bytes, start, end), bytes, start, end, week, status, line);
  }

  /** As push, with hashBytes(bytes, start, end) already computed. */
  pushHashed(
    hash: number,
    bytes: Uint8Array,
    start: number,
    end: number,
    week: number,
    status: number,
    line: number,
  ): void {
    const length = end - start;
    if (length > MAX_BUFFERED_ID) {
      this.resolve(hash, bytes, start, end, week * 8 + status, line);
      return;
    }
    const p = (hash & this.mask) >>> this.shift;
    let n = this.fill[p]!;
    let used = this.idFill[p]!;
    if (n === ROWS || used + length > ID_BYTES) {
      this.flush(p);
      n = 0;
      used = 0;
    }
    const r = (p * ROWS + n) * 4;
    const records = this.records;
    records[r] = hash;
    records[r + 1] = week * 8 + status;
    records[r + 2] = line;
    records[r + 3] = used * 256 + length;
    const ids = this.ids;
    const to = p * ID_BYTES + used;
    for (let k = 0; k < length; k++) ids[to + k] = bytes[start + k]!;
    this.fill[p] = n + 1;
    this.idFill[p] = used + length;
  }

  /** Whether an id is a known citizen (looked up at once; for rows that are not buffered). */
  known(id: string): boolean {
    return this.index.findString(id) >= 0;
  }

  /** Resolves every buffered row. */
  flushAll(): void {
    for (let p = 0; p < this.count; p++) this.flush(p);
  }

  private flush(p: number): void {
    const records = this.records;
    const base = p * ID_BYTES;
    const n = this.fill[p]!;
    for (let r = p * ROWS * 4, end = r + n * 4; r < end; r += 4) {
      const from = base + (records[r + 3]! >>> 8);
      this.resolve(records[r]!, this.ids, from, from + (records[r + 3]! & 255), records[r + 1]!, records[r + 2]!);
    }
    this.fill[p] = 0;
    this.idFill[p] = 0;
  }

  private resolve(hash: number, bytes: Uint8Array, start: number, end: number, weekStatus: number, line: number): void {
    const position = this.index.findHashed(hash, bytes, start, end);
    if (position < 0) this.sink.unknownCitizen(bytes.slice(start, end), line);
    else this.sink.row(position, weekStatus >>> 3, weekStatus & 7, line);
  }
}
