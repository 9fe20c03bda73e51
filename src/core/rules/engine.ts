// Deadlines of one case as of a date: every rule that applies, judged by the version in
// force when its counting starts, explained in Danish and English. Pure: the same call
// serves `medspiller deadlines` and the caseworker's work queue.
import type { CaseFacts } from './case.js';
import { countingOutcome, countingStart, timelineOf, anchorDate } from './counting.js';
import { compareDates, isBefore, isIsoDate, type IsoDate } from './date.js';
import { describeDuration, type Language } from './duration.js';
import type { BasisKind, RuleSet, RuleVersion } from './schema.js';
import { renderTemplate } from './template.js';
import { appliesTo, chooseVersion, ruleHistories } from './versions.js';

export const DEADLINE_STATUSES = ['met', 'late', 'open', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Keys up to `explanation` are the public contract; the rest add explanation. */
export interface Deadline {
  readonly rule: string;
  readonly title: string;
  readonly due: IsoDate;
  readonly status: DeadlineStatus;
  readonly met_on: IsoDate | null;
  readonly basis: string;
  readonly explanation: string;
  readonly title_en: string;
  readonly explanation_en: string;
  readonly basis_kind: BasisKind;
  /** The date counting started from. */
  readonly counted_from: IsoDate;
  /** What it started from: `registered`, `registered+P6M`, `benefit_start`, `events[2]`, `events[4].end`. */
  readonly start_event: string;
  /** Validity of the rule version that judged this deadline. */
  readonly valid_from: IsoDate;
  readonly valid_to: IsoDate | null;
}

/** met: met on or before due; late: met after due; open: not met, due ≥ on; overdue: not met, due < on. */
export function deadlineStatus(due: IsoDate, metOn: IsoDate | null, on: IsoDate): DeadlineStatus {
  if (metOn !== null) return isBefore(due, metOn) ? 'late' : 'met';
  return isBefore(due, on) ? 'overdue' : 'open';
}

function explain(
  version: RuleVersion,
  language: Language,
  values: { start: IsoDate; label: string; due: IsoDate },
): string {
  const { counting } = version;
  return renderTemplate(version.explanation[language], {
    start: values.start,
    start_event: values.label,
    period: describeDuration(counting.period, language),
    due: values.due,
    n: counting.kind === 'nth_occurrence' ? String(counting.n) : '',
  });
}

/**
 * Deadlines of `facts` as of `on` (YYYY-MM-DD) under `ruleSet`, sorted by due date, then
 * rule id. Events dated after `on` are ignored. Throws RangeError for an invalid `on`.
 */
export function evaluateDeadlines(facts: CaseFacts, on: IsoDate, ruleSet: RuleSet): Deadline[] {
  if (!isIsoDate(on)) throw new RangeError(`on: not a date: ${JSON.stringify(on)}`);
  const timeline = timelineOf(facts, on);
  const deadlines: Deadline[] = [];
  for (const history of ruleHistories(ruleSet)) {
    const chosen = chooseVersion(history, (version) => countingStart(version.counting, facts, timeline, on));
    if (chosen === null || !appliesTo(chosen.version, facts)) continue;
    const { version, start } = chosen;
    const outcome = countingOutcome(version.counting, start, facts, timeline);
    if (outcome === null) continue;
    const values = (language: Language) => ({ start: start.date, label: start.label[language], due: outcome.due });
    deadlines.push({
      rule: version.id,
      title: version.title.da,
      due: outcome.due,
      status: deadlineStatus(outcome.due, outcome.met_on, on),
      met_on: outcome.met_on,
      basis: version.basis,
      explanation: explain(version, 'da', values('da')),
      title_en: version.title.en,
      explanation_en: explain(version, 'en', values('en')),
      basis_kind: version.basis_kind,
      counted_from: start.date,
      start_event: start.code,
      valid_from: version.valid_from,
      valid_to: version.valid_to,
    });
  }
  return deadlines.sort((a, b) => compareDates(a.due, b.due) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/**
 * Facts the case lacks for rules that apply to it, as `field: message` lines
 * (e.g. `benefit_start: required by rule halsnaes.rehab_team`). Such rules give no entry.
 */
export function missingFacts(facts: CaseFacts, ruleSet: RuleSet): string[] {
  const missing: string[] = [];
  for (const history of ruleHistories(ruleSet)) {
    for (const version of history.versions) {
      if (!appliesTo(version, facts)) continue;
      const { counting } = version;
      const anchors =
        counting.kind === 'recurring' && counting.due_until !== null
          ? [counting.start, counting.due_until]
          : [counting.start];
      const absent = anchors.find((anchor) => anchorDate(anchor, facts) === null);
      if (absent !== undefined) {
        missing.push(`${absent.fact}: required by rule ${history.id}`);
        break;
      }
    }
  }
  return missing;
}
