// Per-citizen outcomes from the weekly status counts (definitions in docs/evaluation.md):
// employment degree, active share, internship weeks, the binary outcomes and the time to
// the first employed week (censored at the last observed week L).
import type { CitizenWeeks } from './panel.js';
import { STATUS_CODE, STATUS_COUNT } from './status.js';

export interface CitizenOutcomes {
  readonly employmentDegree: Float64Array;
  readonly activeShare: Float64Array;
  readonly internshipWeeks: Float64Array;
  readonly everOrdinaryJob: Uint8Array;
  readonly everFlexjob: Uint8Array;
  readonly everInternship: Uint8Array;
  readonly everJobOrEducation: Uint8Array;
  readonly zeroEmploymentDegree: Uint8Array;
  /** First employed week, or L when censored. */
  readonly timeToFirstJob: Int32Array;
  readonly firstJobObserved: Uint8Array;
  /** Longest follow-up over all citizens. */
  readonly weeks: number;
}

export function citizenOutcomes(w: CitizenWeeks): CitizenOutcomes {
  const n = w.lastWeek.length;
  const o = {
    employmentDegree: new Float64Array(n),
    activeShare: new Float64Array(n),
    internshipWeeks: new Float64Array(n),
    everOrdinaryJob: new Uint8Array(n),
    everFlexjob: new Uint8Array(n),
    everInternship: new Uint8Array(n),
    everJobOrEducation: new Uint8Array(n),
    zeroEmploymentDegree: new Uint8Array(n),
    timeToFirstJob: new Int32Array(n),
    firstJobObserved: new Uint8Array(n),
  };
  let weeks = 0;
  for (let i = 0; i < n; i++) {
    const at = i * STATUS_COUNT;
    const count = (status: number): number => w.counts[at + status]!;
    const observed = w.weeksSeen[i]!;
    const employed = count(STATUS_CODE.ordinary_job) + count(STATUS_CODE.flexjob) + count(STATUS_CODE.subsidised_hours);
    const active = count(STATUS_CODE.active_measure) + count(STATUS_CODE.internship) + count(STATUS_CODE.education);
    o.employmentDegree[i] = observed > 0 ? employed / observed : Number.NaN;
    o.activeShare[i] = observed > 0 ? active / observed : Number.NaN;
    o.internshipWeeks[i] = count(STATUS_CODE.internship);
    o.everOrdinaryJob[i] = count(STATUS_CODE.ordinary_job) > 0 ? 1 : 0;
    o.everFlexjob[i] = count(STATUS_CODE.flexjob) > 0 ? 1 : 0;
    o.everInternship[i] = count(STATUS_CODE.internship) > 0 ? 1 : 0;
    o.everJobOrEducation[i] = employed + count(STATUS_CODE.education) > 0 ? 1 : 0;
    o.zeroEmploymentDegree[i] = employed === 0 ? 1 : 0;
    const first = w.firstEmployed[i]!;
    o.timeToFirstJob[i] = first > 0 ? first : w.lastWeek[i]!;
    o.firstJobObserved[i] = first > 0 ? 1 : 0;
    if (w.lastWeek[i]! > weeks) weeks = w.lastWeek[i]!;
  }
  return { ...o, weeks };
}
