import { describe, expect, it } from 'vitest';
import { moments } from './moments.js';
import { standardisedMeanDifference } from './smd.js';
import { welch } from './welch.js';

// Student's sleep data (Cushny & Peebles 1905), as printed by R's
// t.test(extra ~ group, data = sleep): t = −1.8608, df = 17.776, p = 0.07939,
// 95 % CI −3.3654832 to 0.2054832.
const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('Welch t test', () => {
  it('reproduces the sleep example', () => {
    const result = welch(moments(group1), moments(group2));
    expect(result.difference).toBeCloseTo(-1.58, 12);
    expect(result.df!).toBeCloseTo(17.776, 3);
    expect(result.difference / result.se!).toBeCloseTo(-1.8608, 4);
    expect(result.p!).toBeCloseTo(0.07939, 5);
    expect(result.ci95![0]).toBeCloseTo(-3.3654832, 6);
    expect(result.ci95![1]).toBeCloseTo(0.2054832, 6);
  });

  it('matches a hand computation with unequal sizes', () => {
    // x = 1..4: mean 2.5, s² = 5/3; y = 2,4,..,10: mean 6, s² = 10.
    // SE² = 5/12 + 2 = 29/12; df = (29/12)² / ((5/12)²/3 + 2²/4) = 5.5207…
    const result = welch(moments([1, 2, 3, 4]), moments([2, 4, 6, 8, 10]));
    expect(result.se!).toBeCloseTo(Math.sqrt(29 / 12), 13);
    expect(result.df!).toBeCloseTo((29 / 12) ** 2 / ((5 / 12) ** 2 / 3 + 1), 12);
  });

  it('gives null interval and p for zero variance in both groups or a single observation', () => {
    const constant = welch(moments([0.1, 0.1, 0.1]), moments([0.1, 0.1]));
    expect(constant.difference).toBe(0);
    expect(constant.ci95).toBeNull();
    expect(constant.p).toBeNull();
    expect(welch(moments([1]), moments([1, 2, 3])).ci95).toBeNull();
  });
});

describe('standardised mean difference', () => {
  it('uses the mean of the two sample variances', () => {
    // means 2 and 4, SDs 1 and 2 → −2 / sqrt(2.5)
    expect(standardisedMeanDifference(moments([1, 2, 3]), moments([2, 4, 6]))).toBeCloseTo(-2 / Math.sqrt(2.5), 14);
  });

  it('is null without variation', () => {
    expect(standardisedMeanDifference(moments([5, 5]), moments([5, 5, 5]))).toBeNull();
  });
});
