// An event form's draft turned into the request body, or what is wrong, by API field name.
// Which fields an event needs and which dates are possible is core's one rule (eventProblems),
// which the server applies too; checking first names the field for the user.
import { eventProblems, hasPeriod, isConversation, type EventProblemCode } from '../../../core/cases/event.js';
import { ACTIVITY_KINDS, CANCELLED_BY, MODES, type EventType } from '../../../core/vocabulary.js';
import type { EventBody } from '../../api/cases.js';

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

export type EventMessages = Record<'date' | 'future' | 'held' | 'mode' | 'cancelledBy' | 'kind' | 'endDate', string>;

// The draft gets only the fields its type takes, so the codes of a field that does not belong
// cannot arise here; they are named by that field's message all the same.
const MESSAGE: Readonly<Record<EventProblemCode, keyof EventMessages>> = {
  date_invalid: 'date',
  date_in_future: 'future',
  held_missing: 'held',
  held_not_conversation: 'held',
  mode_not_conversation: 'held',
  cancelled_when_held: 'cancelledBy',
  cancelled_by_missing: 'cancelledBy',
  kind_missing: 'kind',
  kind_not_activity: 'kind',
  end_not_span: 'endDate',
  end_date_invalid: 'endDate',
  end_before_start: 'endDate',
};

/** A new draft; where a conversation took place is never guessed, so it cannot be saved wrong unnoticed. */
export function blankEvent(today: string, type: EventType = 'conversation', kind = ''): EventDraft {
  return {
    type,
    date: today,
    held: '',
    mode: '',
    cancelledBy: '',
    kind: type === 'activity' ? kind : '',
    endDate: '',
    note: '',
  };
}

/** The body the draft says, with only the fields its type takes. */
export function bodyOf(draft: EventDraft): EventBody {
  const body: EventBody = { type: draft.type, date: draft.date };
  if (isConversation(draft.type)) {
    if (draft.held === 'yes') {
      body.held = true;
      body.mode = MODES.find((value) => value === draft.mode) ?? 'jobcentre';
    } else if (draft.held === 'no') {
      body.held = false;
      const by = CANCELLED_BY.find((value) => value === draft.cancelledBy);
      if (by !== undefined) body.cancelled_by = by;
    }
  }
  const kind = ACTIVITY_KINDS.find((value) => value === draft.kind);
  if (draft.type === 'activity' && kind !== undefined) body.kind = kind;
  if (hasPeriod(draft.type) && draft.endDate !== '') body.end_date = draft.endDate;
  if (draft.note.trim() !== '') body.note = draft.note.trim();
  return body;
}

/** The request body for the draft, or what is wrong, by API field name. */
export function eventInputOf(
  draft: EventDraft,
  today: string,
  messages: EventMessages,
): { ok: true; input: EventBody } | { ok: false; found: Record<string, string> } {
  const input = bodyOf(draft);
  const found: Record<string, string> = {};
  for (const problem of eventProblems(input, today)) found[problem.field] ??= messages[MESSAGE[problem.code]];
  // The API takes a held conversation without its place (the jobcentre); a person must say it.
  if (isConversation(draft.type) && draft.held === 'yes' && !MODES.some((value) => value === draft.mode)) {
    if (!('mode' in found)) found.mode = messages.mode;
  }
  return Object.keys(found).length > 0 ? { ok: false, found } : { ok: true, input };
}
