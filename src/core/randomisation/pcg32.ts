/**
 * PCG32 (PCG-XSH-RR 64/32, M. E. O'Neill, pcg-random.org): 64-bit LCG state, 32-bit output,
 * 2^63 selectable streams. Seeding, output and bounded draws follow the reference C library
 * (`pcg32_srandom_r`, `pcg32_random_r`, `pcg32_boundedrand_r`), so its published check output
 * is our known-answer test. The 64-bit state is kept as two unsigned 32-bit halves: plain number
 * arithmetic, no BigInt in the hot path.
 */

const MULT_HI = 0x5851f42d;
const MULT_LO = 0x4c957f2d;
const TWO_32 = 0x1_0000_0000;

export class Pcg32 {
  private hi = 0;
  private lo = 0;
  private readonly incHi: number;
  private readonly incLo: number;

  /** `pcg32_srandom_r(initstate, initseq)` with both 64-bit arguments given as high and low 32 bits. */
  constructor(initStateHi: number, initStateLo: number, initSeqHi: number, initSeqLo: number) {
    this.incHi = ((initSeqHi << 1) | (initSeqLo >>> 31)) >>> 0;
    this.incLo = ((initSeqLo << 1) | 1) >>> 0;
    this.step();
    const lo = this.lo + (initStateLo >>> 0);
    this.lo = lo >>> 0;
    this.hi = (this.hi + (initStateHi >>> 0) + (lo >= TWO_32 ? 1 : 0)) >>> 0;
    this.step();
  }

  /** Next uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const hi = this.hi;
    const lo = this.lo;
    this.step();
    // xorshifted = ((old >> 18) ^ old) >> 27, truncated to 32 bits; rot = old >> 59.
    const xHi = hi ^ (hi >>> 18);
    const xLo = lo ^ ((lo >>> 18) | (hi << 14));
    const xorshifted = ((xLo >>> 27) | (xHi << 5)) >>> 0;
    const rot = hi >>> 27;
    return ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
  }

  /**
   * Uniform integer in [0, bound), bound in 1..2^32-1, without modulo bias: outputs below
   * 2^32 mod bound are rejected so that every residue is equally likely.
   */
  bounded(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound >= TWO_32)
      throw new RangeError(`bound must be an integer in 1..2^32-1, got ${bound}`);
    const threshold = (TWO_32 - bound) % bound;
    for (;;) {
      const r = this.nextUint32();
      if (r >= threshold) return r % bound;
    }
  }

  /** state = state × 6364136223846793005 + inc  (mod 2^64). */
  private step(): void {
    const hi = this.hi;
    const lo = this.lo;
    // Low 32 × low 32 → 64 bits exactly, via 16-bit pieces (every partial product < 2^32).
    const a0 = lo & 0xffff;
    const a1 = lo >>> 16;
    const b0 = MULT_LO & 0xffff;
    const b1 = MULT_LO >>> 16;
    const p00 = a0 * b0;
    const p01 = a0 * b1;
    const p10 = a1 * b0;
    const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    const productLo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
    const carryHi = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
    const productHi = carryHi + Math.imul(hi, MULT_LO) + Math.imul(lo, MULT_HI);
    const sumLo = productLo + this.incLo;
    this.lo = sumLo >>> 0;
    this.hi = (productHi + this.incHi + (sumLo >= TWO_32 ? 1 : 0)) >>> 0;
  }
}

/**
 * Shuffles in place exactly like the reference library's card-dealing check: for i = n … 2,
 * swap item i-1 with a uniformly chosen item in [0, i). Every permutation is equally likely.
 */
export function shuffle(items: unknown[], rng: Pcg32): void {
  for (let i = items.length; i > 1; i--) {
    const chosen = rng.bounded(i);
    const item = items[chosen]!;
    items[chosen] = items[i - 1]!;
    items[i - 1] = item;
  }
}
