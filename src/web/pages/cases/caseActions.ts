// What the user may do on a case, from the access the server sent with it: the summary's
// buttons, the section menu and the sections themselves ask here, so they agree.
import type { CaseBody } from '../../api/cases.js';

export function canWrite(detail: CaseBody): boolean {
  return detail.access.write && detail.status === 'open';
}

export function canReassign(detail: CaseBody): boolean {
  return detail.access.reassign && detail.team !== null && detail.status === 'open';
}

/** Close an open case, or reopen a closed one: its caseworker and the leader of its team. */
export function canClose(detail: CaseBody): boolean {
  return detail.access.close;
}

/** Unmet deadlines, most urgent first: overdue before open, then by due date. */
export function nextDeadlines(detail: CaseBody, count: number): CaseBody['deadlines'] {
  const unmet = detail.deadlines.filter((deadline) => deadline.status === 'overdue' || deadline.status === 'open');
  return unmet
    .sort((a, b) =>
      a.status === b.status ? (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) : a.status === 'overdue' ? -1 : 1,
    )
    .slice(0, count);
}
