// What to do next for a deadline in the queue: the event that meets its rule, read from the
// rule set itself (met_by, or the spans a gap rule waits for), so the queue's button opens the
// form ready for exactly that.
import halsnaesPolicy from '../../../core/rules/sets/halsnaes-policy.json';
import lab2019 from '../../../core/rules/sets/lab-2019.json';
import { ACTIVITY_KINDS, EVENT_TYPES, isOneOf, type ActivityKind, type EventType } from '../../../core/vocabulary.js';

export interface NextAction {
  type: EventType;
  kind?: ActivityKind;
}

interface RuleLike {
  id: string;
  counting: { met_by?: { types: readonly string[]; kinds?: readonly string[] }; spans?: { types: readonly string[] } };
}

const SHIPPED: readonly RuleLike[] = [...lab2019.rules, ...halsnaesPolicy.rules];

/** The action for a rule id; a conversation when the rule is not one we ship. */
export function nextActionFor(ruleId: string, rules: readonly RuleLike[] = SHIPPED): NextAction {
  const rule = rules.find((candidate) => candidate.id === ruleId);
  const types = rule?.counting.met_by?.types ?? rule?.counting.spans?.types ?? [];
  const type = types.find((candidate) => isOneOf(EVENT_TYPES, candidate)) ?? 'conversation';
  const kind = rule?.counting.met_by?.kinds?.find((candidate) => isOneOf(ACTIVITY_KINDS, candidate));
  return kind === undefined || type !== 'activity' ? { type } : { type, kind };
}
