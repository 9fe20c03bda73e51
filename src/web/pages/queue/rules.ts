// The deadline rules the work queue can be filtered by: the shipped rule sets' rules, named in
// the UI language, plus any other rule (a municipality's own) the queue has shown.
import halsnaesPolicy from '../../../core/rules/sets/halsnaes-policy.json';
import lab2019 from '../../../core/rules/sets/lab-2019.json';
import type { Language } from '../../i18n/languages.js';

export interface RuleOption {
  id: string;
  title: { da: string; en: string };
}

interface ShippedRuleSet {
  rules: readonly { id: string; title: { da: string; en: string } }[];
}

const SHIPPED: readonly ShippedRuleSet[] = [lab2019, halsnaesPolicy];

/** One entry per rule id (a rule may have several dated versions; the last one names it). */
export function shippedRules(sets: readonly ShippedRuleSet[] = SHIPPED): RuleOption[] {
  const byId = new Map<string, RuleOption>();
  for (const set of sets) for (const rule of set.rules) byId.set(rule.id, { id: rule.id, title: rule.title });
  return [...byId.values()];
}

/** Shipped rules and those seen in the queue, sorted by name in the UI language. */
export function ruleOptions(seen: readonly RuleOption[], language: Language): RuleOption[] {
  const byId = new Map(shippedRules().map((rule) => [rule.id, rule]));
  for (const rule of seen) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return [...byId.values()].sort((a, b) => a.title[language].localeCompare(b.title[language], language));
}
