import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../../../core/access/roles.js';
import { literals, Nullable } from '../../http/schemas.js';

export const SessionBody = Type.Object({
  user: Nullable(
    Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), roles: Type.Array(literals(ROLES)) }),
  ),
  municipality: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
});
export type SessionBody = Static<typeof SessionBody>;

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;
