import type { Tenant } from '../../db/tenant.js';

// municipality_rules: the rule sets a municipality chose (no row = the default).

export interface RulesRow {
  rule_set_ids: string[];
  local_rule_sets: unknown[];
  version: number;
}

export async function rulesOf(db: Tenant): Promise<RulesRow | undefined> {
  return db.selectFrom('municipality_rules').select(['rule_set_ids', 'local_rule_sets', 'version']).executeTakeFirst();
}

/** The first choice; 0 rows when someone else chose first. */
export async function insertRules(
  db: Tenant,
  ruleSetIds: readonly string[],
  localRuleSets: readonly unknown[],
): Promise<bigint> {
  const inserted = await db
    .insertInto('municipality_rules', { rule_set_ids: [...ruleSetIds], local_rule_sets: JSON.stringify(localRuleSets) })
    .onConflict((oc) => oc.column('municipality_id').doNothing())
    .executeTakeFirst();
  return inserted.numInsertedOrUpdatedRows ?? 0n;
}

/** A later choice, if the row still has `version`; 0 rows otherwise. */
export async function updateRules(
  db: Tenant,
  ruleSetIds: readonly string[],
  localRuleSets: readonly unknown[],
  version: number,
): Promise<bigint> {
  const updated = await db
    .updateTable('municipality_rules')
    .set((eb) => ({
      rule_set_ids: [...ruleSetIds],
      local_rule_sets: JSON.stringify(localRuleSets),
      version: eb('version', '+', 1),
    }))
    .where('version', '=', version)
    .executeTakeFirst();
  return updated.numUpdatedRows;
}
