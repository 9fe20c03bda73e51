import { describe, expect, it } from 'vitest';
import { coxEfron } from './cox.js';
import { kaplanMeier, kmMedian, restrictedMean, survivalCounts } from './kaplan-meier.js';
import { logRank } from './logrank.js';

// Freireich et al. (1963) 6-MP leukaemia remission data, weeks; `false` marks a censored time.
const sixMp: [number, boolean][] = [
  [6, true],
  [6, true],
  [6, true],
  [6, false],
  [7, true],
  [9, false],
  [10, true],
  [10, false],
  [11, false],
  [13, true],
  [16, true],
  [17, false],
  [19, false],
  [20, false],
  [22, true],
  [23, true],
  [25, false],
  [32, false],
  [32, false],
  [34, false],
  [35, false],
];
const placebo = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];

const treated = survivalCounts(
  sixMp.map(([t]) => t),
  sixMp.map(([, e]) => e),
  35,
);
const control = survivalCounts(
  placebo,
  placebo.map(() => true),
  35,
);

describe('Kaplan–Meier on the 6-MP data', () => {
  it('gives the textbook survival table for 6-MP', () => {
    // Kleinbaum & Klein, Survival Analysis, table of the 6-MP group.
    const s = kaplanMeier(treated);
    const expected: [number, number][] = [
      [6, 0.857],
      [7, 0.807],
      [10, 0.753],
      [13, 0.69],
      [16, 0.627],
      [22, 0.538],
      [23, 0.448],
    ];
    for (const [week, value] of expected) expect(s[week]!).toBeCloseTo(value, 3);
    expect(s[0]).toBe(1);
    expect(s[5]).toBe(1);
    expect(s[35]).toBeCloseTo(0.448, 3);
  });

  it('has medians of 8 weeks (placebo) and 23 weeks (6-MP)', () => {
    expect(kmMedian(kaplanMeier(control))).toBe(8);
    expect(kmMedian(kaplanMeier(treated))).toBe(23);
  });

  it('has no median when survival never reaches one half', () => {
    const few = survivalCounts([3, 10, 10, 10], [true, false, false, false], 10);
    expect(kmMedian(kaplanMeier(few))).toBeNull();
  });

  it('stays flat after the last observed week', () => {
    const short = survivalCounts([2, 4], [true, false], 10);
    const s = kaplanMeier(short);
    expect(s[4]).toBe(0.5);
    expect(s[10]).toBe(0.5);
  });

  it('RMST without censoring is the mean of min(T, horizon)', () => {
    // Placebo: all relapse by week 23, sum of times 182, so RMST to 35 = 182 / 21.
    expect(restrictedMean(kaplanMeier(control), 35)).toBeCloseTo(182 / 21, 12);
    // Horizon 10: mean of min(T, 10) = (27 + 4·8 + 8·10) / 21.
    expect(restrictedMean(kaplanMeier(control), 10)).toBeCloseTo((27 + 32 + 80) / 21, 12);
  });
});

describe('Cox model with Efron ties on the 6-MP data', () => {
  it('reproduces coef −1.572 (6-MP vs placebo), SE 0.412', () => {
    // Published R output: coxph(Surv(time, cens) ~ treat, gehan): coef 1.572, se 0.412 for placebo vs 6-MP.
    const fit = coxEfron(treated, control)!;
    expect(fit.coefficient).toBeCloseTo(-1.572, 3);
    expect(fit.se).toBeCloseTo(0.412, 3);
    expect(Math.exp(fit.coefficient)).toBeCloseTo(0.208, 3);
  });

  it('is antisymmetric in the two groups', () => {
    const a = coxEfron(treated, control)!;
    const b = coxEfron(control, treated)!;
    expect(b.coefficient).toBeCloseTo(-a.coefficient, 10);
    expect(b.se).toBeCloseTo(a.se, 10);
  });

  it('is null when a group has no events', () => {
    const none = survivalCounts([5, 8], [false, false], 35);
    expect(coxEfron(none, control)).toBeNull();
    expect(coxEfron(control, none)).toBeNull();
  });

  it('without ties solves the hand-derived score equation', () => {
    // Group 1: event at 1, censored at 3; group 0: event at 2, censored at 3.
    // L(β) = r/(2r + 2) · 1/(r + 2) with r = e^β; score 1 − r/(r+1) − r/(r+2) = 0 ⇔ r² = 2.
    const g1 = survivalCounts([1, 3], [true, false], 3);
    const g0 = survivalCounts([2, 3], [true, false], 3);
    const fit = coxEfron(g1, g0)!;
    expect(fit.coefficient).toBeCloseTo(0.5 * Math.log(2), 12);
    const s1 = Math.SQRT2 / (Math.SQRT2 + 1);
    const s2 = Math.SQRT2 / (Math.SQRT2 + 2);
    expect(fit.se).toBeCloseTo(1 / Math.sqrt(s1 * (1 - s1) + s2 * (1 - s2)), 12);
  });
});

describe('log-rank test on the 6-MP data', () => {
  it('gives chi-square 16.79 on 1 df', () => {
    const result = logRank(treated, control)!;
    expect(result.chiSquare).toBeCloseTo(16.79, 2);
    expect(result.p).toBeCloseTo(4.17e-5, 6);
  });
});
