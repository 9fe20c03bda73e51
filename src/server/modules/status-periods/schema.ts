import { Type, type Static } from '@sinclair/typebox';
import { PERIOD_SOURCES, PERIOD_STATUSES } from '../../../core/vocabulary.js';
import { IsoDate, literals, Nullable, Uuid, Version } from '../../http/schemas.js';

// Status periods: what the citizen was doing from when to when (ordinary job, internship, …),
// recorded on the case. The one source of an experiment's weekly outcomes.

export const PeriodParams = Type.Object({ caseId: Uuid, periodId: Uuid });

export const StatusPeriodInput = Type.Object(
  {
    status: literals(PERIOD_STATUSES),
    start_date: IsoDate,
    end_date: Type.Optional(Nullable(IsoDate)),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type StatusPeriodInput = Static<typeof StatusPeriodInput>;

export const StatusPeriod = Type.Object({
  id: Uuid,
  status: literals(PERIOD_STATUSES),
  start_date: IsoDate,
  end_date: Nullable(IsoDate),
  source: literals(PERIOD_SOURCES),
  note: Nullable(Type.String()),
  voided: Type.Boolean(),
  version: Type.Integer(),
});
export type StatusPeriod = Static<typeof StatusPeriod>;

export const StatusPeriods = Type.Array(StatusPeriod);

export const EndPeriodInput = Type.Object({ end_date: IsoDate, version: Version }, { additionalProperties: false });
export type EndPeriodInput = Static<typeof EndPeriodInput>;
