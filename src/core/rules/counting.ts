// The counting kinds: the only rule logic that lives in code. Everything a law change
// moves (anchors, periods, which events count, windows) comes in as parameters.
import type { CaseEvent, CaseFacts } from './case.js';
import { compareDates, isAfter, isBefore, type IsoDate } from './date.js';
import { addDuration, formatDuration } from './duration.js';
import type { AnchorRef, Counting, EventMatcher, Localized } from './schema.js';

/** A case event as of the evaluation date, with its position in the case's `events`. */
export interface TimedEvent {
  readonly event: CaseEvent;
  readonly index: number;
}

/** The events dated on or before `on`, in date order (input order within a day). */
export function timelineOf(facts: CaseFacts, on: IsoDate): readonly TimedEvent[] {
  return facts.events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => !isAfter(event.date, on))
    .sort((a, b) => compareDates(a.event.date, b.event.date) || a.index - b.index);
}

export function anchorDate(ref: AnchorRef, facts: CaseFacts): IsoDate | null {
  const base = facts[ref.fact];
  if (base === null) return null;
  return ref.plus === null ? base : addDuration(base, ref.plus);
}

function anchorCode(ref: AnchorRef): string {
  return ref.plus === null ? ref.fact : `${ref.fact}+${formatDuration(ref.plus)}`;
}

export function matches(matcher: EventMatcher, event: CaseEvent): boolean {
  if (!matcher.types.includes(event.type)) return false;
  if (matcher.held !== null && !('held' in event && event.held === matcher.held)) return false;
  if (matcher.kinds !== null && !(event.type === 'activity' && matcher.kinds.includes(event.kind))) return false;
  return true;
}

export interface CountingStart {
  readonly date: IsoDate;
  /** Machine-readable origin: `registered`, `registered+P6M`, `events[2]`, `events[4].end`. */
  readonly code: string;
  /** How explanations name the origin. */
  readonly label: Localized;
}

/**
 * Where counting starts as of `on`, or null when it has not started (the anchor fact is
 * missing, the rule is not active yet, or a span that would end the gap is still running).
 */
export function countingStart(
  counting: Counting,
  facts: CaseFacts,
  timeline: readonly TimedEvent[],
  on: IsoDate,
): CountingStart | null {
  const anchor = anchorDate(counting.start, facts);
  if (anchor === null) return null;
  const fromAnchor: CountingStart = { date: anchor, code: anchorCode(counting.start), label: counting.start.label };
  switch (counting.kind) {
    case 'nth_occurrence':
      return fromAnchor;
    case 'recurring': {
      if (counting.only_after_start && !isAfter(on, anchor)) return null;
      let last: TimedEvent | undefined;
      for (const timed of timeline) {
        if (!isBefore(timed.event.date, anchor) && matches(counting.met_by, timed.event)) last = timed;
      }
      return last === undefined
        ? fromAnchor
        : { date: last.event.date, code: `events[${last.index}]`, label: counting.met_by.label };
    }
    case 'gap_since': {
      let latest: { end: IsoDate; index: number } | undefined;
      for (const { event, index } of timeline) {
        if (!matches(counting.spans, event) || !('end' in event)) continue;
        // A span runs through its end date; without an end it runs until further notice.
        if (event.end === null || !isBefore(event.end, on)) return null;
        if (latest === undefined || isAfter(event.end, latest.end)) latest = { end: event.end, index };
      }
      return latest === undefined
        ? fromAnchor
        : { date: latest.end, code: `events[${latest.index}].end`, label: counting.spans.label };
    }
  }
}

export interface CountingOutcome {
  readonly due: IsoDate;
  readonly met_on: IsoDate | null;
}

/** Due date and the date the rule was met, or null when the rule gives no entry. */
export function countingOutcome(
  counting: Counting,
  start: CountingStart,
  facts: CaseFacts,
  timeline: readonly TimedEvent[],
): CountingOutcome | null {
  const due = addDuration(start.date, counting.period);
  switch (counting.kind) {
    case 'nth_occurrence': {
      let seen = 0;
      for (const { event } of timeline) {
        if (isBefore(event.date, start.date) || !matches(counting.met_by, event)) continue;
        seen += 1;
        if (seen === counting.n) return { due, met_on: event.date };
      }
      return { due, met_on: null };
    }
    case 'recurring': {
      if (counting.due_until !== null) {
        const until = anchorDate(counting.due_until, facts);
        if (until === null || isAfter(due, until)) return null;
      }
      // Counting restarts at the last matching event, so the next occurrence is never met yet.
      return { due, met_on: null };
    }
    case 'gap_since':
      // A span starting after the counting start either still runs (no entry) or has
      // ended and moved the start past itself, so an entry is never met.
      return { due, met_on: null };
  }
}
