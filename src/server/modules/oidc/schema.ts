import { Type } from '@sinclair/typebox';

export const ProviderParams = Type.Object({ providerId: Type.String({ format: 'uuid' }) });

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

export const ProviderList = Type.Array(
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    municipality: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
    audience: Type.Union([Type.Literal('staff'), Type.Literal('citizen')]),
    label: Type.String(),
  }),
);
