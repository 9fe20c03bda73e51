import type { Ctx } from '../../context.js';
import type { Tenant } from '../../db/tenant.js';
import * as q from './queries.js';
import type { Arm } from './schema.js';

// The experiments module's use cases, split by concern into the files beside this one; other
// modules and the routes call them from here.

export {
  closeEnrolment,
  createExperiment,
  getExperiment,
  listExperiments,
  startEnrolment,
  updateDesign,
} from './design.js';
export { eligibleCitizens, endFollowUp, enrol, listEnrolments } from './enrolment.js';
export { experimentReport, reportResponse } from './report.js';
export { importWeekly } from './weekly-import.js';
export { datasetLines, exportDataset } from './dataset.js';

/** Whether the municipality has this experiment (the scope check of the experiment routes). */
export async function experimentExists(db: Tenant, id: string): Promise<boolean> {
  return q.experimentExists(db, id);
}

/**
 * Experiment arms drive case work: a caseworker who holds citizens of an arm with a caseload
 * cap (Vordingborg halved caseloads in the new approach) works under that cap. The lowest cap
 * among the arms of their open cases' enrolments still followed; null when none has one.
 */
export async function armCapOf(ctx: Ctx, caseworkerId: string): Promise<number | null> {
  let cap: number | null = null;
  for (const row of await q.armsOfCaseworker(ctx.db, caseworkerId)) {
    const arms = (row.design as { arms?: Pick<Arm, 'name' | 'caseload_cap'>[] }).arms;
    const armCap = arms?.find((a) => a.name === row.arm)?.caseload_cap;
    if (typeof armCap === 'number') cap = cap === null ? armCap : Math.min(cap, armCap);
  }
  return cap;
}
