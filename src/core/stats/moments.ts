// Mean and sample variance of a subset of values, two-pass for accuracy. Outcomes are kept
// per citizen in typed arrays, so a subset is described by a predicate on the index.

export interface Moments {
  readonly n: number;
  readonly mean: number;
  /** Sample variance (divisor n − 1); NaN when n < 2. */
  readonly variance: number;
}

export function moments(values: ArrayLike<number>, include: (i: number) => boolean = () => true): Moments {
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    const v = values[i]!;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // A constant subset has exactly zero variance, even where sum / n rounds away from the value.
  if (n > 0 && min === max) return { n, mean: min, variance: n > 1 ? 0 : Number.NaN };
  const mean = n > 0 ? sum / n : Number.NaN;
  let squares = 0;
  let correction = 0;
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    const d = values[i]! - mean;
    squares += d * d;
    correction += d;
  }
  // The correction term removes the rounding left in the mean (corrected two-pass algorithm).
  const variance = n > 1 ? (squares - (correction * correction) / n) / (n - 1) : Number.NaN;
  return { n, mean, variance: Math.max(variance, 0) };
}
