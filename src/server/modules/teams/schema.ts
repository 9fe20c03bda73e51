import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../../../core/access/roles.js';
import { Instant, literals, Nullable, PersonRef, Uuid, Version } from '../../http/schemas.js';

// Teams: caseloads against the team's cap, the cap itself, and cases opened by breaking the glass.

export const TeamParams = Type.Object({ teamId: Uuid });

export const TeamBody = Type.Object({
  id: Uuid,
  name: Type.String(),
  caseload_cap: Type.Integer(),
  leader: Nullable(PersonRef),
  version: Type.Integer(),
});
export type TeamBody = Static<typeof TeamBody>;
export const Teams = Type.Array(TeamBody);

export const TeamPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    caseload_cap: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    version: Version,
  },
  { additionalProperties: false },
);
export type TeamPatch = Static<typeof TeamPatch>;

export const Caseload = Type.Object({
  id: Uuid,
  name: Type.String(),
  roles: Type.Array(literals(ROLES)),
  open_cases: Type.Integer(),
  /** The team's cap, or lower when the caseworker serves an experiment arm with its own cap. */
  cap: Type.Integer(),
  over_cap: Type.Boolean(),
});
export type Caseload = Static<typeof Caseload>;
export const TeamCaseloads = Type.Object({ team: TeamBody, members: Type.Array(Caseload) });
export type TeamCaseloads = Static<typeof TeamCaseloads>;

export const Grant = Type.Object({
  case_id: Uuid,
  case_number: Type.String(),
  user: PersonRef,
  reason: Type.String(),
  granted_at: Instant,
  expires_at: Instant,
});
export type Grant = Static<typeof Grant>;
export const Grants = Type.Array(Grant);
