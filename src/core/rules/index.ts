// Public API of the deadline rule engine.
export { parseCaseInput, CATEGORIES, TRACKS, EVENT_TYPES } from './case.js';
export type { CaseFacts, CaseEvent, Category, Track, EventType } from './case.js';
export { isIsoDate, addDays, addMonths, compareDates, type IsoDate } from './date.js';
export { evaluateDeadlines, missingFacts, deadlineStatus, DEADLINE_STATUSES } from './engine.js';
export type { Deadline, DeadlineStatus } from './engine.js';
export type { Result } from './fields.js';
export type { RuleSet, RuleVersion, Counting, Localized } from './schema.js';
export { parseRuleSet } from './validate.js';
export {
  BUILT_IN_RULE_SETS,
  DEFAULT_RULE_SET,
  DEFAULT_RULE_SET_IDS,
  mergeRuleSets,
  parseRuleSetFile,
  selectRuleSets,
} from './sets.js';
