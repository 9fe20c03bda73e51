// Which fields belong to which kind of case event, and which dates are possible: the one rule,
// used by the server before it records an event and by the web app's form before it sends one.
import { isIsoDate } from '../rules/date.js';
import {
  CONVERSATION_TYPES,
  SPAN_TYPES,
  type ActivityKind,
  type CancelledBy,
  type EventType,
  type Mode,
} from '../vocabulary.js';

export interface EventShape {
  type: EventType;
  date: string;
  end_date?: string | null | undefined;
  held?: boolean | undefined;
  mode?: Mode | undefined;
  cancelled_by?: CancelledBy | undefined;
  kind?: ActivityKind | undefined;
}

export type EventField = 'date' | 'held' | 'mode' | 'cancelled_by' | 'kind' | 'end_date';

export type EventProblemCode =
  | 'date_invalid'
  | 'date_in_future'
  | 'held_missing'
  | 'held_not_conversation'
  | 'mode_not_conversation'
  | 'cancelled_when_held'
  | 'cancelled_by_missing'
  | 'kind_missing'
  | 'kind_not_activity'
  | 'end_not_span'
  | 'end_date_invalid'
  | 'end_before_start';

export interface EventProblem {
  field: EventField;
  code: EventProblemCode;
}

export const isConversation = (type: EventType): boolean => (CONVERSATION_TYPES as readonly EventType[]).includes(type);
/** Event types that run over a period and may carry an end date. */
export const hasPeriod = (type: EventType): boolean => (SPAN_TYPES as readonly EventType[]).includes(type);

/** What is wrong with an event as recorded on `today` (an event is recorded once it happened), in field order. */
export function eventProblems(e: EventShape, today: string): EventProblem[] {
  const problems: EventProblem[] = [];
  const fail = (field: EventField, code: EventProblemCode): void => {
    problems.push({ field, code });
  };
  const conversation = isConversation(e.type);
  if (!isIsoDate(e.date)) fail('date', 'date_invalid');
  else if (e.date > today) fail('date', 'date_in_future');
  if (conversation && e.held === undefined) fail('held', 'held_missing');
  if (!conversation && e.held !== undefined) fail('held', 'held_not_conversation');
  if (!conversation && (e.mode !== undefined || e.cancelled_by !== undefined)) fail('mode', 'mode_not_conversation');
  if (e.held === true && e.cancelled_by !== undefined) fail('cancelled_by', 'cancelled_when_held');
  if (e.held === false && e.cancelled_by === undefined) fail('cancelled_by', 'cancelled_by_missing');
  if (e.type === 'activity' && e.kind === undefined) fail('kind', 'kind_missing');
  if (e.type !== 'activity' && e.kind !== undefined) fail('kind', 'kind_not_activity');
  const end = e.end_date ?? null;
  if (end !== null) {
    if (!hasPeriod(e.type)) fail('end_date', 'end_not_span');
    else if (!isIsoDate(end)) fail('end_date', 'end_date_invalid');
    else if (isIsoDate(e.date) && end < e.date) fail('end_date', 'end_before_start');
  }
  return problems;
}
