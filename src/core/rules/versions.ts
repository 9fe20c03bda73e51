// Which version of a rule judges a deadline: the one in force on the date its counting starts.
import type { CaseFacts } from './case.js';
import { compareDates, isAfter, isBefore, type IsoDate } from './date.js';
import type { CountingStart } from './counting.js';
import type { RuleSet, RuleVersion } from './schema.js';

/** A rule id with its versions, oldest first. */
export interface RuleHistory {
  readonly id: string;
  readonly versions: readonly RuleVersion[];
}

const histories = new WeakMap<RuleSet, readonly RuleHistory[]>();

/** Versions grouped by rule id (first appearance order), oldest first; cached per rule set. */
export function ruleHistories(ruleSet: RuleSet): readonly RuleHistory[] {
  const cached = histories.get(ruleSet);
  if (cached !== undefined) return cached;
  const byId = new Map<string, RuleVersion[]>();
  for (const rule of ruleSet.rules) byId.set(rule.id, [...(byId.get(rule.id) ?? []), rule]);
  const grouped = [...byId].map(([id, versions]) => ({
    id,
    versions: versions.sort((a, b) => compareDates(a.valid_from, b.valid_from)),
  }));
  histories.set(ruleSet, grouped);
  return grouped;
}

/**
 * Whether `version` is in force on `date`. The oldest version of a rule also covers
 * counting that started before it came into force: a rule applies to cases already
 * running when it is introduced (the default rules start 2019-01-01, benefit periods
 * may start years earlier).
 */
export function inForce(version: RuleVersion, date: IsoDate, isOldest: boolean): boolean {
  if (!isOldest && isBefore(date, version.valid_from)) return false;
  return version.valid_to === null || !isAfter(date, version.valid_to);
}

export interface ChosenVersion {
  readonly version: RuleVersion;
  readonly start: CountingStart;
}

/**
 * Each version may count from a different start (a new law may move the anchor), so every
 * version's own start is computed and the version whose validity holds its own start wins
 * (the newest, should several). If none does, the version in force on the earliest of
 * those starts judges, with its own start. Null when no version is in force.
 */
export function chooseVersion(
  history: RuleHistory,
  startOf: (version: RuleVersion) => CountingStart | null,
): ChosenVersion | null {
  const candidates: ChosenVersion[] = [];
  for (const version of history.versions) {
    const start = startOf(version);
    if (start !== null) candidates.push({ version, start });
  }
  const oldest = history.versions[0];
  const holdsOwnStart = candidates.filter((c) => inForce(c.version, c.start.date, c.version === oldest));
  const newest = holdsOwnStart.at(-1);
  if (newest !== undefined) return newest;
  const earliest = candidates.map((c) => c.start.date).sort(compareDates)[0];
  if (earliest === undefined) return null;
  return candidates.find((c) => inForce(c.version, earliest, c.version === oldest)) ?? null;
}

export function appliesTo(version: RuleVersion, facts: CaseFacts): boolean {
  const { categories, tracks } = version.applies_to;
  if (categories !== null && !categories.includes(facts.category)) return false;
  if (tracks !== null && (facts.track === null || !tracks.includes(facts.track))) return false;
  return true;
}
