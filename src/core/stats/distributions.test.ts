import { describe, expect, it } from 'vitest';
import {
  chiSquare1Sf,
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
  studentTTwoSided,
  Z975,
} from './distributions.js';

describe('normal distribution', () => {
  it('CDF matches tables', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300933, 15);
  });

  it('quantile matches the classic critical values', () => {
    expect(Z975).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 12);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 12);
    expect(normalQuantile(0.5)).toBe(0);
  });
});

describe('Student t distribution', () => {
  it('quantiles match printed t tables', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 5);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302653, 6);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272, 6);
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.032143, 6);
    expect(studentTQuantile(0.975, 120)).toBeCloseTo(1.97993, 5);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228139, 6);
  });

  it('CDF has closed forms for 1 and 2 degrees of freedom', () => {
    for (const t of [-4, -0.7, 0.3, 1.3, 25]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
    }
  });

  it('approaches the normal for very many degrees of freedom (Cornish–Fisher)', () => {
    const z = Z975;
    for (const df of [1e4, 1e6]) {
      const expansion = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
      expect(studentTQuantile(0.975, df)).toBeCloseTo(expansion, 9);
    }
    expect(studentTTwoSided(1.96, 1e6)).toBeCloseTo(2 * normalCdf(-1.96), 5);
  });

  it('accepts non-integer degrees of freedom between integer ones', () => {
    const q = studentTQuantile(0.975, 5.5);
    expect(q).toBeLessThan(studentTQuantile(0.975, 5));
    expect(q).toBeGreaterThan(studentTQuantile(0.975, 6));
    expect(studentTCdf(q, 5.5)).toBeCloseTo(0.975, 13);
  });
});

describe('chi-square with 1 df', () => {
  it('has 3.841459 as its 95 % point', () => {
    expect(chiSquare1Sf(3.841458820694124)).toBeCloseTo(0.05, 13);
    expect(chiSquare1Sf(6.634896601021214)).toBeCloseTo(0.01, 13);
    expect(chiSquare1Sf(0)).toBe(1);
  });
});
