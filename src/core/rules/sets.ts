// The shipped rule sets (data files in ./sets) and how a municipality combines sets:
// pick shipped ones, add its own, get one rule set back.
import halsnaesPolicy from './sets/halsnaes-policy.json' with { type: 'json' };
import lab2019 from './sets/lab-2019.json' with { type: 'json' };
import type { Result } from './fields.js';
import type { RuleSet, RuleVersion } from './schema.js';
import { findVersionConflicts, parseRuleSet } from './validate.js';

function shipped(json: unknown): RuleSet {
  const parsed = parseRuleSet(json);
  if (!parsed.ok) throw new Error(`shipped rule set is invalid:\n${parsed.errors.join('\n')}`);
  return parsed.value;
}

/** Every rule set shipped with Medspiller, by id. */
export const BUILT_IN_RULE_SETS: readonly RuleSet[] = [shipped(lab2019), shipped(halsnaesPolicy)];

/** The default bundle: LAB 2019 plus the Halsnæs policy. */
export const DEFAULT_RULE_SET_IDS: readonly string[] = ['lab-2019', 'halsnaes-policy'];

/**
 * One rule set from several. The versions of a rule id may come from different sets
 * (a local set can add a later version of a shipped rule) but must not overlap in time.
 */
export function mergeRuleSets(sets: readonly RuleSet[]): Result<RuleSet> {
  const ids = sets.map((set) => set.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) return { ok: false, errors: [`rule sets: ${duplicate} chosen twice`] };
  const rules: RuleVersion[] = sets.flatMap((set) => set.rules);
  const conflicts = findVersionConflicts(rules);
  if (conflicts.length > 0) return { ok: false, errors: conflicts.map((conflict) => `rules: ${conflict}`) };
  return {
    ok: true,
    value: {
      id: ids.join('+'),
      name: { da: sets.map((set) => set.name.da).join(' + '), en: sets.map((set) => set.name.en).join(' + ') },
      rules,
    },
  };
}

/** The chosen shipped sets (by id, in order) plus a municipality's own sets, merged. */
export function selectRuleSets(
  chosenIds: readonly string[],
  localSets: readonly RuleSet[] = [],
  available: readonly RuleSet[] = BUILT_IN_RULE_SETS,
): Result<RuleSet> {
  const unknown = chosenIds.filter((id) => !available.some((set) => set.id === id));
  if (unknown.length > 0)
    return { ok: false, errors: unknown.map((id) => `rule sets: unknown rule set ${JSON.stringify(id)}`) };
  const chosen = chosenIds.map((id) => available.find((set) => set.id === id)!);
  return mergeRuleSets([...chosen, ...localSets]);
}

function defaultBundle(): RuleSet {
  const merged = selectRuleSets(DEFAULT_RULE_SET_IDS);
  if (!merged.ok) throw new Error(`default rule sets do not combine:\n${merged.errors.join('\n')}`);
  return merged.value;
}

/** LAB 2019 + the Halsnæs policy. */
export const DEFAULT_RULE_SET: RuleSet = defaultBundle();

/**
 * A rules file: one rule set object, or an array of them (merged in order). Error paths
 * name the field, e.g. `rules[2].valid_from: not a date` or `[1].rules[0].id: required`.
 */
export function parseRuleSetFile(json: unknown): Result<RuleSet> {
  if (!Array.isArray(json)) return parseRuleSet(json);
  const sets: RuleSet[] = [];
  const errors: string[] = [];
  if (json.length === 0) errors.push('(top level): must hold at least one rule set');
  json.forEach((item: unknown, i) => {
    const parsed = parseRuleSet(item, `[${i}]`);
    if (parsed.ok) sets.push(parsed.value);
    else errors.push(...parsed.errors);
  });
  return errors.length > 0 ? { ok: false, errors } : mergeRuleSets(sets);
}
