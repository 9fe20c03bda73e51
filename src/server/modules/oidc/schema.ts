import { Type, type Static } from '@sinclair/typebox';
import { USER_KINDS } from '../../../core/vocabulary.js';
import { literals, Uuid } from '../../http/schemas.js';

// Login with OpenID Connect: the providers to choose from, and the redirects to and from them.

export const ProviderParams = Type.Object({ providerId: Uuid });

export const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4096 })),
    state: Type.Optional(Type.String({ maxLength: 1024 })),
    iss: Type.Optional(Type.String({ maxLength: 2048 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 4096 })),
  },
  // Providers may add parameters of their own (session_state, …); openid-client judges the whole response.
  { additionalProperties: true },
);

export const Redirect = Type.Null({ description: 'Redirect; see the Location header' });

export const LoginProvider = Type.Object({
  id: Uuid,
  municipality: Type.Object({ id: Uuid, name: Type.String() }),
  audience: literals(USER_KINDS, { description: 'staff: the municipal identity provider; citizen: the MitID broker' }),
  label: Type.String(),
});
export type LoginProvider = Static<typeof LoginProvider>;
export const ProviderList = Type.Array(LoginProvider);
export type ProviderList = Static<typeof ProviderList>;
