import type { Kysely } from 'kysely';
import {
  BUILT_IN_RULE_SETS,
  DEFAULT_RULE_SET,
  DEFAULT_RULE_SET_IDS,
  parseRuleSet,
  selectRuleSets,
  type RuleSet,
} from '../../../core/rules/index.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { Tenant } from '../../db/tenant.js';
import { expectOneUpdated } from '../../db/versioned.js';
import { invalid } from '../../errors.js';
import * as deadlines from '../deadlines/service.js';
import * as q from './queries.js';
import type { RuleSettings, RuleSettingsUpdate } from './schema.js';

// Which rule sets judge the municipality's deadlines: shipped sets chosen by id, plus local
// sets of its own in the rule-set JSON format (docs/rules.md). Rules are data: a new law or a
// local decision is a new dated version here, not a code change.

const summary = (set: RuleSet) => ({
  id: set.id,
  name: set.name.da,
  name_en: set.name.en,
  rules: set.rules.map((r) => ({
    id: r.id,
    title: r.title.da,
    basis: r.basis,
    valid_from: r.valid_from,
    valid_to: r.valid_to,
  })),
});

export async function ruleSettings(ctx: Ctx): Promise<RuleSettings> {
  const row = await q.rulesOf(ctx.db);
  return {
    available: BUILT_IN_RULE_SETS.map(summary),
    rule_set_ids: row?.rule_set_ids ?? [...DEFAULT_RULE_SET_IDS],
    local_rule_sets: row?.local_rule_sets ?? [],
    // 0 = still the default: nothing chosen yet.
    version: row?.version ?? 0,
  };
}

/** Refuses local sets that do not parse and choices that do not combine, naming each problem. */
function assertValid(update: RuleSettingsUpdate): void {
  const locals: RuleSet[] = [];
  const errors: string[] = [];
  update.local_rule_sets.forEach((raw, i) => {
    const parsed = parseRuleSet(raw, `local_rule_sets[${i}]`);
    if (parsed.ok) locals.push(parsed.value);
    else errors.push(...parsed.errors);
  });
  const merged = errors.length === 0 ? selectRuleSets(update.rule_set_ids, locals) : undefined;
  if (merged !== undefined && !merged.ok) errors.push(...merged.errors);
  if (errors.length > 0)
    throw invalid(
      { da: errors.slice(0, 20).join('; '), en: errors.slice(0, 20).join('; ') },
      { problems: errors.slice(0, 20) },
    );
}

/**
 * Saves the municipality's choice of rule sets (409 on a stale version) and marks every open
 * case for re-evaluation; reevaluateDeadlines does that after the answer.
 */
export async function chooseRuleSets(ctx: Ctx, update: RuleSettingsUpdate): Promise<RuleSettings> {
  assertValid(update);
  const changed =
    update.version === 0
      ? await q.insertRules(ctx.db, update.rule_set_ids, update.local_rule_sets)
      : await q.updateRules(ctx.db, update.rule_set_ids, update.local_rule_sets, update.version);
  await expectOneUpdated({ numUpdatedRows: changed }, () => ruleSettings(ctx));
  // Deadlines follow the new rules: every open case is marked for re-evaluation.
  await deadlines.markAllStale(ctx);
  return ruleSettings(ctx);
}

/** Re-evaluates the cases a rule change marked; the hourly refresher picks up whatever this misses. */
export async function reevaluateDeadlines(db: Kysely<Database>, today: string): Promise<number> {
  return deadlines.refreshStale(db, today);
}

/** The rule set that judges a municipality's deadlines: its choice, or the default bundle. */
export async function ruleSetOf(db: Tenant): Promise<RuleSet> {
  const row = await q.rulesOf(db);
  if (row === undefined) return DEFAULT_RULE_SET;
  const locals: RuleSet[] = [];
  for (const raw of row.local_rule_sets) {
    const parsed = parseRuleSet(raw);
    if (parsed.ok) locals.push(parsed.value);
  }
  const selected = selectRuleSets(row.rule_set_ids, locals);
  return selected.ok ? selected.value : DEFAULT_RULE_SET;
}
