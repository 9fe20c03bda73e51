import { formatCsvRow } from '../../../core/csv/index.js';
import { ageBand, benefitYearsBand } from '../../../core/experiments/disclosure.js';
import type { Ctx } from '../../context.js';
import type { Tenant } from '../../db/tenant.js';
import * as audit from '../audit/service.js';
import { getExperiment } from './design.js';
import { experimentPseudonyms } from './pseudonyms.js';
import * as q from './queries.js';
import type { ExperimentBody } from './schema.js';

// The pseudonymised analysis data set (codebook.ts describes it): one row per citizen and
// observed week, the `weekly.csv` + `citizens.csv` pair `medspiller evaluate` reads, in one file.
// Pseudonymous in fact: pseudonyms keyed per experiment that no staff page shows (pseudonyms.ts),
// age and years on benefit in bands, time only as weeks since enrolment, no internal ids.

const PAGE = 2000;

/** The experiment whose data set is exported, with the export audited in the caller's transaction. */
export async function exportDataset(ctx: Ctx, experimentId: string): Promise<ExperimentBody> {
  const x = await getExperiment(ctx, experimentId);
  await audit.record(ctx, {
    citizenId: null,
    action: 'export',
    entity: 'experiment_dataset',
    entityId: x.id,
    purpose: 'evaluation',
  });
  return x;
}

/**
 * The data set's CSV lines, as of `today`. Pages of citizens, each read on its own: an export of
 * a million citizens never sits in memory (so it streams after the transaction that audited it).
 */
export async function* datasetLines(db: Tenant, x: ExperimentBody, today: string): AsyncGenerator<string> {
  yield 'citizen_id,arm,stratum,age,years_on_benefit,week,status\n';
  let page = await q.nextCitizens(db, x.id, null, PAGE);
  // A draft has no seed, and no one enrolled.
  if (page === null) return;
  const pseudonyms = experimentPseudonyms(await q.seedOf(db, x.id));
  for (; page !== null; page = await q.nextCitizens(db, x.id, page.until, PAGE)) {
    const rows = (await q.weeklyRows(db, x.id, x.design.follow_up_weeks, today, page)).map((r) => ({
      ...r,
      pseudonym: pseudonyms.dataset(r.citizen_id),
    }));
    // In pseudonym order within the page: no trace of the internal ids' order.
    rows.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : a.week - b.week));
    yield rows
      .map(
        (r) =>
          `${formatCsvRow([r.pseudonym, r.arm, r.stratum, String(ageBand(r.age)), String(benefitYearsBand(r.benefit_years)), String(r.week), r.status])}\n`,
      )
      .join('');
  }
}
