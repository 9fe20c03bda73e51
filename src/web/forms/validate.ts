// A form's request body checked against the server's own TypeBox request schema before it is
// sent, so a person gets every problem in one round instead of the server's first one in a
// second. Each problem is put on the form's field (JSON pointer → API field → input) and said
// as a whole sentence that names the field.
import { FormatRegistry, TypeRegistry, type TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import type { TFunction } from 'i18next';
import { isIsoDate } from '../../core/rules/date.js';
import { isPlainText } from '../../core/text.js';
import type { FieldInfo, FieldMap } from '../hooks/problems.js';
import { formatNumber } from '../i18n/format.js';
import type { Language } from '../i18n/languages.js';

/** What is wrong with one field, before it is put into words. */
export type Issue =
  | { field: string; kind: 'required' | 'pattern' | 'choose' | 'integer' | 'number' | 'date' | 'invalid' }
  | { field: string; kind: 'tooLong' | 'tooShort'; limit: number; length: number }
  | { field: string; kind: 'minimum' | 'maximum'; limit: number };

/** API field → message, the shape `useFormState().check` takes. */
export type Found = Record<string, string>;

/** A check's findings as a form writes them: a field without a message found nothing. */
export type Findings = Readonly<Record<string, string | undefined>>;

// The server validates with Ajv; TypeBox's checker needs the same formats, and a checker for
// `literals()`, whose `enum` schemas are TypeBox's "Unsafe" kind. Registered once, here: only
// this module uses TypeBox's checker in the browser.
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/i;
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', (value) => isIsoDate(value));
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value));
if (!FormatRegistry.Has('text')) FormatRegistry.Set('text', isPlainText);
if (!FormatRegistry.Has('date-time'))
  FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
if (!TypeRegistry.Has('Unsafe')) {
  TypeRegistry.Set('Unsafe', (schema: { enum?: unknown; type?: unknown }, value: unknown) => {
    if (Array.isArray(schema.enum)) return schema.enum.includes(value);
    return schema.type === 'string' ? typeof value === 'string' : true;
  });
}

/** Characters as the server counts them (Ajv counts code points, so an emoji is one). */
export function characterCount(text: string): number {
  let count = 0;
  // Iterating a string goes by code point, which is what is wanted here (not graphemes).
  for (const _ of text) count += 1;
  return count;
}

/** "/arms/0/name" → "arms.0.name". */
function fieldOfPath(path: string): string {
  return path
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

// Errors that only say "not of this type": in a union they mark the branches the value is not.
const TYPE_MISMATCH: ReadonlySet<ValueErrorType> = new Set([
  ValueErrorType.String,
  ValueErrorType.Null,
  ValueErrorType.Number,
  ValueErrorType.Integer,
  ValueErrorType.Boolean,
  ValueErrorType.Object,
  ValueErrorType.Array,
  ValueErrorType.Literal,
  ValueErrorType.Undefined,
]);

/** For a union (e.g. text or null), the error of the branch the value was meant for. */
function unionError(error: ValueError): ValueError | undefined {
  const firsts = error.errors.map((branch) => branch.First()).filter((first) => first !== undefined);
  return firsts.find((first) => !TYPE_MISMATCH.has(first.type)) ?? firsts[0];
}

function numberLimit(schema: TSchema, key: 'minimum' | 'maximum' | 'minLength' | 'maxLength'): number {
  const limit: unknown = schema[key];
  return typeof limit === 'number' ? limit : 0;
}

type ErrorKind =
  | 'required'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'format'
  | 'choose'
  | 'minimum'
  | 'maximum'
  | 'integer'
  | 'number'
  | 'string'
  | 'union'
  | 'other';

// The TypeBox errors a request schema of ours can raise; any other is "invalid".
const ERROR_KINDS: ReadonlyMap<ValueErrorType, ErrorKind> = new Map([
  [ValueErrorType.ObjectRequiredProperty, 'required'],
  [ValueErrorType.StringMinLength, 'minLength'],
  [ValueErrorType.StringMaxLength, 'maxLength'],
  [ValueErrorType.StringPattern, 'pattern'],
  [ValueErrorType.StringFormat, 'format'],
  [ValueErrorType.Kind, 'choose'],
  [ValueErrorType.Literal, 'choose'],
  [ValueErrorType.IntegerMinimum, 'minimum'],
  [ValueErrorType.NumberMinimum, 'minimum'],
  [ValueErrorType.IntegerMaximum, 'maximum'],
  [ValueErrorType.NumberMaximum, 'maximum'],
  [ValueErrorType.Integer, 'integer'],
  [ValueErrorType.Number, 'number'],
  [ValueErrorType.String, 'string'],
  [ValueErrorType.Union, 'union'],
]);

/** The issue one TypeBox error stands for; undefined when it is not one (see maxLength). */
function issueOf(error: ValueError, field: string): Issue | undefined {
  const { schema, value } = error;
  const kind = ERROR_KINDS.get(error.type) ?? 'other';
  switch (kind) {
    case 'required':
      return { field, kind: 'required' };
    case 'minLength': {
      const limit = numberLimit(schema, 'minLength');
      const length = characterCount(String(value));
      if (limit <= 1 || String(value).trim() === '') return { field, kind: 'required' };
      return { field, kind: 'tooShort', limit, length };
    }
    case 'maxLength': {
      const limit = numberLimit(schema, 'maxLength');
      const length = characterCount(String(value));
      // TypeBox counts UTF-16 units, the server code points: only the server's count matters.
      return length > limit ? { field, kind: 'tooLong', limit, length } : undefined;
    }
    case 'pattern':
      return { field, kind: 'pattern' };
    // A date is typed; an id (uuid) is always picked from a list.
    case 'format':
      return schema.format === 'date' ? { field, kind: 'date' } : { field, kind: 'choose' };
    case 'choose':
      return { field, kind: 'choose' };
    case 'minimum':
      return { field, kind: 'minimum', limit: numberLimit(schema, 'minimum') };
    case 'maximum':
      return { field, kind: 'maximum', limit: numberLimit(schema, 'maximum') };
    case 'integer':
      return { field, kind: 'integer' };
    case 'number':
      return { field, kind: 'number' };
    case 'string':
      return value === undefined || value === null ? { field, kind: 'required' } : { field, kind: 'invalid' };
    case 'union': {
      const inner = unionError(error);
      return inner === undefined ? { field, kind: 'invalid' } : issueOf(inner, field);
    }
    case 'other':
      return { field, kind: 'invalid' };
  }
}

/** Every field the body gets wrong by the schema, the first problem of each, in schema order. */
export function schemaIssues(schema: TSchema, body: unknown): Issue[] {
  const issues = new Map<string, Issue>();
  for (const error of Value.Errors(schema, body)) {
    // Properties the schema does not know are the form's own mistake, never the person's.
    if (error.type === ValueErrorType.ObjectAdditionalProperties) continue;
    const field = fieldOfPath(error.path);
    if (issues.has(field)) continue;
    const issue = issueOf(error, field);
    if (issue !== undefined) issues.set(field, issue);
  }
  // TypeBox reports missing fields before wrong ones; people read a form top to bottom.
  const properties: unknown = schema.properties;
  const order = typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
  const rank = (issue: Issue): number => {
    const index = order.indexOf(issue.field.split('.')[0] ?? '');
    return index === -1 ? order.length : index;
  };
  return [...issues.values()].sort((a, b) => rank(a) - rank(b));
}

/** The field's name at the start of a sentence: its own ("Notatet") or "Feltet »Notat«". */
function subjectOf(field: string, info: FieldInfo | undefined, t: TFunction): string {
  if (info?.subject !== undefined) return info.subject;
  return t('validation.field', { label: info?.label ?? field });
}

/** One issue as a whole sentence in the UI language. */
export function issueMessage(issue: Issue, info: FieldInfo | undefined, t: TFunction, language: Language): string {
  const subject = subjectOf(issue.field, info, t);
  const label = info?.label ?? issue.field;
  switch (issue.kind) {
    case 'required':
      return t('validation.required', { subject });
    case 'tooLong':
      return t('validation.tooLong', {
        subject,
        max: formatNumber(issue.limit, language),
        length: formatNumber(issue.length, language),
      });
    case 'tooShort':
      return t('validation.tooShort', {
        subject,
        min: formatNumber(issue.limit, language),
        length: formatNumber(issue.length, language),
      });
    case 'minimum':
      return t('validation.minimum', { subject, min: formatNumber(issue.limit, language) });
    case 'maximum':
      return t('validation.maximum', { subject, max: formatNumber(issue.limit, language) });
    case 'pattern':
      return t('validation.pattern', { subject });
    case 'choose':
      return t('validation.choose', { label });
    case 'integer':
      return t('validation.integer', { subject });
    case 'number':
      return t('validation.number', { subject });
    case 'date':
      return t('validation.date', { subject });
    case 'invalid':
      return t('validation.invalid', { subject });
  }
}

/** The form field an API path belongs to: the whole path when the form names it, else its first part. */
function formFieldOf(field: string, fields: FieldMap): string {
  if (field in fields) return field;
  const first = field.split('.')[0] ?? field;
  return first in fields ? first : field;
}

/**
 * What the schema finds wrong with the body, by the form's field names, in words. A field the
 * form does not map keeps its API path and is listed without a link.
 */
export function validateBody(
  schema: TSchema,
  body: unknown,
  fields: FieldMap,
  t: TFunction,
  language: Language,
): Found {
  const found: Found = {};
  for (const issue of schemaIssues(schema, body)) {
    const field = formFieldOf(issue.field, fields);
    found[field] ??= issueMessage({ ...issue, field }, fields[field], t, language);
  }
  return found;
}

/**
 * Several checks' findings as one round: a field keeps the first message it got (list the
 * form's own, more specific checks first), and the problems follow the form's field order.
 */
export function mergeFound(fields: FieldMap, ...founds: readonly Findings[]): Found {
  const merged: Found = {};
  for (const found of founds) {
    for (const [field, message] of Object.entries(found)) if (message !== undefined) merged[field] ??= message;
  }
  const order = Object.keys(fields);
  const rank = (field: string): number => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => rank(a) - rank(b)));
}
