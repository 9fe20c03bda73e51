// The facts of one case that deadlines are counted from, and their validation.
import { isAfter, type IsoDate } from './date.js';
import { FieldReader, fieldPath, type JsonRecord, type Result } from './fields.js';
import { CATEGORIES, EVENT_TYPES, TRACKS, type Category, type Track } from '../vocabulary.js';

export { CATEGORIES, CONVERSATION_TYPES, EVENT_TYPES, SPAN_TYPES, TRACKS } from '../vocabulary.js';
export type { Category, EventType, Track } from '../vocabulary.js';

export interface ConversationEvent {
  readonly type: 'conversation' | 'resource_conversation';
  readonly date: IsoDate;
  readonly held: boolean;
  readonly mode?: string;
  readonly cancelled_by?: string;
}
export interface ActivityEvent {
  readonly type: 'activity';
  readonly date: IsoDate;
  readonly kind: string;
  /** Last day of the activity; null while it runs open-ended. */
  readonly end: IsoDate | null;
}
export interface MentorEvent {
  readonly type: 'mentor';
  readonly date: IsoDate;
  readonly end: IsoDate | null;
}
export interface PointEvent {
  readonly type: 'company_consultant_contact' | 'rehab_team_referral';
  readonly date: IsoDate;
}
export type CaseEvent = ConversationEvent | ActivityEvent | MentorEvent | PointEvent;

export interface CaseFacts {
  /** First contact with the job centre (the law's "henvendelse"). */
  readonly registered: IsoDate;
  /** Start of the continuous period on benefit; may be years before `registered`. */
  readonly benefit_start: IsoDate | null;
  readonly category: Category;
  /** Only for activity-ready citizens. */
  readonly track: Track | null;
  readonly events: readonly CaseEvent[];
}

function optionalText(reader: FieldReader, record: JsonRecord, key: string, base: string): string | undefined {
  const value = record[key];
  return value === undefined || value === null ? undefined : reader.string(value, fieldPath(base, key));
}

function optionalEnd(
  reader: FieldReader,
  record: JsonRecord,
  base: string,
  start: IsoDate | undefined,
): IsoDate | null | undefined {
  const value = record.end;
  if (value === undefined || value === null) return null;
  const end = reader.date(value, fieldPath(base, 'end'));
  if (end === undefined || start === undefined || !isAfter(start, end)) return end;
  reader.fail(fieldPath(base, 'end'), `before the start date ${start}`);
  return undefined;
}

function readEvent(reader: FieldReader, raw: unknown, base: string): CaseEvent | undefined {
  const record = reader.record(raw, base);
  if (record === undefined) return undefined;
  const dateValue = reader.required(record, 'date', base);
  const date = dateValue === undefined ? undefined : reader.date(dateValue, fieldPath(base, 'date'));
  const typeValue = reader.required(record, 'type', base);
  if (typeValue === undefined) return undefined;
  const type = EVENT_TYPES.find((t) => t === typeValue);
  if (type === undefined) {
    reader.fail(fieldPath(base, 'type'), `unknown event type ${JSON.stringify(typeValue)}`);
    return undefined;
  }
  switch (type) {
    case 'conversation':
    case 'resource_conversation': {
      const heldValue = reader.required(record, 'held', base);
      const held = heldValue === undefined ? undefined : reader.boolean(heldValue, fieldPath(base, 'held'));
      const mode = optionalText(reader, record, 'mode', base);
      const cancelledBy = optionalText(reader, record, 'cancelled_by', base);
      if (date === undefined || held === undefined) return undefined;
      return {
        type,
        date,
        held,
        ...(mode === undefined ? {} : { mode }),
        ...(cancelledBy === undefined ? {} : { cancelled_by: cancelledBy }),
      };
    }
    case 'activity': {
      const kindValue = reader.required(record, 'kind', base);
      const kind = kindValue === undefined ? undefined : reader.string(kindValue, fieldPath(base, 'kind'));
      const end = optionalEnd(reader, record, base, date);
      return date === undefined || kind === undefined || end === undefined ? undefined : { type, date, kind, end };
    }
    case 'mentor': {
      const end = optionalEnd(reader, record, base, date);
      return date === undefined || end === undefined ? undefined : { type, date, end };
    }
    case 'company_consultant_contact':
    case 'rehab_team_referral':
      return date === undefined ? undefined : { type, date };
  }
}

/**
 * Validates a case as read from JSON. Errors name the field, e.g. `events[3].date: not a date`.
 * Unknown keys are ignored so that callers may carry their own data along.
 */
export function parseCaseInput(json: unknown): Result<CaseFacts> {
  const reader = new FieldReader();
  const record = reader.record(json, '');
  if (record === undefined) return reader.failure();

  const registeredValue = reader.required(record, 'registered', '');
  const registered = registeredValue === undefined ? undefined : reader.date(registeredValue, 'registered');
  const benefitValue = record.benefit_start;
  const benefitStart =
    benefitValue === undefined || benefitValue === null ? null : reader.date(benefitValue, 'benefit_start');

  const categoryValue = reader.required(record, 'category', '');
  const category = categoryValue === undefined ? undefined : reader.oneOf(categoryValue, CATEGORIES, 'category');
  const trackValue = record.track;
  let track: Track | null | undefined = null;
  if (trackValue !== undefined && trackValue !== null) {
    track = reader.oneOf(trackValue, TRACKS, 'track');
    if (track !== undefined && category === 'job_ready') {
      reader.fail('track', 'only activity-ready citizens have a track');
      track = undefined;
    }
  }

  const eventsValue = record.events ?? [];
  const rawEvents = reader.array(eventsValue, 'events') ?? [];
  const events = rawEvents.map((raw, index) => readEvent(reader, raw, fieldPath('events', index)));

  if (registered === undefined || benefitStart === undefined || category === undefined || track === undefined) {
    return reader.failure();
  }
  const complete = events.filter((event): event is CaseEvent => event !== undefined);
  return reader.result({ registered, benefit_start: benefitStart, category, track, events: complete });
}
