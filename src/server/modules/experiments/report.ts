import { ageOn, benefitYearsOn, isEligible } from '../../../core/experiments/design.js';
import { outcomeRows, type OutcomeRow } from '../../../core/experiments/outcome-table.js';
import { buildReport, type Report } from '../../../core/experiments/report.js';
import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { getExperiment } from './design.js';
import * as q from './queries.js';
import type { ReportMeta } from './report-files.js';
import type { ExperimentBody, ReportQuery, ReportResponse } from './schema.js';

// The report: per-citizen summaries computed set-based in the database (queries.ts), the
// statistics by the `evaluate` core, so the figures equal `medspiller evaluate` on the data set.

export interface ExperimentReport {
  experiment: ExperimentBody;
  meta: ReportMeta;
  report: Report;
  rows: OutcomeRow[];
}

/** Open cases of the municipality that meet the design's eligibility and are not enrolled. */
async function eligibleNotEnrolled(ctx: Ctx, x: ExperimentBody): Promise<number> {
  const rows = await q.openCasesNotEnrolled(ctx.db, x.id);
  return rows.filter((r) =>
    isEligible(
      {
        age: ageOn(r.birth_date, ctx.today),
        benefitYears: benefitYearsOn(r.benefit_start, ctx.today),
        category: r.category,
      },
      x.design.eligibility,
    ),
  ).length;
}

/** The report comparing two arms (by default the first arm that is not the control, and the control). */
export async function experimentReport(ctx: Ctx, experimentId: string, asked: ReportQuery): Promise<ExperimentReport> {
  const x = await getExperiment(ctx, experimentId);
  const design = x.design;
  const names = design.arms.map((a) => a.name);
  const control = asked.control ?? design.control_arm;
  const treatment = asked.treatment ?? names.find((n) => n !== control) ?? '';
  for (const [field, arm] of [
    ['treatment', treatment],
    ['control', control],
  ] as const) {
    if (!names.includes(arm))
      throw invalid({
        da: `${field}: "${arm}" er ikke en arm i forsøget (${names.join(', ')}).`,
        en: `${field}: "${arm}" is not an arm of the experiment (${names.join(', ')}).`,
      });
  }
  if (treatment === control)
    throw invalid({ da: 'treatment og control er samme arm.', en: 'treatment and control are the same arm.' });
  const summaries = await q.citizenSummaries(ctx.db, experimentId, design.follow_up_weeks, ctx.today);
  const report = buildReport({
    arms: design.arms.map((a) => ({ name: a.name, label: a.label })),
    treatment,
    control,
    followUpWeeks: design.follow_up_weeks,
    eligibleNotEnrolled: await eligibleNotEnrolled(ctx, x),
    summaries,
  });
  return {
    experiment: x,
    meta: {
      name: design.name,
      question: design.question,
      designVersion: x.design_version,
      designHash: x.design_hash,
      lockedAt: x.locked_at,
      asOf: ctx.today,
      treatment,
      control,
      secondaryOutcomes: design.secondary_outcomes,
    },
    report,
    rows: report.evaluation === null ? [] : outcomeRows(report.evaluation, design.primary_outcome),
  };
}

/** The report as the API answers it: which experiment and design version, then core's report. */
export async function reportResponse(ctx: Ctx, experimentId: string, asked: ReportQuery): Promise<ReportResponse> {
  const { experiment: x, meta, report } = await experimentReport(ctx, experimentId, asked);
  return {
    experiment: {
      id: x.id,
      name: meta.name,
      question: meta.question,
      design_version: x.design_version,
      design_hash: x.design_hash,
      locked_at: x.locked_at,
      primary_outcome: x.design.primary_outcome,
    },
    as_of: meta.asOf,
    treatment: meta.treatment,
    control: meta.control,
    ...report,
  };
}
