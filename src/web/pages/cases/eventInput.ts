// An event form's draft turned into the request body, or what is missing, by API field name.
// The server checks the same (validateEvent); checking first names the field for the user.
import type { EventInput } from '../../api/cases.js';
import { ACTIVITY_KINDS, CANCELLED_BY, MODES, hasPeriod, isConversation, type EventType } from '../../api/vocabulary.js';
import { isIsoDate } from './format.js';

export interface EventDraft {
  type: EventType;
  date: string;
  held: string;
  mode: string;
  cancelledBy: string;
  kind: string;
  endDate: string;
  note: string;
}


export function blankEvent(today: string): EventDraft {
  return { type: 'conversation', date: today, held: '', mode: 'jobcentre', cancelledBy: '', kind: '', endDate: '', note: '' };
}

/** The request body for the draft, or what is missing, by API field name. */
export function eventInputOf(
  draft: EventDraft,
  today: string,
  messages: Record<'date' | 'future' | 'held' | 'cancelledBy' | 'kind' | 'endDate', string>,
): { ok: true; input: EventInput } | { ok: false; found: Record<string, string> } {
  const found: Record<string, string> = {};
  if (!isIsoDate(draft.date)) found.date = messages.date;
  else if (draft.date > today) found.date = messages.future;
  const input: EventInput = { type: draft.type, date: draft.date };
  if (isConversation(draft.type)) {
    if (draft.held === 'yes') {
      input.held = true;
      input.mode = MODES.find((value) => value === draft.mode) ?? 'jobcentre';
    } else if (draft.held === 'no') {
      input.held = false;
      const by = CANCELLED_BY.find((value) => value === draft.cancelledBy);
      if (by === undefined) found.cancelled_by = messages.cancelledBy;
      else input.cancelled_by = by;
    } else {
      found.held = messages.held;
    }
  }
  if (draft.type === 'activity') {
    const kind = ACTIVITY_KINDS.find((value) => value === draft.kind);
    if (kind === undefined) found.kind = messages.kind;
    else input.kind = kind;
  }
  if (hasPeriod(draft.type) && draft.endDate !== '') {
    if (!isIsoDate(draft.endDate) || draft.endDate < draft.date) found.end_date = messages.endDate;
    else input.end_date = draft.endDate;
  }
  if (draft.note.trim() !== '') input.note = draft.note.trim();
  return Object.keys(found).length > 0 ? { ok: false, found } : { ok: true, input };
}
