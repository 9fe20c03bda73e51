import type { Kysely } from 'kysely';
import { DEFAULT_RULE_SET, evaluateDeadlines, parseRuleSet, selectRuleSets, type CaseEvent, type CaseFacts, type RuleSet } from '../../../core/rules/index.js';
import type { Category, Track } from '../../../core/rules/index.js';
import type { Database } from '../../db/schema.js';

// Keeps case_deadline current: the rule engine's verdict for one case, written when the
// case or its events change, and re-evaluated for cases last evaluated before today.

type Q = Kysely<Database>;

/** The rule set a municipality has chosen; the default bundle when it chose nothing. */
export async function ruleSetOf(db: Q, municipalityId: string): Promise<RuleSet> {
  const row = await db.selectFrom('municipality_rules').select(['rule_set_ids', 'local_rule_sets']).where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (row === undefined) return DEFAULT_RULE_SET;
  const locals: RuleSet[] = [];
  for (const raw of row.local_rule_sets) {
    const parsed = parseRuleSet(raw);
    if (parsed.ok) locals.push(parsed.value);
  }
  const selected = selectRuleSets(row.rule_set_ids, locals);
  return selected.ok ? selected.value : DEFAULT_RULE_SET;
}

// Before visitation only the rules for everyone apply (e.g. the first conversation).
const unvisited = new WeakMap<RuleSet, RuleSet>();
function rulesForEveryone(ruleSet: RuleSet): RuleSet {
  let cached = unvisited.get(ruleSet);
  if (cached === undefined) {
    cached = { ...ruleSet, rules: ruleSet.rules.filter((r) => r.applies_to.categories === null && r.applies_to.tracks === null) };
    unvisited.set(ruleSet, cached);
  }
  return cached;
}

interface EventRow {
  type: string;
  date: string;
  end_date: string | null;
  held: boolean | null;
  mode: string | null;
  cancelled_by: string | null;
  kind: string | null;
}

export function toEngineEvent(e: EventRow): CaseEvent {
  switch (e.type) {
    case 'conversation':
    case 'resource_conversation':
      return { type: e.type, date: e.date, held: e.held === true, ...(e.mode === null ? {} : { mode: e.mode }), ...(e.cancelled_by === null ? {} : { cancelled_by: e.cancelled_by }) };
    case 'activity':
      return { type: 'activity', date: e.date, kind: e.kind ?? 'other', end: e.end_date };
    case 'mentor':
      return { type: 'mentor', date: e.date, end: e.end_date };
    case 'company_consultant_contact':
    case 'rehab_team_referral':
      return { type: e.type, date: e.date };
    default:
      throw new Error(`unknown case event type ${e.type}`);
  }
}

/** Re-evaluates one case's deadlines as of `today` and stores them (in the caller's transaction). */
export async function refreshCaseDeadlines(db: Q, municipalityId: string, caseId: string, today: string, ruleSet?: RuleSet): Promise<void> {
  const c = await db
    .selectFrom('citizen_case')
    .select(['registered', 'benefit_start', 'category', 'track', 'caseworker_id', 'team_id', 'status'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  await db.deleteFrom('case_deadline').where('municipality_id', '=', municipalityId).where('case_id', '=', caseId).execute();
  await db.updateTable('citizen_case').set({ deadlines_on: today }).where('municipality_id', '=', municipalityId).where('id', '=', caseId).execute();
  if (c.status !== 'open') return;
  const events = await db
    .selectFrom('case_event')
    .select(['type', 'date', 'end_date', 'held', 'mode', 'cancelled_by', 'kind'])
    .where('municipality_id', '=', municipalityId)
    .where('case_id', '=', caseId)
    .where('voided_at', 'is', null)
    .orderBy('date')
    .execute();
  const rules = ruleSet ?? (await ruleSetOf(db, municipalityId));
  const facts: CaseFacts = {
    registered: c.registered,
    benefit_start: c.benefit_start,
    category: (c.category ?? 'job_ready') as Category,
    track: c.track as Track | null,
    events: events.map(toEngineEvent),
  };
  const deadlines = evaluateDeadlines(facts, today, c.category === null ? rulesForEveryone(rules) : rules);
  if (deadlines.length === 0) return;
  await db
    .insertInto('case_deadline')
    .values(
      deadlines.map((d) => ({
        municipality_id: municipalityId,
        case_id: caseId,
        rule: d.rule,
        caseworker_id: c.caseworker_id,
        team_id: c.team_id,
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
    )
    .execute();
}

/** Re-evaluates every open case whose deadlines were last computed before `today`; returns how many. */
export async function refreshStaleDeadlines(db: Q, today: string, batch = 500): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const stale = await db
      .selectFrom('citizen_case')
      .select(['municipality_id', 'id'])
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('deadlines_on', 'is', null), eb('deadlines_on', '<', today)]))
      .limit(batch)
      .execute();
    for (const s of stale) await db.transaction().execute((trx) => refreshCaseDeadlines(trx, s.municipality_id, s.id, today));
    refreshed += stale.length;
    if (stale.length < batch) return refreshed;
  }
}
