// Reading untrusted JSON field by field, collecting every problem as "path: message"
// (e.g. `events[3].date: not a date`) so one run tells the user all that is wrong.
import { isIsoDate, type IsoDate } from './date.js';

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly string[] };

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fieldPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value);
}

export class FieldReader {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path === '' ? '(top level)' : path}: ${message}`);
  }

  record(value: unknown, path: string): JsonRecord | undefined {
    if (isRecord(value)) return value;
    this.fail(path, `must be an object, got ${describe(value)}`);
    return undefined;
  }

  array(value: unknown, path: string): readonly unknown[] | undefined {
    if (Array.isArray(value)) return value as readonly unknown[];
    this.fail(path, `must be an array, got ${describe(value)}`);
    return undefined;
  }

  /** A required key; reports `path: required` when it is absent or null. */
  required(record: JsonRecord, key: string, base: string): unknown {
    const value = record[key];
    if (value !== undefined && value !== null) return value;
    this.fail(fieldPath(base, key), 'required');
    return undefined;
  }

  string(value: unknown, path: string): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.fail(path, `must be a non-empty string, got ${describe(value)}`);
    return undefined;
  }

  date(value: unknown, path: string): IsoDate | undefined {
    if (isIsoDate(value)) return value;
    this.fail(path, 'not a date');
    return undefined;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.fail(path, `not a boolean, got ${describe(value)}`);
    return undefined;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
    const found = allowed.find((option) => option === value);
    if (found === undefined) this.fail(path, `must be one of ${allowed.join(', ')}, got ${describe(value)}`);
    return found;
  }

  failure(): { readonly ok: false; readonly errors: readonly string[] } {
    return { ok: false, errors: [...this.errors] };
  }

  result<T>(value: T): Result<T> {
    return this.errors.length === 0 ? { ok: true, value } : this.failure();
  }
}
