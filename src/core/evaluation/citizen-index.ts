// citizen_id → citizen, keyed on the id's UTF-8 bytes so the weekly file can be matched
// straight from its byte buffers without creating a string per row. Open addressing with
// linear probing; each slot holds the hash, the citizen and where the id's bytes lie.
//
// Two numberings: the *index* is the order of add() (the row order of citizens.csv). freeze()
// then gives every citizen a *position* in slot order and lays the id bytes out in that order,
// so ids whose hashes fall in one range of slots are found in one compact range of memory and
// their per-citizen state can live in one compact range too (see RowPartitions).

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Slot layout: [hash, citizen + 1 (0 = empty), byte offset of the id, byte length]. */
const SLOT = 4;

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the bytes, then finishHash. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return finishHash(h);
}

/** Final mix (MurmurHash3 fmix32) so sequential ids spread over the low bits too. */
export function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class CitizenIndex {
  private pool = new Uint8Array(1 << 16);
  private poolUsed = 0;
  private slots = new Int32Array(2048 * SLOT);
  private mask = 2047;
  private size = 0;
  private frozen = false;
  /** Slot (array offset) of each citizen: by index before freeze, by position after. */
  private slotOf = new Int32Array(1024);
  /** After freeze: position → index and index → position. */
  private indexAt = new Int32Array(0);
  private positionAt = new Int32Array(0);

  get count(): number {
    return this.size;
  }

  /** log2 of the number of slots: a hash h lives from slot h & (2^bits − 1) on. */
  get slotBits(): number {
    return 31 - Math.clz32(this.mask + 1);
  }

  /** Adds an id; returns its new index, or −(index + 1) of the citizen already holding it. */
  add(id: string): number {
    if (this.frozen) throw new Error('CitizenIndex.add after freeze');
    const bytes = encoder.encode(id);
    const existing = this.find(bytes, 0, bytes.length);
    if (existing >= 0) return -(existing + 1);
    if (2 * (this.size + 1) > this.mask + 1) this.rehash(2 * (this.mask + 1));
    if (this.size === this.slotOf.length) {
      const grown = new Int32Array(this.size * 2);
      grown.set(this.slotOf);
      this.slotOf = grown;
    }
    if (this.poolUsed + bytes.length > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + bytes.length));
      grown.set(this.pool.subarray(0, this.poolUsed));
      this.pool = grown;
    }
    const offset = this.poolUsed;
    this.pool.set(bytes, offset);
    this.poolUsed += bytes.length;
    const index = this.size++;
    this.insertSlot(hashBytes(bytes, 0, bytes.length), index, offset, bytes.length);
    return index;
  }

  /** The citizen (index before freeze, position after) whose id is bytes[start, end), or −1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    return this.findHashed(hashBytes(bytes, start, end), bytes, start, end);
  }

  /** As find, with hashBytes(bytes, start, end) already computed. */
  findHashed(hash: number, bytes: Uint8Array, start: number, end: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const pool = this.pool;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const entry = slots[at + 1]!;
      if (entry === 0) return -1;
      if (slots[at] !== hash || slots[at + 3] !== length) continue;
      const from = slots[at + 2]!;
      let k = 0;
      while (k < length && pool[from + k] === bytes[start + k]) k++;
      if (k === length) return entry - 1;
    }
  }

  findString(id: string): number {
    const bytes = encoder.encode(id);
    return this.find(bytes, 0, bytes.length);
  }

  /** The id of a citizen given by index (add order). */
  id(index: number): string {
    const at = this.slotOf[this.frozen ? this.positionAt[index]! : index]!;
    const from = this.slots[at + 2]!;
    return decoder.decode(this.pool.subarray(from, from + this.slots[at + 3]!));
  }

  /** Position → index (after freeze). */
  get indexByPosition(): Int32Array {
    return this.indexAt;
  }

  /** Index → position (after freeze). */
  get positionByIndex(): Int32Array {
    return this.positionAt;
  }

  /** Numbers the citizens in slot order and lays their id bytes out in that order. */
  freeze(): void {
    if (this.frozen) return;
    this.frozen = true;
    const n = this.size;
    this.indexAt = new Int32Array(n);
    this.positionAt = new Int32Array(n);
    const slotOf = new Int32Array(n);
    const pool = new Uint8Array(Math.max(this.poolUsed, 1));
    let used = 0;
    let position = 0;
    for (let at = 0; at < this.slots.length; at += SLOT) {
      const entry = this.slots[at + 1]!;
      if (entry === 0) continue;
      const from = this.slots[at + 2]!;
      const length = this.slots[at + 3]!;
      pool.set(this.pool.subarray(from, from + length), used);
      this.slots[at + 1] = position + 1;
      this.slots[at + 2] = used;
      this.indexAt[position] = entry - 1;
      this.positionAt[entry - 1] = position;
      slotOf[position] = at;
      used += length;
      position++;
    }
    this.pool = pool;
    this.slotOf = slotOf;
  }

  private insertSlot(hash: number, citizen: number, offset: number, length: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot * SLOT + 1] !== 0) slot = (slot + 1) & this.mask;
    const at = slot * SLOT;
    this.slots[at] = hash;
    this.slots[at + 1] = citizen + 1;
    this.slots[at + 2] = offset;
    this.slots[at + 3] = length;
    this.slotOf[citizen] = at;
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.slots = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 1] !== 0) this.insertSlot(old[at]!, old[at + 1]! - 1, old[at + 2]!, old[at + 3]!);
    }
  }
}
