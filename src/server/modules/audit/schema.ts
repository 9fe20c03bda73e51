import { Type, type Static } from '@sinclair/typebox';
import { Instant, Nullable, Uuid } from '../../http/schemas.js';

export const CitizenParams = Type.Object({ citizenId: Uuid });

export const AccessEvent = Type.Object({
  seq: Type.Integer(),
  occurred_at: Instant,
  actor: Type.Object({ id: Type.String(), name: Nullable(Type.String()), role: Type.String() }),
  action: Type.String(),
  entity: Type.String(),
  purpose: Type.String(),
});
export type AccessEvent = Static<typeof AccessEvent>;
export const AccessLog = Type.Array(AccessEvent);

export const AccessLogQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type AccessLogQuery = Static<typeof AccessLogQuery>;
