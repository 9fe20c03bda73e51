import { Type, type TUnsafe } from '@sinclair/typebox';

// Building blocks of every module's schema.ts. The schemas are the API's one contract: the
// server validates and serialises with them, the web app takes its types from them
// (`import type`, `Static<typeof …>`), and OpenAPI documents them. So schema files import only
// TypeBox, src/core and this file: nothing that needs Node.

/**
 * One of the values of a src/core/vocabulary.ts list, typed as the list's union. Written as a JSON
 * schema `enum` rather than a union of constants: the same check and message, an `enum` in the
 * OpenAPI document that client generators turn into one, and serialisation without trying
 * every branch.
 */
export const literals = <T extends string>(values: readonly T[], options: { description?: string } = {}): TUnsafe<T> =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });

/**
 * Years 1900 to 2199: wide enough for every birth date and deadline, narrow enough to catch a typo
 * (`0226`, `20226`) that the date format alone lets through. plugins/errors.ts words the message.
 */
export const DATE_RANGE_PATTERN = '^(19|20|21)[0-9]{2}-';
export const IsoDate = Type.String({
  format: 'date',
  pattern: DATE_RANGE_PATTERN,
  description: 'YYYY-MM-DD, from 1900-01-01 to 2199-12-31',
});
export const Instant = Type.String({ format: 'date-time' });
export const Uuid = Type.String({ format: 'uuid' });
/**
 * Required text of a person: at least one character, at most `max`, and no control characters or
 * lone surrogates (format `text`, http/input.ts; every other request string gets it there too).
 */
export const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, format: 'text' });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const PersonRef = Type.Object({ id: Uuid, name: Type.String() });
/** At most 2³¹ − 1: version columns are int4. */
export const Version = Type.Integer({
  minimum: 1,
  maximum: 2_147_483_647,
  description: 'the version you read; a stale one answers 409',
});

/** `?limit=&offset=` of a list route. */
export const PageQuery = (defaultLimit: number, maxLimit: number) =>
  Type.Object({
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: maxLimit, default: defaultLimit })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  });

/** A page of a list: the total and the items on this page. */
export const Paged = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ total: Type.Integer(), items: Type.Array(item) });

/** The body of every 4xx/5xx answer. */
export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'stable error code, e.g. invalid_input' }),
    message: Type.String({ description: 'for people, in Danish or English' }),
  },
  { additionalProperties: true, $id: 'ErrorBody' },
);

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
} as const;
