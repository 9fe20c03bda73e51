import { describe, expect, it } from 'vitest';
import { newcombeDifference, waldDifference, wilsonInterval } from './proportions.js';

const round4 = (interval: readonly [number, number]): number[] => interval.map((v) => Math.round(v * 1e4) / 1e4);

describe('Wilson score interval', () => {
  // Newcombe (1998) Stat Med 17:857–872, Table I, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %f to %f', (x, n, lo, hi) => {
    expect(round4(wilsonInterval(x, n))).toEqual([lo, hi]);
  });
});

describe('Newcombe hybrid score interval (method 10)', () => {
  // Newcombe (1998) Stat Med 17:873–890, Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i → %f to %f', (x1, n1, x2, n2, lo, hi) => {
    expect(round4(newcombeDifference(x1, n1, x2, n2))).toEqual([lo, hi]);
  });
});

describe('Wald interval for a difference', () => {
  it('is d ± z·sqrt(p1q1/n1 + p2q2/n2) (hand computation)', () => {
    // 56/70 − 48/80: d = 0.2, SE = sqrt(0.8·0.2/70 + 0.6·0.4/80) = sqrt(0.0052857142857) = 0.0727028...
    const [lo, hi] = waldDifference(56, 70, 48, 80)!;
    const se = Math.sqrt(0.16 / 70 + 0.24 / 80);
    expect(lo).toBeCloseTo(0.2 - 1.959963984540054 * se, 12);
    expect(hi).toBeCloseTo(0.2 + 1.959963984540054 * se, 12);
    expect(se).toBeCloseTo(0.0727028, 6);
  });

  it('is null when both proportions are 0 or 1 (SE 0)', () => {
    expect(waldDifference(0, 10, 0, 20)).toBeNull();
    expect(waldDifference(10, 10, 0, 20)).toBeNull();
  });
});
