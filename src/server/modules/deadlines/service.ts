import type { Kysely } from 'kysely';
import { evaluateDeadlines, type RuleSet } from '../../../core/rules/index.js';
import type { DeadlineStatus } from '../../../core/vocabulary.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { Tenant } from '../../db/tenant.js';
import * as cases from '../cases/service.js';
import { ruleSetOf } from '../settings/service.js';
import * as q from './queries.js';
import type { Deadline } from './schema.js';

// Keeps case_deadline current: the rule engine's verdict for one case, written when the case or
// its events change, and re-evaluated for cases last evaluated before today. The work queue
// (work-queue.ts) reads it.

export { workQueue } from './work-queue.js';

export function statusOf(d: { due: string; met_on: string | null; late: boolean }, today: string): DeadlineStatus {
  if (d.met_on !== null) return d.late ? 'late' : 'met';
  return d.due < today ? 'overdue' : 'open';
}

/** The case's deadlines as of today, soonest first. */
export async function caseDeadlines(ctx: Ctx, caseId: string): Promise<Deadline[]> {
  const rows = await q.deadlinesOfCase(ctx.db, caseId);
  return rows.map(({ late, ...d }) => ({ ...d, status: statusOf({ ...d, late }, ctx.today) }));
}

// Before visitation only the rules for everyone apply (e.g. the first conversation).
const unvisited = new WeakMap<RuleSet, RuleSet>();
function rulesForEveryone(ruleSet: RuleSet): RuleSet {
  let cached = unvisited.get(ruleSet);
  if (cached === undefined) {
    cached = {
      ...ruleSet,
      rules: ruleSet.rules.filter((r) => r.applies_to.categories === null && r.applies_to.tracks === null),
    };
    unvisited.set(ruleSet, cached);
  }
  return cached;
}

/**
 * Re-evaluates one case's deadlines as of `today` and stores them, in the caller's transaction.
 * `c` is the case as it is now (after the caller's change): it is not read again.
 */
export async function refreshCase(db: Tenant, today: string, c: cases.CaseRecord): Promise<void> {
  await cases.markEvaluated(db, c.id, today);
  if (c.status !== 'open') {
    await q.replaceDeadlines(db, c.id, []);
    return;
  }
  const rules = await ruleSetOf(db);
  const facts = {
    registered: c.registered,
    benefit_start: c.benefitStart,
    category: c.category ?? 'job_ready',
    track: c.track,
    events: await cases.engineEvents(db, c.id),
  };
  const deadlines = evaluateDeadlines(facts, today, c.category === null ? rulesForEveryone(rules) : rules);
  await q.replaceDeadlines(
    db,
    c.id,
    deadlines.map((d) => ({
      case_id: c.id,
      rule: d.rule,
      caseworker_id: c.caseworkerId,
      team_id: c.teamId,
      track: c.track,
      due: d.due,
      met_on: d.met_on,
      late: d.status === 'late',
      title: d.title,
      title_en: d.title_en,
      basis: d.basis,
      explanation: d.explanation,
      explanation_en: d.explanation_en,
      evaluated_on: today,
    })),
  );
}

/** Marks every open case of the caller's municipality for re-evaluation (after its rules changed). */
export async function markAllStale(ctx: Ctx): Promise<void> {
  await cases.markOpenCasesStale(ctx);
}

/** Re-evaluates every open case, of any municipality, last evaluated before `today`; returns how many. */
export async function refreshStale(kysely: Kysely<Database>, today: string, batch = 500): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const stale = await cases.staleCases(kysely, today, batch);
    for (const s of stale) {
      await kysely.transaction().execute(async (trx) => {
        const db = new Tenant(trx, s.municipalityId);
        const c = await cases.caseRecord(db, s.id, { lock: true });
        if (c !== undefined) await refreshCase(db, today, c);
      });
    }
    refreshed += stale.length;
    if (stale.length < batch) return refreshed;
  }
}
