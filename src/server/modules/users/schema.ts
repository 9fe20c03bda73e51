import { Type, type Static } from '@sinclair/typebox';
import { ROLES, STAFF_ROLES } from '../../../core/access/roles.js';
import { literals, Uuid } from '../../http/schemas.js';

// Staff accounts with local passwords (the embedded set-up; production logs in through OIDC).

export const NewUser = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320, pattern: '^[^@\\s]+@[^@\\s]+$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(literals(STAFF_ROLES), { minItems: 1, maxItems: 6, uniqueItems: true }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    team_id: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type NewUser = Static<typeof NewUser>;

export const UserBody = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  roles: Type.Array(literals(ROLES)),
  disabled: Type.Boolean(),
});
export type UserBody = Static<typeof UserBody>;
export const Users = Type.Array(UserBody);

export const PasswordChange = Type.Object(
  {
    current_password: Type.String({ minLength: 1, maxLength: 1024 }),
    new_password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type PasswordChange = Static<typeof PasswordChange>;
