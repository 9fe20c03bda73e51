// Small readers that turn the API's JSON into typed values, failing loudly on a shape the
// app does not expect (the client reports that as `unexpected_response`).

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object(value: unknown, what: string): JsonObject {
  if (!isObject(value)) throw new Error(`${what} is not an object`);
  return value;
}

export function text(from: JsonObject, key: string): string {
  const value = from[key];
  if (typeof value !== 'string') throw new Error(`${key} is not text`);
  return value;
}

export function textOrNull(from: JsonObject, key: string): string | null {
  const value = from[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new Error(`${key} is neither text nor null`);
  return value;
}

export function integer(from: JsonObject, key: string): number {
  const value = from[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${key} is not an integer`);
  return value;
}

export function boolean(from: JsonObject, key: string): boolean {
  const value = from[key];
  if (typeof value !== 'boolean') throw new Error(`${key} is not true or false`);
  return value;
}

export function oneOf<T extends string>(from: JsonObject, key: string, values: readonly T[]): T {
  const value = from[key];
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`${key} is not one of ${values.join(', ')}`);
  return found;
}

export function oneOfOrNull<T extends string>(from: JsonObject, key: string, values: readonly T[]): T | null {
  return from[key] === null || from[key] === undefined ? null : oneOf(from, key, values);
}

export function list<T>(value: unknown, what: string, item: (entry: unknown) => T): T[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value.map(item);
}

export interface PersonRef {
  id: string;
  name: string;
}

export function personOrNull(value: unknown): PersonRef | null {
  if (value === null || value === undefined) return null;
  const person = object(value, 'person');
  return { id: text(person, 'id'), name: text(person, 'name') };
}

/** A page of a list the server pages through. */
export interface Paged<T> {
  total: number;
  items: T[];
}

export function paged<T>(json: unknown, item: (entry: unknown) => T): Paged<T> {
  const body = object(json, 'page');
  return { total: integer(body, 'total'), items: list(body.items, 'items', item) };
}
