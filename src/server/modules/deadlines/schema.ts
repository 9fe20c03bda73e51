import { Type, type Static } from '@sinclair/typebox';
import {
  CATEGORIES,
  DEADLINE_STATUSES,
  QUEUE_SORTS,
  QUEUE_STATUSES,
  SORT_ORDERS,
  TRACKS,
} from '../../../core/vocabulary.js';
import { IsoDate, literals, Nullable, PersonRef, PageQuery, Uuid } from '../../http/schemas.js';

// Deadlines of a case (the rule engine's verdict, explained) and the work queue built from them:
// the citizens with unmet deadlines, each once, with their most urgent deadline first.

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
    sort: Type.Optional(
      literals(QUEUE_SORTS, {
        description:
          'urgency (default): the most urgent deadline soonest first; name: the citizen; case_number; caseworker. Ties by urgency, name, case number.',
      }),
    ),
    order: Type.Optional(
      literals(SORT_ORDERS, { description: 'asc (default) or desc; turns the sort key round, not its ties' }),
    ),
  }),
  PageQuery(50, 200),
]);
export type QueueQuery = Static<typeof QueueQuery>;

/** An unmet deadline in the work queue. */
export const QueueDeadline = Type.Object({
  rule: Type.String(),
  title: Type.String(),
  title_en: Type.String(),
  due: IsoDate,
  status: literals(QUEUE_STATUSES),
  basis: Type.String(),
  explanation: Type.String(),
  explanation_en: Type.String(),
});
export type QueueDeadline = Static<typeof QueueDeadline>;

/** A citizen in the work queue: their open case and its deadlines that match the filters. */
export const QueueCitizen = Type.Object({
  case_id: Uuid,
  case_number: Type.String(),
  citizen_name: Type.String(),
  category: Nullable(literals(CATEGORIES)),
  track: Nullable(literals(TRACKS)),
  caseworker: Nullable(PersonRef),
  most_urgent: QueueDeadline,
  other_count: Type.Integer({ minimum: 0, description: 'how many more deadlines match: deadlines.length - 1' }),
  deadlines: Type.Array(QueueDeadline, {
    minItems: 1,
    description: 'every matching deadline of the case, soonest first; the first is most_urgent',
  }),
});
export type QueueCitizen = Static<typeof QueueCitizen>;

export const WorkQueue = Type.Object({
  counts: Type.Object(
    {
      open: Type.Integer(),
      overdue: Type.Integer(),
      total: Type.Integer({ description: 'open + overdue' }),
      citizens: Type.Integer({ description: 'citizens with at least one of these deadlines' }),
    },
    { description: 'Deadlines and citizens under the scope, rule and track filters, whatever the status filter' },
  ),
  total: Type.Integer({
    description: 'citizens matching every filter, the status filter too: the pages hold this many',
  }),
  items: Type.Array(QueueCitizen),
});
export type WorkQueue = Static<typeof WorkQueue>;
