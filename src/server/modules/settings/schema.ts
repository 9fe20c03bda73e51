import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../http/schemas.js';

// Which rule sets judge the municipality's deadlines (docs/rules.md).

export const RuleSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  basis: Type.String(),
  valid_from: Type.String(),
  valid_to: Nullable(Type.String()),
});
export const RuleSetSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  name_en: Type.String(),
  rules: Type.Array(RuleSummary),
});
export const RuleSettings = Type.Object({
  available: Type.Array(RuleSetSummary),
  rule_set_ids: Type.Array(Type.String()),
  local_rule_sets: Type.Array(Type.Unknown()),
  version: Type.Integer({ description: '0 while the municipality still uses the default' }),
});
export type RuleSettings = Static<typeof RuleSettings>;
export const RuleSettingsUpdate = Type.Object(
  {
    rule_set_ids: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 }),
    local_rule_sets: Type.Array(Type.Unknown(), { maxItems: 20 }),
    version: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type RuleSettingsUpdate = Static<typeof RuleSettingsUpdate>;
