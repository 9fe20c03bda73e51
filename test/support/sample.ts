// A plausible valid value for a JSON schema (as TypeBox writes them), so that a request
// built from a route's schema gets past validation and reaches the code that matters.

interface Schema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  pattern?: string;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  default?: unknown;
}

export function sample(schema: Schema, name = ''): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  if (schema.anyOf !== undefined)
    return sample(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0] ?? {}, name);
  switch (schema.type ?? '') {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = sample(value, key);
      return out;
    }
    case 'array':
      return [];
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'string':
      if (schema.format === 'date') return '2026-01-10';
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'date-time') return '2026-01-10T10:00:00.000Z';
      if (name === 'cpr') return '6101929875';
      if (name === 'email') return 'someone@example.dk';
      if (schema.pattern !== undefined) return '';
      return 'x'.repeat(Math.min(Math.max(schema.minLength ?? 1, 12), schema.maxLength ?? 12));
    default:
      return schema.default ?? null;
  }
}
