import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Pcg32, shuffle } from './pcg32.js';

// Published output of the PCG reference library's check program for pcg32
// (imneme/pcg-c, test-high/expected/check-pcg32.out): pcg32_srandom_r(&rng, 42u, 54u), then per
// round six 32-bit outputs, 65 coins (boundedrand(2): H = 1), 33 dice (boundedrand(6) + 1) and a
// 52-card deal. ("Again" steps back six values and repeats them, so it leaves the state as it was.)
const ROUNDS = [
  {
    numbers: [0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e],
    coins: 'HHTTTHTHHHTHTTTHHHHHTTTHHHTHTHTHTTHTTTHHHHHHTTTTHHTTTTTHTTTTTTTHT',
    rolls: '3 4 1 1 2 2 3 2 4 3 2 4 3 3 5 2 3 1 3 1 5 1 4 1 5 6 4 6 6 2 6 3 3',
    cards:
      'Qd Ks 6d 3s 3d 4c 3h Td Kc 5c Jh Kd Jd As 4s 4h Ad Th Ac Jc 7s Qs 2s 7h Kh 2d 6c Ah 4d Qh 9h 6s 5s 2c 9c Ts 8d 9s 3c 8c Js 5d 2h 6h 7d 8s 9d 5h 8h Qc 7c Tc',
  },
  {
    numbers: [0x74ab93ad, 0x1c1da000, 0x494ff896, 0x34462f2f, 0xd308a3e5, 0x0fa83bab],
    coins: 'HHHHHHHHHHTHHHTHTHTHTHTTTTHHTTTHHTHHTHTTHHTTTHHHHHHTHTTHTHTTTTTTT',
    rolls: '5 1 1 3 3 2 4 5 3 2 2 6 4 3 2 4 2 4 3 2 3 6 3 2 3 4 2 4 1 1 5 4 4',
    cards:
      '7d 2s 7h Td 8s 3c 3d Js 2d Tc 4h Qs 5c 9c Th 2c Jc Qd 9d Qc 7s 3s 5s 6h 4d Jh 4c Ac 4s 5h 5d Kc 8h 8d Jd 9s Ad 6s 6c Kd 2h 3h Kh Ts Qh 9h 6d As 7c Ks Ah 8c',
  },
];

describe('Pcg32: reference check output (seed 42, stream 54)', () => {
  it('reproduces two rounds of numbers, coins, dice and cards', () => {
    const rng = new Pcg32(0, 42, 0, 54);
    for (const round of ROUNDS) {
      expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual(round.numbers);
      expect(Array.from({ length: 65 }, () => (rng.bounded(2) === 1 ? 'H' : 'T')).join('')).toBe(round.coins);
      expect(Array.from({ length: 33 }, () => rng.bounded(6) + 1).join(' ')).toBe(round.rolls);
      const cards = Array.from({ length: 52 }, (_, i) => i);
      shuffle(cards, rng);
      const name = (c: number): string => 'A23456789TJQK'.charAt(Math.floor(c / 4)) + 'hcds'.charAt(c % 4);
      expect(cards.map(name).join(' ')).toBe(round.cards);
    }
  });
});

/** Straight transcription of pcg32_srandom_r / pcg32_random_r with 64-bit BigInt arithmetic. */
function bigIntPcg32(initState: bigint, initSeq: bigint): () => number {
  const mask = (1n << 64n) - 1n;
  let state = 0n;
  const inc = ((initSeq << 1n) | 1n) & mask;
  const next = (): number => {
    const old = state;
    state = (old * 6364136223846793005n + inc) & mask;
    const xorshifted = Number((((old >> 18n) ^ old) >> 27n) & 0xffffffffn);
    const rot = Number(old >> 59n);
    return ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
  };
  next();
  state = (state + initState) & mask;
  next();
  return next;
}

describe('Pcg32: 64-bit arithmetic in 32-bit halves', () => {
  it('matches a BigInt transcription of the reference for any seed and stream', () => {
    const u32 = fc.nat({ max: 0xffffffff });
    fc.assert(
      fc.property(u32, u32, u32, u32, (sh, sl, qh, ql) => {
        const rng = new Pcg32(sh, sl, qh, ql);
        const reference = bigIntPcg32((BigInt(sh) << 32n) | BigInt(sl), (BigInt(qh) << 32n) | BigInt(ql));
        for (let i = 0; i < 20; i++) expect(rng.nextUint32()).toBe(reference());
      }),
      { numRuns: 300 },
    );
  });
});

describe('Pcg32.bounded', () => {
  it('stays in range and rejects bad bounds', () => {
    const rng = new Pcg32(1, 2, 3, 4);
    for (const bound of [1, 2, 3, 7, 1000, 0xffffffff]) {
      for (let i = 0; i < 200; i++) {
        const r = rng.bounded(bound);
        expect(Number.isInteger(r) && r >= 0 && r < bound).toBe(true);
      }
    }
    expect(() => rng.bounded(0)).toThrow(RangeError);
    expect(() => rng.bounded(2 ** 32)).toThrow(RangeError);
    expect(() => rng.bounded(2.5)).toThrow(RangeError);
  });

  it('has no modulo bias where plain `% bound` would have a large one', () => {
    // bound = 3·2^30: r % bound maps [0, 2^32) so that [0, 2^30) is hit twice as often (P = 1/2
    // instead of 1/3). With rejection P = 1/3: over 30,000 draws the count is 10,000 ± 81.6 (sd);
    // the ±6 sd band fails by chance with probability below 2·10^-9.
    const rng = new Pcg32(0, 2017, 0, 1);
    const bound = 3 * 2 ** 30;
    let low = 0;
    for (let i = 0; i < 30_000; i++) if (rng.bounded(bound) < 2 ** 30) low++;
    expect(Math.abs(low - 10_000)).toBeLessThan(6 * Math.sqrt(30_000 * (1 / 3) * (2 / 3)));
  });
});
