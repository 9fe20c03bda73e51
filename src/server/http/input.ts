// Input rules every request schema gets, so that no value a client can send reaches the database
// in a form it refuses (PostgreSQL rejects NUL in text, int4 columns overflow at 2³¹): such input
// is the client's mistake and answers 400, never 500. Applied to each route's request schemas as
// they are registered, so a new `Type.String()` in a module's schema.ts is covered without anyone
// remembering to.

import type { FastifyInstance } from 'fastify';
import { isPlainText } from '../../core/text.js';

export { isPlainText };

/** Every string anywhere in a JSON value (keys too) is plain text. */
export function isPlainDeep(value: unknown): boolean {
  if (typeof value === 'string') return isPlainText(value);
  if (Array.isArray(value)) return value.every(isPlainDeep);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).every(([key, inner]) => isPlainText(key) && isPlainDeep(inner));
  return true;
}

/** The JSON schema format of plain text (see isPlainText). */
export const TEXT_FORMAT = 'text';
/** Keyword for schemas that accept any JSON (`Type.Unknown()`): every string inside is plain text. */
export const PLAIN_KEYWORD = 'x-plain-text';
/**
 * Keyword for numbers: finite. Ajv turns `?offset=Infinity` into a number and then skips
 * `minimum` and `maximum`, which it checks on finite numbers only.
 */
export const FINITE_KEYWORD = 'x-finite';
/** int4, the type of every integer column: the bounds of an integer field that names none. */
export const INT_MAX = 2_147_483_647;
export const INT_MIN = -2_147_483_648;

/**
 * Fastify's `ajv` option. No array coercion: `"date": ["2026-11-20"]` is a list, not a date.
 * (Fastify's default, `coerceTypes: 'array'`, accepts it.) Strings in the query and path still
 * become numbers and booleans where the schema says so.
 */
export const ajvOptions = {
  customOptions: {
    coerceTypes: true,
    formats: { [TEXT_FORMAT]: isPlainText },
    keywords: [
      { keyword: PLAIN_KEYWORD, schemaType: 'boolean' as const, errors: false, validate: isPlainSchema },
      { keyword: FINITE_KEYWORD, schemaType: 'boolean' as const, errors: false, validate: isFiniteSchema },
    ],
  },
};

function isFiniteSchema(enabled: boolean, data: unknown): boolean {
  return !enabled || typeof data !== 'number' || Number.isFinite(data);
}

function isPlainSchema(enabled: boolean, data: unknown): boolean {
  return !enabled || isPlainDeep(data);
}

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const VALUE_KEYWORDS = ['type', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'not', '$ref', 'properties', 'items'];

/** A copy of a request schema with the input rules on every string, integer and free value. */
export function withInputRules(schema: unknown): unknown {
  if (!isSchema(schema)) return schema;
  const out: Schema = { ...schema };
  for (const key of ['properties', 'patternProperties']) {
    const inner = schema[key];
    if (isSchema(inner))
      out[key] = Object.fromEntries(Object.entries(inner).map(([name, value]) => [name, withInputRules(value)]));
  }
  for (const key of ['items', 'additionalProperties', 'not']) {
    if (isSchema(schema[key])) out[key] = withInputRules(schema[key]);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const list = schema[key];
    if (Array.isArray(list)) out[key] = list.map(withInputRules);
  }
  const types = [schema.type].flat();
  if (
    types.includes('string') &&
    schema.format === undefined &&
    schema.enum === undefined &&
    schema.const === undefined
  )
    out.format = TEXT_FORMAT;
  if (types.includes('integer') || types.includes('number')) {
    // The same bounds for numbers: beyond them, no column or calculation of ours has a use for one.
    out.maximum ??= INT_MAX;
    out.minimum ??= INT_MIN;
    out[FINITE_KEYWORD] = true;
  }
  if (!VALUE_KEYWORDS.some((key) => key in schema)) out[PLAIN_KEYWORD] = true;
  return out;
}

const PARTS = ['body', 'querystring', 'params', 'headers'] as const;

/** Puts the input rules on the request schemas of every route registered after this call. */
export function registerInputRules(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as Schema | undefined;
    if (schema === undefined) return;
    const hardened: Schema = { ...schema };
    for (const part of PARTS) if (schema[part] !== undefined) hardened[part] = withInputRules(schema[part]);
    route.schema = hardened;
  });
}
