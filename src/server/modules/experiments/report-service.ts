import { isEligible, ageOn, benefitYearsOn } from '../../../core/experiments/design.js';
import { outcomeRows, type OutcomeRow } from '../../../core/experiments/outcome-table.js';
import { buildReport, type Report } from '../../../core/experiments/report.js';
import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { getExperiment } from './design.js';
import { citizenSummaries } from './panel.js';
import type { ReportMeta } from './report-files.js';
import type { Design } from './schema.js';

/** Open cases of the municipality that meet the design's eligibility and are not enrolled. */
async function eligibleNotEnrolled(ctx: Ctx, experimentId: string, design: Design): Promise<number> {
  const rows = await ctx.db
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', (j) => j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'))
    .select(['z.birth_date', 'c.benefit_start', 'c.category'])
    .where('c.municipality_id', '=', ctx.actor.municipalityId)
    .where('c.status', '=', 'open')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('enrolment as e').select('e.citizen_id').whereRef('e.municipality_id', '=', 'c.municipality_id').whereRef('e.citizen_id', '=', 'c.citizen_id').where('e.experiment_id', '=', experimentId))),
    )
    .execute();
  return rows.filter((r) => isEligible({ age: ageOn(r.birth_date, ctx.today), benefitYears: benefitYearsOn(r.benefit_start, ctx.today), category: r.category }, design.eligibility)).length;
}

export interface ExperimentReport {
  meta: ReportMeta;
  report: Report;
  rows: OutcomeRow[];
}

export async function experimentReport(ctx: Ctx, experimentId: string, asked: { treatment?: string | undefined; control?: string | undefined }): Promise<ExperimentReport> {
  const x = await getExperiment(ctx, experimentId);
  const design = x.design;
  const names = design.arms.map((a) => a.name);
  const control = asked.control ?? design.control_arm;
  const treatment = asked.treatment ?? names.find((n) => n !== control) ?? '';
  for (const [field, arm] of [['treatment', treatment], ['control', control]] as const) {
    if (!names.includes(arm)) throw invalid({ da: `${field}: "${arm}" er ikke en arm i forsøget (${names.join(', ')}).`, en: `${field}: "${arm}" is not an arm of the experiment (${names.join(', ')}).` });
  }
  if (treatment === control) throw invalid({ da: 'treatment og control er samme arm.', en: 'treatment and control are the same arm.' });
  const summaries = await citizenSummaries(ctx.db, ctx.actor.municipalityId, experimentId, design.follow_up_weeks, ctx.today);
  const report = buildReport({
    arms: design.arms.map((a) => ({ name: a.name, label: a.label })),
    treatment,
    control,
    followUpWeeks: design.follow_up_weeks,
    eligibleNotEnrolled: await eligibleNotEnrolled(ctx, experimentId, design),
    summaries,
  });
  return {
    meta: { name: design.name, question: design.question, designVersion: x.design_version, designHash: x.design_hash, lockedAt: x.locked_at, asOf: ctx.today, treatment, control },
    report,
    rows: report.evaluation === null ? [] : outcomeRows(report.evaluation, design.primary_outcome),
  };
}
