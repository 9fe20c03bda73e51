// The limits a request schema sets on one field, so the form can say them before anyone types
// ("Højst 200 tegn.") and count down on long text, from the same numbers the server checks.
import type { TSchema } from '@sinclair/typebox';

export interface FieldLimits {
  /** Whether the body must have the field. */
  required: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** From this many characters allowed, a text area counts down instead of stating the limit once. */
export const COUNTER_FROM = 500;

function numberAt(schema: TSchema, key: keyof Omit<FieldLimits, 'required'>): number | undefined {
  const value: unknown = schema[key];
  return typeof value === 'number' ? value : undefined;
}

/** The branch of a union that is not null: the one a person fills in. */
function filledBranch(schema: TSchema): TSchema {
  const branches: unknown = schema.anyOf;
  if (!Array.isArray(branches)) return schema;
  const filled = branches.find(
    (branch): branch is TSchema =>
      typeof branch === 'object' && branch !== null && (branch as { type?: unknown }).type !== 'null',
  );
  return filled ?? schema;
}

/** The field's limits in an object schema; an unknown field has none. */
export function limitsOf(schema: TSchema, field: string): FieldLimits {
  const properties: unknown = schema.properties;
  const property: unknown =
    typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>)[field] : undefined;
  if (typeof property !== 'object' || property === null) return { required: false };
  const required: unknown = schema.required;
  const limits: FieldLimits = { required: Array.isArray(required) && required.includes(field) };
  const filled = filledBranch(property as TSchema);
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum'] as const) {
    const value = numberAt(filled, key);
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
