import { Type, type Static } from '@sinclair/typebox';
import { DEADLINE_STATUSES, QUEUE_STATUSES, TRACKS, CATEGORIES } from '../../../core/vocabulary.js';
import { IsoDate, literals, Nullable, PersonRef, PageQuery, Uuid } from '../../http/schemas.js';

// Deadlines of a case (the rule engine's verdict, explained) and the work queue built from them.

export const Deadline = Type.Object({
  rule: Type.String(),
  title: Type.String(),
  title_en: Type.String(),
  due: IsoDate,
  status: literals(DEADLINE_STATUSES),
  met_on: Nullable(IsoDate),
  basis: Type.String(),
  explanation: Type.String(),
  explanation_en: Type.String(),
});
export type Deadline = Static<typeof Deadline>;

export const QueueQuery = Type.Composite([
  Type.Object({
    scope: Type.Optional(literals(['mine', 'team'] as const)),
    rule: Type.Optional(Type.String({ maxLength: 100 })),
    track: Type.Optional(literals(TRACKS)),
    status: Type.Optional(literals(QUEUE_STATUSES)),
  }),
  PageQuery(50, 200),
]);
export type QueueQuery = Static<typeof QueueQuery>;

export const QueueItem = Type.Object({
  case_id: Uuid,
  case_number: Type.String(),
  citizen_name: Type.String(),
  rule: Type.String(),
  title: Type.String(),
  title_en: Type.String(),
  due: IsoDate,
  status: literals(QUEUE_STATUSES),
  basis: Type.String(),
  explanation: Type.String(),
  explanation_en: Type.String(),
  category: Nullable(literals(CATEGORIES)),
  track: Nullable(literals(TRACKS)),
  caseworker: Nullable(PersonRef),
});
export type QueueItem = Static<typeof QueueItem>;

export const WorkQueue = Type.Object({
  counts: Type.Object({ open: Type.Integer(), overdue: Type.Integer(), total: Type.Integer() }),
  items: Type.Array(QueueItem),
});
export type WorkQueue = Static<typeof WorkQueue>;
