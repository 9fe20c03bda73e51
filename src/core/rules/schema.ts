// Rules as data. A rule id (e.g. `lab.first_conversation`) has one or more dated versions;
// a new law or local decision is a new version with other dates and parameters, never new
// code. Only the counting kinds below live in code.
import type { Category, EventType, Track } from './case.js';
import type { IsoDate } from './date.js';
import type { Duration } from './duration.js';

export interface Localized {
  readonly da: string;
  readonly en: string;
}

/** A date taken from the case's facts, optionally moved by a duration (`registered` + 6 months). */
export interface AnchorRef {
  readonly fact: 'registered' | 'benefit_start';
  readonly plus: Duration | null;
}

/** The anchor a counting starts from, with how explanations name it ("registrering"). */
export interface StartAnchor extends AnchorRef {
  readonly label: Localized;
}

/** Which events count; every given condition must hold. */
export interface EventMatcher {
  readonly types: readonly EventType[];
  /** Conversations only: true = held conversations. */
  readonly held: boolean | null;
  /** Activities only: the activity kinds that count. */
  readonly kinds: readonly string[] | null;
  /** How explanations name the event ("sidste afholdte samtale"). */
  readonly label: Localized;
}

/**
 * - `nth_occurrence`: due = start + period; met by the n-th matching event dated on or
 *   after the start (`late` when after due).
 * - `recurring`: one entry for the next occurrence; counted from the last matching event
 *   on or after the start anchor, else from the anchor. `due_until` drops occurrences due
 *   after that date; `only_after_start` gives no entry until the as-of date is after the anchor.
 * - `gap_since`: counted from the latest end of the matching spans (activity, mentor),
 *   else from the anchor; no entry while a matching span runs.
 */
export type Counting =
  | {
      readonly kind: 'nth_occurrence';
      readonly start: StartAnchor;
      readonly period: Duration;
      readonly n: number;
      readonly met_by: EventMatcher;
    }
  | {
      readonly kind: 'recurring';
      readonly start: StartAnchor;
      readonly period: Duration;
      readonly met_by: EventMatcher;
      readonly due_until: AnchorRef | null;
      readonly only_after_start: boolean;
    }
  | {
      readonly kind: 'gap_since';
      readonly start: StartAnchor;
      readonly period: Duration;
      readonly spans: EventMatcher;
    };

export type CountingKind = Counting['kind'];
export const COUNTING_KINDS = ['nth_occurrence', 'recurring', 'gap_since'] as const satisfies readonly CountingKind[];

/** Null means no restriction; an empty list matches nobody (a rule dropped by a new law). */
export interface Applicability {
  readonly categories: readonly Category[] | null;
  readonly tracks: readonly Track[] | null;
}

export const BASIS_KINDS = ['law', 'local'] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];

export interface RuleVersion {
  readonly id: string;
  readonly valid_from: IsoDate;
  /** Last day in force (inclusive); null = no end decided. */
  readonly valid_to: IsoDate | null;
  /** Legal paragraph or local decision, e.g. "LAB § 31, stk. 5". */
  readonly basis: string;
  readonly basis_kind: BasisKind;
  readonly title: Localized;
  /** Template; placeholders: {start} {start_event} {period} {due} {n}. */
  readonly explanation: Localized;
  readonly applies_to: Applicability;
  readonly counting: Counting;
}

export interface RuleSet {
  readonly id: string;
  readonly name: Localized;
  readonly rules: readonly RuleVersion[];
}

export const TEMPLATE_PLACEHOLDERS = ['start', 'start_event', 'period', 'due', 'n'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
