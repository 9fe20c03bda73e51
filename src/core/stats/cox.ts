// Cox proportional hazards with one binary covariate (1 = first group), Efron's tie handling
// (Efron 1977, JASA 72:557–565), fitted by Newton–Raphson with step halving on weekly
// aggregated risk sets. R's survival::coxph uses the same likelihood by default.
import { atRisk, type SurvivalCounts } from './kaplan-meier.js';

export interface CoxResult {
  readonly coefficient: number;
  readonly se: number;
}

interface Derivatives {
  readonly logLik: number;
  readonly score: number;
  readonly information: number;
}

interface RiskWeek {
  readonly d1: number;
  readonly d0: number;
  readonly n1: number;
  readonly n0: number;
}

function derivatives(weeks: readonly RiskWeek[], beta: number): Derivatives {
  const r = Math.exp(beta);
  let logLik = 0;
  let score = 0;
  let information = 0;
  for (const { d1, d0, n1, n0 } of weeks) {
    const d = d1 + d0;
    logLik += beta * d1;
    score += d1;
    const riskAll = n0 + n1 * r;
    const riskTreated = n1 * r;
    const tiedAll = d0 + d1 * r;
    const tiedTreated = d1 * r;
    for (let j = 0; j < d; j++) {
      const f = j / d;
      const a = riskAll - f * tiedAll;
      const share = (riskTreated - f * tiedTreated) / a;
      logLik -= Math.log(a);
      score -= share;
      information += share * (1 - share);
    }
  }
  return { logLik, score, information };
}

/** Null when either group has no events (the estimate diverges) or the information is 0. */
export function coxEfron(first: SurvivalCounts, second: SurvivalCounts): CoxResult | null {
  const r1 = atRisk(first);
  const r0 = atRisk(second);
  const weeks: RiskWeek[] = [];
  let events1 = 0;
  let events0 = 0;
  const length = Math.max(r1.length, r0.length);
  for (let t = 1; t < length; t++) {
    const d1 = first.events[t] ?? 0;
    const d0 = second.events[t] ?? 0;
    events1 += d1;
    events0 += d0;
    if (d1 + d0 > 0) weeks.push({ d1, d0, n1: r1[t] ?? 0, n0: r0[t] ?? 0 });
  }
  if (events1 === 0 || events0 === 0) return null;

  let beta = 0;
  let current = derivatives(weeks, beta);
  for (let iteration = 0; iteration < 100; iteration++) {
    if (!(current.information > 0)) return null;
    let step = current.score / current.information;
    let next = derivatives(weeks, beta + step);
    // Halve the step while the likelihood would fall (never needed near the optimum).
    for (let h = 0; h < 60 && next.logLik < current.logLik - 1e-12 * Math.abs(current.logLik); h++) {
      step /= 2;
      next = derivatives(weeks, beta + step);
    }
    beta += step;
    current = next;
    if (Math.abs(step) < 1e-12 * Math.max(1, Math.abs(beta))) break;
  }
  if (!(current.information > 0) || !Number.isFinite(beta)) return null;
  return { coefficient: beta, se: 1 / Math.sqrt(current.information) };
}
