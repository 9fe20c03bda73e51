// citizen_id → citizen index, keyed on the id's UTF-8 bytes so the weekly file can be matched
// straight from its byte buffers without creating a string per row. Open addressing with
// linear probing; each slot holds the hash, the index and where the id's bytes lie in the
// pool, so a lookup in a randomly ordered file touches one slot and the id bytes only.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Slot layout: [hash, index + 1 (0 = empty), pool offset, byte length]. */
const SLOT = 4;

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  // Final mix (MurmurHash3 fmix32) so sequential ids spread over the low bits too.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class CitizenIndex {
  private pool = new Uint8Array(1 << 16);
  private poolUsed = 0;
  /** Pool offset of each citizen's id; its end is the next one's offset. */
  private offsets = new Int32Array(1025);
  private slots = new Int32Array(2048 * SLOT);
  private mask = 2047;
  private size = 0;

  get count(): number {
    return this.size;
  }

  /** Adds an id; returns its new index, or −(index + 1) of the citizen already holding it. */
  add(id: string): number {
    const bytes = encoder.encode(id);
    const existing = this.find(bytes, 0, bytes.length);
    if (existing >= 0) return -(existing + 1);
    if (2 * (this.size + 1) > this.mask + 1) this.rehash(2 * (this.mask + 1));
    if (this.size + 2 > this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
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
    this.offsets[index + 1] = this.poolUsed;
    this.insertSlot(hashBytes(bytes, 0, bytes.length), index, offset, bytes.length);
    return index;
  }

  /** Index of the id held in bytes[start, end), or −1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const h = hashBytes(bytes, start, end);
    const slots = this.slots;
    const mask = this.mask;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const entry = slots[at + 1]!;
      if (entry === 0) return -1;
      if (slots[at] === h && slots[at + 3] === length && this.samePoolBytes(slots[at + 2]!, bytes, start, length)) return entry - 1;
    }
  }

  findString(id: string): number {
    const bytes = encoder.encode(id);
    return this.find(bytes, 0, bytes.length);
  }

  /** Whether citizen `index` (which may be out of range) has exactly the id in bytes[start, end). */
  matches(index: number, bytes: Uint8Array, start: number, end: number): boolean {
    if (index < 0 || index >= this.size) return false;
    const from = this.offsets[index]!;
    const length = end - start;
    return this.offsets[index + 1]! - from === length && this.samePoolBytes(from, bytes, start, length);
  }

  id(index: number): string {
    return decoder.decode(this.pool.subarray(this.offsets[index], this.offsets[index + 1]));
  }

  private samePoolBytes(from: number, bytes: Uint8Array, start: number, length: number): boolean {
    const pool = this.pool;
    for (let k = 0; k < length; k++) if (pool[from + k] !== bytes[start + k]) return false;
    return true;
  }

  private insertSlot(hash: number, index: number, offset: number, length: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot * SLOT + 1] !== 0) slot = (slot + 1) & this.mask;
    const at = slot * SLOT;
    this.slots[at] = hash;
    this.slots[at + 1] = index + 1;
    this.slots[at + 2] = offset;
    this.slots[at + 3] = length;
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
