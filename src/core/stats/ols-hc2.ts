// Treatment effect by OLS of the outcome on a treatment indicator plus stratum fixed effects,
// with the HC2 heteroskedasticity-robust standard error (MacKinnon & White 1985, J Econometrics
// 29:305–325), as estimatr::lm_robust(y ~ treatment + stratum, se_type = "HC2") computes it.
//
// With only a treatment dummy and stratum dummies the fit has a closed form (Frisch–Waugh–Lovell):
// the stratum dummies span the intercept, so partialling them out leaves the treatment indicator
// centred within its stratum, T̃ = T − p_s (p_s the treated share of stratum s). Then
//   β̂ = Σ_s w_s (ȳ_s1 − ȳ_s0) / Σ_s w_s,      w_s = n_s1 n_s0 / n_s = Σ_{i∈s} T̃_i²,
//   h_ii = 1/n_s + T̃_i² / Σ T̃²                (hat matrix of [stratum dummies, T̃]),
//   Var_HC2(β̂) = Σ_i T̃_i² e_i² / (1 − h_ii) / (Σ T̃²)².
// T̃ and h take one value per stratum × arm cell, so two passes over the citizens suffice for
// any n, and the result does not depend on which stratum is the reference level.
import { studentTQuantile, studentTTwoSided } from './distributions.js';
import type { Interval } from './proportions.js';

export interface AdjustedEffect {
  readonly estimate: number | null;
  readonly se: number | null;
  /** Residual degrees of freedom n − k, k = intercept + treatment + (strata − 1). */
  readonly df: number;
  readonly ci95: Interval | null;
  readonly p: number | null;
}

/** 1 − h below this counts as leverage 1: such observations add nothing to the HC2 sum. */
const LEVERAGE_ONE = 1e-10;
/** A standard error this small relative to the outcome's scale is a zero standard error. */
const ZERO_SE = 1e-12;

/**
 * `arm[i]` is 1 for treatment, 0 for control, anything else leaves citizen i out;
 * `stratum[i]` is a stratum index in 0..strataCount−1.
 */
export function adjustedEffectHc2(
  y: ArrayLike<number>,
  arm: ArrayLike<number>,
  stratum: ArrayLike<number>,
  strataCount: number,
): AdjustedEffect {
  const cells = 2 * strataCount;
  const count = new Float64Array(cells);
  const sum = new Float64Array(cells);
  let scale = 0;
  for (let i = 0; i < y.length; i++) {
    const a = arm[i]!;
    if (a !== 0 && a !== 1) continue;
    const c = 2 * stratum[i]! + a;
    count[c]! += 1;
    sum[c]! += y[i]!;
    scale = Math.max(scale, Math.abs(y[i]!));
  }

  let n = 0;
  let strataPresent = 0;
  let weightSum = 0;
  let weightedDifference = 0;
  const mean = new Float64Array(cells);
  for (let s = 0; s < strataCount; s++) {
    const n0 = count[2 * s]!;
    const n1 = count[2 * s + 1]!;
    if (n0 + n1 === 0) continue;
    strataPresent++;
    n += n0 + n1;
    if (n0 > 0) mean[2 * s] = sum[2 * s]! / n0;
    if (n1 > 0) mean[2 * s + 1] = sum[2 * s + 1]! / n1;
    if (n0 > 0 && n1 > 0) {
      const w = (n0 * n1) / (n0 + n1);
      weightSum += w;
      weightedDifference += w * (mean[2 * s + 1]! - mean[2 * s]!);
    }
  }
  const df = n - (strataPresent + 1);
  if (!(weightSum > 0)) return { estimate: null, se: null, df, ci95: null, p: null };
  const beta = weightedDifference / weightSum;

  // Fitted value of a cell: the cell mean shifted so that the treatment effect is the common β.
  const fitted = new Float64Array(cells);
  const centred = new Float64Array(cells);
  for (let s = 0; s < strataCount; s++) {
    const n0 = count[2 * s]!;
    const n1 = count[2 * s + 1]!;
    const ns = n0 + n1;
    if (ns === 0) continue;
    const p = n1 / ns;
    const stratumMean = (sum[2 * s]! + sum[2 * s + 1]!) / ns;
    centred[2 * s] = -p;
    centred[2 * s + 1] = 1 - p;
    fitted[2 * s] = stratumMean - beta * p;
    fitted[2 * s + 1] = stratumMean + beta * (1 - p);
  }

  const squaredResiduals = new Float64Array(cells);
  for (let i = 0; i < y.length; i++) {
    const a = arm[i]!;
    if (a !== 0 && a !== 1) continue;
    const c = 2 * stratum[i]! + a;
    const e = y[i]! - fitted[c]!;
    squaredResiduals[c]! += e * e;
  }

  let meat = 0;
  for (let s = 0; s < strataCount; s++) {
    const ns = count[2 * s]! + count[2 * s + 1]!;
    if (ns === 0) continue;
    for (let a = 0; a < 2; a++) {
      const c = 2 * s + a;
      if (count[c] === 0) continue;
      const t2 = centred[c]! * centred[c]!;
      const oneMinusH = 1 - 1 / ns - t2 / weightSum;
      if (oneMinusH < LEVERAGE_ONE) continue;
      meat += (t2 * squaredResiduals[c]!) / oneMinusH;
    }
  }
  const se = Math.sqrt(meat) / weightSum;
  if (!(se > ZERO_SE * Math.max(scale, Number.MIN_VALUE)) || !(df > 0)) {
    return { estimate: beta, se: null, df, ci95: null, p: null };
  }
  const t = studentTQuantile(0.975, df);
  return { estimate: beta, se, df, ci95: [beta - t * se, beta + t * se], p: studentTTwoSided(beta / se, df) };
}
