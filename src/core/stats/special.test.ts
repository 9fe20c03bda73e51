import { describe, expect, it } from 'vitest';
import { erfc, incompleteBeta, lnBeta, lnGamma } from './special.js';

describe('lnGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(2)).toBeCloseTo(0, 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 13);
    // ln(100!) = 363.73937555556347 (tables of log factorials).
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  it('lnBeta for large arguments agrees with the direct log-gamma difference', () => {
    // Large arguments take the Stirling-difference path; at moderate size both paths are exact enough.
    for (const a of [20, 50, 200]) {
      expect(lnBeta(a, 0.5)).toBeCloseTo(lnGamma(a) + lnGamma(0.5) - lnGamma(a + 0.5), 10);
    }
  });
});

describe('incompleteBeta', () => {
  it('has the closed forms I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b', () => {
    for (const x of [0.01, 0.3, 0.5, 0.77, 0.999]) {
      expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
      expect(incompleteBeta(x, 1, 2.25)).toBeCloseTo(1 - (1 - x) ** 2.25, 13);
    }
  });

  it('I_x(1/2, 1/2) is the arcsine law (2/π) asin(√x)', () => {
    for (const x of [0.05, 0.4, 0.9]) {
      expect(incompleteBeta(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 13);
    }
  });

  it('is 0 and 1 at the ends', () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe('erfc', () => {
  it('matches tabulated values', () => {
    // Abramowitz & Stegun table 7.1 and standard references.
    expect(erfc(0)).toBe(1);
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 15);
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 15);
    expect(erfc(2)).toBeCloseTo(0.004677734981047266, 15);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 12);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 12);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 15);
  });
});
