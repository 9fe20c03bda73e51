import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BUILT_IN_RULE_SETS, DEFAULT_RULE_SET_IDS, parseRuleSet, selectRuleSets, type RuleSet } from '../../../core/rules/index.js';
import { danishDate, type Ctx } from '../../context.js';
import { expectOneUpdated } from '../../db/versioned.js';
import { invalid } from '../../errors.js';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles } from '../../plugins/policy.js';
import { refreshStaleDeadlines } from '../cases/deadlines.js';

// Which rule sets judge the municipality's deadlines: shipped sets chosen by id, plus local
// sets of its own in the rule-set JSON format (docs/rules.md). Rules are data: a new law or a
// local decision is a new dated version here, not a code change.

const RuleSummary = Type.Object({ id: Type.String(), title: Type.String(), basis: Type.String(), valid_from: Type.String(), valid_to: Type.Union([Type.String(), Type.Null()]) });
const RuleSetSummary = Type.Object({ id: Type.String(), name: Type.String(), name_en: Type.String(), rules: Type.Array(RuleSummary) });
const Settings = Type.Object({ available: Type.Array(RuleSetSummary), rule_set_ids: Type.Array(Type.String()), local_rule_sets: Type.Array(Type.Unknown()), version: Type.Integer() });
const SettingsUpdate = Type.Object(
  { rule_set_ids: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 }), local_rule_sets: Type.Array(Type.Unknown(), { maxItems: 20 }), version: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);

const summary = (set: RuleSet) => ({
  id: set.id,
  name: set.name.da,
  name_en: set.name.en,
  rules: set.rules.map((r) => ({ id: r.id, title: r.title.da, basis: r.basis, valid_from: r.valid_from, valid_to: r.valid_to })),
});

async function settings(ctx: Ctx) {
  const row = await ctx.db.selectFrom('municipality_rules').select(['rule_set_ids', 'local_rule_sets', 'version']).where('municipality_id', '=', ctx.actor.municipalityId).executeTakeFirst();
  return {
    available: BUILT_IN_RULE_SETS.map(summary),
    rule_set_ids: row?.rule_set_ids ?? [...DEFAULT_RULE_SET_IDS],
    local_rule_sets: row?.local_rule_sets ?? [],
    // 0 = still the default: nothing chosen yet.
    version: row?.version ?? 0,
  };
}

export const settingsRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['settings'];

  app.get('/api/settings/rule-sets', { config: { policy: roles('municipality_admin') }, schema: { tags, summary: 'The rule sets that judge the municipality\'s deadlines', response: { 200: Settings, ...errorResponses } } }, async (request) =>
    inTransaction(services, request, settings),
  );

  app.put('/api/settings/rule-sets', { config: { policy: roles('municipality_admin') }, schema: { tags, summary: 'Choose rule sets and add local ones; every open case is re-evaluated', body: SettingsUpdate, response: { 200: Settings, ...errorResponses } } }, async (request) => {
    const body = request.body;
    const locals: RuleSet[] = [];
    const errors: string[] = [];
    body.local_rule_sets.forEach((raw, i) => {
      const parsed = parseRuleSet(raw, `local_rule_sets[${i}]`);
      if (parsed.ok) locals.push(parsed.value);
      else errors.push(...parsed.errors);
    });
    const merged = errors.length === 0 ? selectRuleSets(body.rule_set_ids, locals) : undefined;
    if (merged !== undefined && !merged.ok) errors.push(...merged.errors);
    if (errors.length > 0) throw invalid({ da: errors.slice(0, 20).join('; '), en: errors.slice(0, 20).join('; ') }, { problems: errors.slice(0, 20) });
    const result = await inTransaction(services, request, async (ctx) => {
      const m = ctx.actor.municipalityId;
      if (body.version === 0) {
        const inserted = await ctx.db
          .insertInto('municipality_rules')
          .values({ municipality_id: m, rule_set_ids: body.rule_set_ids, local_rule_sets: JSON.stringify(body.local_rule_sets) })
          .onConflict((oc) => oc.column('municipality_id').doNothing())
          .executeTakeFirst();
        await expectOneUpdated({ numUpdatedRows: inserted.numInsertedOrUpdatedRows ?? 0n }, () => settings(ctx));
      } else {
        const updated = await ctx.db
          .updateTable('municipality_rules')
          .set((eb) => ({ rule_set_ids: body.rule_set_ids, local_rule_sets: JSON.stringify(body.local_rule_sets), version: eb('version', '+', 1) }))
          .where('municipality_id', '=', m)
          .where('version', '=', body.version)
          .executeTakeFirst();
        await expectOneUpdated(updated, () => settings(ctx));
      }
      // Deadlines follow the new rules: every open case is marked for re-evaluation.
      await ctx.db.updateTable('citizen_case').set({ deadlines_on: null }).where('municipality_id', '=', m).where('status', '=', 'open').execute();
      return settings(ctx);
    });
    // Re-evaluation runs after the answer; the hourly refresher picks up whatever this misses.
    refreshStaleDeadlines(services.db.kysely, danishDate(services.clock())).catch((error: unknown) => request.log.error({ err: error }, 'deadline refresh after a rule change failed'));
    return result;
  });
};
