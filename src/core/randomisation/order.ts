/**
 * Sorting a million citizen ids with a comparator costs seconds (each `<` on strings is a
 * builtin call); this MSD radix sort on UTF-16 code units gives the same order as JavaScript's
 * default string comparison (`<`) in a fraction of that. Stable: equal ids keep input order.
 * It also notes whether any key occurs twice, which saves another pass over the keys.
 */

/** Below this many keys a range is finished by insertion sort. */
const SMALL = 24;
/** Wider code-unit spans in one range (rare: mixed scripts) fall back to a comparison sort. */
const MAX_SPAN = 4096;

export interface StringOrder {
  /** Indexes of the keys in ascending JavaScript string order. */
  readonly order: Int32Array;
  readonly hasDuplicates: boolean;
}

export function stringOrder(keys: readonly string[]): StringOrder {
  const n = keys.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const scratch = new Int32Array(n);
  const codes = new Int32Array(n);
  // Work list of [lo, hi, depth]: order[lo..hi) holds keys equal in their first `depth` code units.
  const work: number[] = [0, n, 0];
  let hasDuplicates = false;
  while (work.length > 0) {
    const depth = work.pop()!;
    const hi = work.pop()!;
    const lo = work.pop()!;
    if (hi - lo <= SMALL) {
      insertionSort(keys, order, lo, hi);
      hasDuplicates ||= hasEqualNeighbours(keys, order, lo, hi);
      continue;
    }
    // Code unit at `depth`, or -1 when the key ends there (a prefix sorts first); kept in
    // `codes` so that each key is looked at once per level.
    let min = 0x10000;
    let max = -1;
    for (let i = lo; i < hi; i++) {
      const key = keys[order[i]!]!;
      const c = depth < key.length ? key.charCodeAt(depth) : -1;
      codes[i] = c;
      if (c < min) min = c;
      if (c > max) max = c;
    }
    if (max === -1) {
      hasDuplicates = true; // every key ended: all equal
      continue;
    }
    if (max - min >= MAX_SPAN) {
      comparisonSort(keys, order, lo, hi);
      hasDuplicates ||= hasEqualNeighbours(keys, order, lo, hi);
      continue;
    }
    if (min === max) {
      work.push(lo, hi, depth + 1); // a shared code unit: look further
      continue;
    }
    const counts = new Int32Array(max - min + 2);
    for (let i = lo; i < hi; i++) counts[codes[i]! - min + 1]!++;
    const starts = new Int32Array(counts.length);
    let at = lo;
    for (let b = 0; b < counts.length; b++) {
      starts[b] = at;
      at += counts[b]!;
    }
    for (let i = lo; i < hi; i++) scratch[starts[codes[i]! - min + 1]!++] = order[i]!;
    order.set(scratch.subarray(lo, hi), lo);
    // Bucket b now ends at starts[b]; bucket 0 holds keys that ended (equal, already final) when min = -1.
    let from = lo;
    for (let b = 0; b < counts.length; b++) {
      const to = starts[b]!;
      if (to - from > 1) {
        if (b === 0 && min === -1) hasDuplicates = true;
        else work.push(from, to, depth + 1);
      }
      from = to;
    }
  }
  return { order, hasDuplicates };
}

function hasEqualNeighbours(keys: readonly string[], order: Int32Array, lo: number, hi: number): boolean {
  for (let i = lo + 1; i < hi; i++) if (keys[order[i]!] === keys[order[i - 1]!]) return true;
  return false;
}

function insertionSort(keys: readonly string[], order: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const index = order[i]!;
    const key = keys[index]!;
    let j = i - 1;
    while (j >= lo && keys[order[j]!]! > key) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = index;
  }
}

function comparisonSort(keys: readonly string[], order: Int32Array, lo: number, hi: number): void {
  const part = Array.from(order.subarray(lo, hi));
  // Array.prototype.sort is stable; ties keep input order.
  part.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  order.set(part, lo);
}
