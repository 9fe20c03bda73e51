// The work queue lists citizens, not deadlines: each citizen's open case once, with the most
// urgent of its unmet deadlines in front and a count of the others. The database sorts and pages
// the citizens (deadlines/queries.ts turns `queueOrder` into its ORDER BY, so a page never has to
// load the whole caseload); this file is the rule it follows, and groups the deadline rows of a
// page into citizens.
//
// Whether an unmet deadline is open or overdue follows from its due date and today, so
// "overdue before open at equal due" never has two deadlines (or two citizens) to tell apart:
// ordering by due date is already that order.
import type { QueueSort, QueueStatus, SortOrder } from '../vocabulary.js';

export function queueStatus(due: string, today: string): QueueStatus {
  return due < today ? 'overdue' : 'open';
}

/** What the citizens can be ordered by: the most urgent deadline's due date, the citizen's name, the case number, the caseworker's name. */
export type QueueOrderKey = 'due' | 'name' | 'case_number' | 'caseworker';

export interface QueueOrderTerm {
  key: QueueOrderKey;
  descending: boolean;
}

const asc = (key: QueueOrderKey): QueueOrderTerm => ({ key, descending: false });

/**
 * The order of the citizens: the chosen key in the chosen direction, then fixed tie-breaks (the
 * case number is unique in a municipality, so the order is total and paging is stable).
 * Names compare lower-cased, by code point (as the case search does); citizens without a
 * caseworker come last in either direction.
 */
export function queueOrder(sort: QueueSort = 'urgency', order: SortOrder = 'asc'): QueueOrderTerm[] {
  const first = (key: QueueOrderKey): QueueOrderTerm => ({ key, descending: order === 'desc' });
  switch (sort) {
    case 'urgency':
      return [first('due'), asc('name'), asc('case_number')];
    case 'name':
      return [first('name'), asc('case_number')];
    case 'case_number':
      return [first('case_number')];
    case 'caseworker':
      return [first('caseworker'), asc('due'), asc('name'), asc('case_number')];
  }
}

/** The fields of a citizen in the queue that the order reads. */
export interface QueueSortFields {
  /** Due date of the most urgent deadline. */
  due: string;
  name: string;
  case_number: string;
  caseworker: string | null;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `queueOrder` as a comparator, for checks and for any list already in memory. The database's
 * ORDER BY is the same terms; test/integration/work-queue.test.ts holds the two to each other.
 */
export function compareQueueCitizens(
  sort: QueueSort = 'urgency',
  order: SortOrder = 'asc',
): (a: QueueSortFields, b: QueueSortFields) => number {
  const terms = queueOrder(sort, order);
  return (a, b) => {
    for (const { key, descending } of terms) {
      let c: number;
      if (key === 'caseworker') {
        if (a.caseworker === null || b.caseworker === null) {
          // Unassigned last, whatever the direction.
          c = (a.caseworker === null ? 1 : 0) - (b.caseworker === null ? 1 : 0);
          if (c !== 0) return c;
          continue;
        }
        c = byCodePoint(a.caseworker.toLowerCase(), b.caseworker.toLowerCase());
      } else if (key === 'name') {
        c = byCodePoint(a.name.toLowerCase(), b.name.toLowerCase());
      } else {
        c = byCodePoint(a[key], b[key]);
      }
      if (c !== 0) return descending ? -c : c;
    }
    return 0;
  };
}

/** Soonest first; at equal due dates by rule id, so the order is the same on every read. */
export function compareDeadlines(a: { due: string; rule: string }, b: { due: string; rule: string }): number {
  return byCodePoint(a.due, b.due) || byCodePoint(a.rule, b.rule);
}

export interface QueueGroup<R> {
  caseId: string;
  /** The case's matching deadlines, soonest first; never empty. */
  deadlines: [R, ...R[]];
}

/**
 * A page's deadline rows grouped by case, the cases in the order they first appear (the page's
 * order), each case's deadlines soonest first. The first deadline is the most urgent; the
 * others are `deadlines.length - 1`.
 */
export function groupByCase<R extends { case_id: string; due: string; rule: string }>(
  rows: readonly R[],
): QueueGroup<R>[] {
  const groups = new Map<string, [R, ...R[]]>();
  for (const row of rows) {
    const group = groups.get(row.case_id);
    if (group === undefined) groups.set(row.case_id, [row]);
    else group.push(row);
  }
  return [...groups].map(([caseId, deadlines]) => ({ caseId, deadlines: deadlines.sort(compareDeadlines) }));
}
