// Canonical serialisation of audit events for the hash chain.
//
// The bytes hashed must be the same when an event is written and years later when it is read
// back from the database and verified, whatever driver, key order or number type came back.
// So: object keys sorted (UTF-16 code unit order, as RFC 8785 JCS), no whitespace, strings and
// numbers as JSON.stringify writes them, ids and seq as decimal strings, instants as
// `Date.prototype.toISOString()` (UTC, millisecond precision).

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** An id column: uuid/text as string, int8 as bigint, number or decimal string. */
export type AuditId = string | bigint | number;

export interface AuditEvent {
  readonly municipality_id: AuditId;
  /** Position in the municipality's chain, 1 for the first event. */
  readonly seq: bigint | number | string;
  readonly occurred_at: Date | string;
  readonly actor_id: AuditId;
  readonly actor_role: string;
  readonly citizen_id: AuditId | null;
  readonly action: string;
  readonly entity: string;
  readonly entity_id: AuditId;
  readonly purpose: string;
  readonly request_id: string;
  readonly details: JsonObject;
}

/** Thrown when an event cannot be serialised canonically; names the field, never its value. */
export class AuditCanonicalError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`audit event field ${field}: ${problem}`);
    this.name = 'AuditCanonicalError';
  }
}

/** The canonical JSON text of an audit event: the exact string that is hashed. */
export function canonicalAuditEvent(event: AuditEvent): string {
  return canonicalJson({
    municipality_id: idText(event.municipality_id, 'municipality_id'),
    seq: canonicalSeq(event.seq).toString(),
    occurred_at: canonicalInstant(event.occurred_at),
    actor_id: idText(event.actor_id, 'actor_id'),
    actor_role: text(event.actor_role, 'actor_role'),
    citizen_id: event.citizen_id === null ? null : idText(event.citizen_id, 'citizen_id'),
    action: text(event.action, 'action'),
    entity: text(event.entity, 'entity'),
    entity_id: idText(event.entity_id, 'entity_id'),
    purpose: text(event.purpose, 'purpose'),
    request_id: text(event.request_id, 'request_id'),
    details: event.details,
  });
}

/** Sorted keys, no whitespace; rejects values JSON (or PostgreSQL jsonb) would not give back. */
export function canonicalJson(value: JsonValue): string {
  return serialise(value, '$');
}

// Takes unknown: details come from callers and from the database, so the types are checked
// at run time as well.
function serialise(value: unknown, path: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new AuditCanonicalError(path, 'number is not finite');
    // Beyond 2^53 a value read back from jsonb no longer equals the one hashed.
    if (Number.isInteger(value) && !Number.isSafeInteger(value))
      throw new AuditCanonicalError(path, 'integer beyond 2^53; store it as a string');
    return JSON.stringify(value);
  }
  if (typeof value === 'object')
    return Array.isArray(value) ? serialiseArray(value, path) : serialiseObject(value, path);
  throw new AuditCanonicalError(path, `${typeof value} is not JSON`);
}

function serialiseArray(items: readonly unknown[], path: string): string {
  return `[${items
    .map((item, i) => {
      const itemPath = `${path}[${String(i)}]`;
      if (item === undefined) throw new AuditCanonicalError(itemPath, 'undefined is not JSON');
      return serialise(item, itemPath);
    })
    .join(',')}]`;
}

function serialiseObject(object: object, path: string): string {
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null)
    throw new AuditCanonicalError(path, 'only plain objects are JSON objects');
  const members: string[] = [];
  for (const [key, member] of Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // JSON drops undefined members, so the stored event never has them either.
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${serialise(member, `${path}.${key}`)}`);
  }
  return `{${members.join(',')}}`;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** seq as a bigint, from any of the shapes drivers return for int8. */
export function canonicalSeq(seq: bigint | number | string): bigint {
  if (typeof seq === 'bigint') {
    if (seq < 0n) throw new AuditCanonicalError('seq', 'must not be negative');
    return seq;
  }
  if (typeof seq === 'number') {
    if (!Number.isSafeInteger(seq) || seq < 0)
      throw new AuditCanonicalError('seq', 'must be a non-negative safe integer');
    return BigInt(seq);
  }
  if (!DECIMAL.test(seq)) throw new AuditCanonicalError('seq', 'must be a decimal integer');
  return BigInt(seq);
}

const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;

/** `YYYY-MM-DDTHH:mm:ss.sssZ`. Strings must already be UTC ('Z') and name a real instant. */
export function canonicalInstant(value: Date | string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new AuditCanonicalError('occurred_at', 'invalid date');
    return value.toISOString();
  }
  const match = UTC_INSTANT.exec(value);
  const date = new Date(value);
  if (match === null || Number.isNaN(date.getTime()))
    throw new AuditCanonicalError('occurred_at', 'must be an ISO 8601 UTC instant ending in Z');
  // Date rolls 30 February over into March; insist the fields survive parsing unchanged.
  const fields = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  if (fields.some((field, i) => field !== Number(match[i + 1])))
    throw new AuditCanonicalError('occurred_at', 'names no real instant');
  return date.toISOString();
}

function idText(id: unknown, field: string): string {
  if (typeof id === 'bigint') return id.toString();
  if (typeof id === 'number') {
    if (!Number.isSafeInteger(id)) throw new AuditCanonicalError(field, 'numeric id must be a safe integer');
    return id.toString();
  }
  return text(id, field);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new AuditCanonicalError(field, 'must be a string');
  return value;
}
