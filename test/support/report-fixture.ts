import { outcomeRows, type OutcomeRow } from '../../src/core/experiments/outcome-table.js';
import { buildReport, type Report, type Summary } from '../../src/core/experiments/report.js';
import type { ReportMeta } from '../../src/server/modules/experiments/report-files.js';

// A report the size of Vordingborg's "Ansvar for eget liv" (503 citizens in three arms, two
// years' follow-up), built from made-up but reproducible per-citizen summaries, without a database.

export interface ReportFixture {
  meta: ReportMeta;
  report: Report;
  rows: OutcomeRow[];
}

/** mulberry32: a few lines of reproducible randomness, enough for made-up data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ARMS = [
  { name: 'group1', label: 'Ny tilgang', size: 135, job: 0.004 },
  { name: 'group2', label: 'Kun mere tid', size: 68, job: 0.003 },
  { name: 'control', label: 'Sædvanlig praksis', size: 300, job: 0.0025 },
];

function summaries(followUp: number, interimWeeks: number | null): Summary[] {
  const next = random(2026);
  const out: Summary[] = [];
  for (const arm of ARMS) {
    for (let i = 0; i < arm.size; i++) {
      const age = 25 + Math.floor(next() * 35);
      const years = Math.round(next() * 80) / 10;
      const lost = next();
      const end_reason = lost < 0.03 ? 'moved' : lost < 0.04 ? 'withdrew' : lost < 0.045 ? 'died' : null;
      const limit = interimWeeks ?? followUp;
      const weeks = limit === 0 ? 0 : end_reason === null ? limit : Math.max(1, Math.floor(next() * limit));
      let first_employed: number | null = null;
      for (let w = 1; w <= weeks && first_employed === null; w++) if (next() < arm.job) first_employed = w;
      const employed = first_employed === null ? 0 : 1 + Math.floor((weeks - first_employed) * next());
      const ordinary = Math.floor(employed / 2);
      const flexjob = employed - ordinary;
      const rest = weeks - employed;
      const internship = Math.floor(rest * next() * 0.1);
      const education = Math.floor(rest * next() * 0.05);
      const active = Math.floor((rest - internship - education) * next() * 0.2);
      out.push({
        arm: arm.name,
        stratum: `age:${age < 40 ? '<40' : '40+'}|benefit:${years < 3 ? '<3' : years < 5 ? '3-5' : '5+'}`,
        age,
        benefit_years: years,
        end_reason,
        weeks,
        active_measure: active,
        internship,
        subsidised_hours: 0,
        flexjob,
        education,
        ordinary_job: ordinary,
        first_employed,
      });
    }
  }
  return out;
}

/** The demo-sized report: group 1 against the control arm, final (104 weeks) or interim (0: nobody followed yet). */
export function demoReport(options: { interimWeeks?: number } = {}): ReportFixture {
  const followUp = 104;
  const report = buildReport({
    arms: ARMS.map(({ name, label }) => ({ name, label })),
    treatment: 'group1',
    control: 'control',
    followUpWeeks: followUp,
    eligibleNotEnrolled: 41,
    summaries: summaries(followUp, options.interimWeeks ?? null),
  });
  const meta: ReportMeta = {
    name: 'Ansvar for eget liv',
    question:
      'Kommer flere aktivitetsparate borgere i job eller uddannelse, når deres egne planer styrer indsatsen og sagsbehandleren har halv sagsstamme?',
    designVersion: 1,
    designHash: 'a3f1c9d2e4b5a6978877665544332211ffeeddccbbaa99887766554433221100',
    lockedAt: '2026-12-07T17:06:47.998Z',
    asOf: '2028-12-11',
    treatment: 'group1',
    control: 'control',
    secondaryOutcomes: ['employment_degree', 'active_share', 'ever_internship', 'ever_flexjob'],
  };
  const rows = report.evaluation === null ? [] : outcomeRows(report.evaluation, 'ever_job_or_education');
  return { meta, report, rows };
}
