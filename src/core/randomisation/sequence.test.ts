import { describe, it, expect } from 'vitest';
import { Pcg32, shuffle } from './pcg32.js';
import { AllocationStream, allocationAt, allocationSequence, type Slot } from './sequence.js';
import { stratumGenerator } from './seed.js';
import type { ArmWeight } from './arms.js';

const ARMS: readonly ArmWeight[] = [
  { name: 'group1', weight: 2 },
  { name: 'group2', weight: 1 },
  { name: 'control', weight: 4 },
];
const TOTAL = 7;

function take(seed: string, stratum: string, arms: readonly ArmWeight[], n: number): Slot[] {
  const slots: Slot[] = [];
  for (const slot of allocationSequence(seed, stratum, arms)) {
    slots.push(slot);
    if (slots.length === n) break;
  }
  return slots;
}

/** df = 2: P(χ² > x) = exp(-x/2), so the critical value for tail probability α is -2 ln α. */
const chiSquareCritical2 = (alpha: number): number => -2 * Math.log(alpha);

function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, o, i) => sum + (o - expected[i]!) ** 2 / expected[i]!, 0);
}

describe('allocation sequence: permuted blocks', () => {
  it('fills every complete block with exactly m × weight places per arm, m in 1..3', () => {
    const weightSets: ArmWeight[][] = [
      [...ARMS],
      [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 1 },
      ],
      [
        { name: 'x', weight: 3 },
        { name: 'y', weight: 5 },
        { name: 'z', weight: 1 },
        { name: 'w', weight: 2 },
      ],
    ];
    for (const arms of weightSets) {
      const total = arms.reduce((s, a) => s + a.weight, 0);
      for (let s = 0; s < 50; s++) {
        const slots = take(`blocks-${s}`, 'S', arms, 300);
        const lastBlock = slots[slots.length - 1]!.block;
        for (let b = 1; b < lastBlock; b++) {
          const inBlock = slots.filter((x) => x.block === b);
          const size = inBlock.length;
          expect([total, 2 * total, 3 * total]).toContain(size);
          expect(inBlock.every((x) => x.blockSize === size)).toBe(true);
          expect(inBlock.map((x) => x.position)).toEqual(Array.from({ length: size }, (_, i) => i + 1));
          const m = size / total;
          for (const arm of arms) expect(inBlock.filter((x) => x.arm === arm.name).length).toBe(m * arm.weight);
        }
        // Blocks are numbered 1, 2, 3, … without gaps.
        expect(new Set(slots.map((x) => x.block)).size).toBe(lastBlock);
      }
    }
  });

  it('deals a block as the reference Fisher–Yates shuffle of its places, read from the end', () => {
    // Replays the documented steps with the same generator: m = boundedrand(3) + 1, places in arm
    // name order (control ×4m, group1 ×2m, group2 ×m), reference shuffle, dealt last place first.
    const rng = stratumGenerator('2017', 'A');
    const m = rng.bounded(3) + 1;
    const places = [
      ...Array<string>(4 * m).fill('control'),
      ...Array<string>(2 * m).fill('group1'),
      ...Array<string>(m).fill('group2'),
    ];
    shuffle(places, rng);
    expect(take('2017', 'A', ARMS, 7 * m).map((s) => s.arm)).toEqual(places.reverse());
  });

  it('reproduces the worked example of docs/randomisation.md', () => {
    // Expected values from an independent Python transcription (hashlib SHA-256, integer PCG32)
    // of the steps as documented.
    const generator = stratumGenerator('2017', 'A');
    expect([generator.nextUint32(), generator.nextUint32(), generator.nextUint32()]).toEqual([
      0x2f1c46d3, 0x7c1a306f, 0xbbe66586,
    ]);
    const slots = take('2017', 'A', ARMS, 10);
    expect(slots.map((s) => s.arm).join(' ')).toBe(
      'control control group2 group1 control group1 control control control group2',
    );
    expect(slots.every((s) => s.block === 1 && s.blockSize === 21)).toBe(true);
  });

  it('does not depend on the order in which arms are listed', () => {
    const reordered = [ARMS[2]!, ARMS[0]!, ARMS[1]!];
    expect(take('seed', 'S', reordered, 100)).toEqual(take('seed', 'S', ARMS, 100));
  });

  it('gives the n-th enrolled citizen the n-th place', () => {
    const slots = take('concealed', 'stratum-1', ARMS, 40);
    for (const n of [0, 1, 6, 7, 20, 39]) expect(allocationAt('concealed', 'stratum-1', ARMS, n)).toEqual(slots[n]);
    expect(() => allocationAt('concealed', 'stratum-1', ARMS, -1)).toThrow(RangeError);
  });

  it('refuses unusable arms', () => {
    expect(() => new AllocationStream(new Pcg32(0, 1, 0, 1), [{ name: 'only', weight: 1 }])).toThrow(/two arms/);
  });

  it('changes with the seed and with the stratum', () => {
    const arms = (seed: string, stratum: string): string =>
      take(seed, stratum, ARMS, 30)
        .map((s) => s.arm)
        .join();
    expect(arms('2017', 'A')).not.toBe(arms('2018', 'A'));
    expect(arms('2017', 'A')).not.toBe(arms('2017', 'B'));
  });
});

describe('allocation sequence: unbiased over seeds', () => {
  // 10 citizens in one stratum: with m = 1 the last three fall in an incomplete second block,
  // with m = 2 or 3 all ten are a prefix of an incomplete first block — the cases where bias
  // could hide. For each of the 10 places, the arm counts over N seeds are compared with
  // N × weight / 7 by a χ² statistic (df = 2). Threshold: Bonferroni over 10 places at a family
  // false-failure probability of 10^-6 (if the allocation is unbiased and the seeds act as
  // independent draws), i.e. each statistic must stay below -2 ln(10^-7) ≈ 32.2.
  const N = 3000;
  const PLACES = 10;
  const names = ARMS.map((a) => a.name);
  const expected = ARMS.map((a) => (N * a.weight) / TOTAL);
  const critical = chiSquareCritical2(1e-6 / PLACES);

  function statistics(allocate: (seed: string) => string[]): number[] {
    const counts = Array.from({ length: PLACES }, () => [0, 0, 0]);
    for (let s = 0; s < N; s++) {
      allocate(`unbiased-${s}`).forEach((arm, place) => {
        counts[place]![names.indexOf(arm)]!++;
      });
    }
    return counts.map((c) => chiSquare(c, expected));
  }

  it('puts every place in each arm with probability weight / sum of weights', () => {
    const stats = statistics((seed) => take(seed, 'S', ARMS, PLACES).map((s) => s.arm));
    for (const stat of stats) expect(stat).toBeLessThan(critical);
  });

  it('would catch an incomplete block dealt without shuffling (the test has power)', () => {
    const biased = (seed: string): string[] => {
      const slots = take(seed, 'S', ARMS, PLACES);
      const last = slots[PLACES - 1]!;
      if (last.position === last.blockSize) return slots.map((s) => s.arm);
      // Incomplete last block: hand out its places in unshuffled arm-name order instead.
      const unshuffled = ['control', 'group1', 'group2'].flatMap((arm, i) =>
        Array<string>((last.blockSize / TOTAL) * [4, 2, 1][i]!).fill(arm),
      );
      return slots.map((s) => (s.block === last.block ? unshuffled[s.position - 1]! : s.arm));
    };
    expect(Math.max(...statistics(biased))).toBeGreaterThan(critical);
  });

  it('draws the block multiplier m uniformly from 1, 2, 3', () => {
    const counts = [0, 0, 0];
    for (let s = 0; s < N; s++) counts[take(`unbiased-${s}`, 'S', ARMS, 1)[0]!.blockSize / TOTAL - 1]!++;
    expect(chiSquare(counts, [N / 3, N / 3, N / 3])).toBeLessThan(chiSquareCritical2(1e-6));
  });
});
