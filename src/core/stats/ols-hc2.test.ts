import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTQuantile } from './distributions.js';
import { adjustedEffectHc2 } from './ols-hc2.js';

/** Textbook HC2 by dense matrices: (X'X)⁻¹ X' diag(e²/(1−h)) X (X'X)⁻¹, X = [1, T, stratum dummies 2..S]. */
function denseHc2(y: number[], arm: number[], stratum: number[]): { beta: number; se: number } {
  const present = [...new Set(stratum)].sort((a, b) => a - b);
  const rows = y.map((_, i) => [1, arm[i]!, ...present.slice(1).map((s) => (stratum[i] === s ? 1 : 0))]);
  const k = rows[0]!.length;
  const xtx = Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => rows.reduce((acc, r) => acc + r[a]! * r[b]!, 0)),
  );
  const inv = invert(xtx);
  const xty = Array.from({ length: k }, (_, a) => rows.reduce((acc, r, i) => acc + r[a]! * y[i]!, 0));
  const beta = inv.map((row) => row.reduce((acc, v, b) => acc + v * xty[b]!, 0));
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  rows.forEach((r, i) => {
    const fitted = r.reduce((acc, v, a) => acc + v * beta[a]!, 0);
    const e = y[i]! - fitted;
    const h = r.reduce((acc, va, a) => acc + va * r.reduce((acc2, vb, b) => acc2 + inv[a]![b]! * vb, 0), 0);
    if (1 - h < 1e-8) return;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) meat[a]![b]! += (r[a]! * r[b]! * e * e) / (1 - h);
  });
  // Variance of the treatment coefficient (index 1): row 1 of inv · meat · column 1 of inv.
  let v = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) v += inv[1]![a]! * meat[a]![b]! * inv[b]![1]!;
  return { beta: beta[1]!, se: Math.sqrt(Math.max(v, 0)) };
}

function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const p = a[c]![c]!;
    for (let j = 0; j < 2 * n; j++) a[c]![j]! /= p;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      for (let j = 0; j < 2 * n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
}

describe('OLS with stratum fixed effects and HC2 SE', () => {
  it('without strata equals the unpooled (Welch-type) standard error', () => {
    const treated = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const control = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4, 2.2];
    const y = [...treated, ...control];
    const arm = [...treated.map(() => 1), ...control.map(() => 0)];
    const variance = (v: number[]): number => {
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
    };
    const fit = adjustedEffectHc2(
      y,
      arm,
      y.map(() => 0),
      1,
    );
    expect(fit.estimate!).toBeCloseTo(treated.reduce((a, b) => a + b) / 10 - control.reduce((a, b) => a + b) / 11, 12);
    expect(fit.se!).toBeCloseTo(Math.sqrt(variance(treated) / 10 + variance(control) / 11), 12);
    expect(fit.df).toBe(19);
    const t = studentTQuantile(0.975, 19);
    expect(fit.ci95![1] - fit.ci95![0]).toBeCloseTo(2 * t * fit.se!, 12);
  });

  it('matches dense matrix HC2 on a stratified example with a one-arm stratum and a leverage-1 pair', () => {
    const y = [3, 5, 4, 8, 1, 2, 2, 9, 7, 6, 10, 4];
    const arm = [1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0];
    const stratum = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3];
    const fit = adjustedEffectHc2(y, arm, stratum, 4);
    const dense = denseHc2(y, arm, stratum);
    expect(fit.estimate!).toBeCloseTo(dense.beta, 12);
    expect(fit.se!).toBeCloseTo(dense.se, 12);
    expect(fit.df).toBe(12 - 5);
  });

  it('leaves out citizens of other arms and empty strata', () => {
    const y = [1, 2, 3, 4, 100, 5, 6];
    const arm = [1, 0, 1, 0, 7, 1, 0];
    const stratum = [0, 0, 2, 2, 1, 2, 2];
    const fit = adjustedEffectHc2(y, arm, stratum, 3);
    const dense = denseHc2([1, 2, 3, 4, 5, 6], [1, 0, 1, 0, 1, 0], [0, 0, 2, 2, 2, 2]);
    expect(fit.estimate!).toBeCloseTo(dense.beta, 12);
    expect(fit.se!).toBeCloseTo(dense.se, 12);
    expect(fit.df).toBe(6 - 3);
  });

  it('agrees with the dense computation on random designs', () => {
    const row = fc.record({
      y: fc.integer({ min: 0, max: 20 }),
      arm: fc.integer({ min: 0, max: 1 }),
      stratum: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 6, maxLength: 40 }), (rows) => {
        const y = rows.map((r) => r.y / 4);
        const arm = rows.map((r) => r.arm);
        const stratum = rows.map((r) => r.stratum);
        const fit = adjustedEffectHc2(y, arm, stratum, 4);
        const mixed = [0, 1, 2, 3].some(
          (s) => rows.some((r) => r.stratum === s && r.arm === 1) && rows.some((r) => r.stratum === s && r.arm === 0),
        );
        if (!mixed) {
          expect(fit.estimate).toBeNull();
          return;
        }
        const dense = denseHc2(y, arm, stratum);
        expect(fit.estimate!).toBeCloseTo(dense.beta, 9);
        if (fit.se !== null) expect(fit.se).toBeCloseTo(dense.se, 9);
        else expect(dense.se).toBeLessThan(1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('gives null interval and p for a constant outcome or no stratum holding both arms', () => {
    const constant = adjustedEffectHc2([0.3, 0.3, 0.3, 0.3], [1, 0, 1, 0], [0, 0, 0, 0], 1);
    expect(constant.estimate).toBeCloseTo(0, 14);
    expect(constant.ci95).toBeNull();
    expect(constant.p).toBeNull();
    const separated = adjustedEffectHc2([1, 2, 3, 4], [1, 1, 0, 0], [0, 0, 1, 1], 2);
    expect(separated.estimate).toBeNull();
    expect(separated.ci95).toBeNull();
  });
});
