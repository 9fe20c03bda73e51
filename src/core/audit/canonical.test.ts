import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AuditCanonicalError,
  canonicalAuditEvent,
  canonicalJson,
  type AuditEvent,
  type JsonValue,
} from './canonical.js';

const event: AuditEvent = {
  municipality_id: 'm1',
  seq: 42n,
  occurred_at: new Date(Date.UTC(2026, 0, 2, 9, 30, 0, 123)),
  actor_id: 'u7',
  actor_role: 'caseworker',
  citizen_id: null,
  action: 'read',
  entity: 'plan',
  entity_id: 'p9',
  purpose: 'case_work',
  request_id: 'req-1',
  details: { z: 1, a: { y: [3, 'x', null, true], b: 'æ"\n' } },
};

// Written by hand from the rules: sorted keys, no whitespace, seq as a string, UTC millis.
const EXPECTED =
  '{"action":"read","actor_id":"u7","actor_role":"caseworker","citizen_id":null,' +
  '"details":{"a":{"b":"æ\\"\\n","y":[3,"x",null,true]},"z":1},"entity":"plan","entity_id":"p9",' +
  '"municipality_id":"m1","occurred_at":"2026-01-02T09:30:00.123Z","purpose":"case_work",' +
  '"request_id":"req-1","seq":"42"}';

describe('canonicalAuditEvent', () => {
  it('produces the documented form', () => {
    expect(canonicalAuditEvent(event)).toBe(EXPECTED);
  });

  it('gives the same text for the shapes a database driver may return', () => {
    const variants: AuditEvent[] = [
      { ...event, seq: 42 },
      { ...event, seq: '42' },
      { ...event, occurred_at: '2026-01-02T09:30:00.123Z' },
      { ...event, occurred_at: '2026-01-02T09:30:00.123456Z' },
      { ...event, details: { a: { b: 'æ"\n', y: [3, 'x', null, true] }, z: 1 } },
      { ...event, details: JSON.parse(JSON.stringify(event.details)) as AuditEvent['details'] },
    ];
    for (const variant of variants) expect(canonicalAuditEvent(variant)).toBe(EXPECTED);
    expect(canonicalAuditEvent({ ...event, municipality_id: 7n })).toBe(
      canonicalAuditEvent({ ...event, municipality_id: '7' }),
    );
  });

  it('ignores fields that are not part of the event', () => {
    const withExtra = { ...event, prev_hash: 'x', hash: 'y', id: 5 };
    expect(canonicalAuditEvent(withExtra)).toBe(EXPECTED);
  });

  it('rejects what would not survive storage, naming the field but not the value', () => {
    const bad: [Partial<AuditEvent>, string][] = [
      [{ seq: -1n }, 'seq'],
      [{ seq: '01' }, 'seq'],
      [{ seq: 1.5 }, 'seq'],
      [{ occurred_at: '2026-02-30T10:00:00Z' }, 'occurred_at'],
      [{ occurred_at: '2026-01-01T10:00:00+01:00' }, 'occurred_at'],
      [{ occurred_at: 'secret-yesterday' }, 'occurred_at'],
      [{ occurred_at: new Date(Number.NaN) }, 'occurred_at'],
      [{ details: { n: Number.NaN } }, '$.details.n'],
      [{ details: { n: 2 ** 53 } }, '$.details.n'],
      [{ details: { list: [1, undefined as unknown as JsonValue] } }, '$.details.list[1]'],
      [{ details: { when: new Date() as unknown as JsonValue } }, '$.details.when'],
      [{ details: { big: 1n as unknown as JsonValue } }, '$.details.big'],
      [{ actor_id: 1.5 }, 'actor_id'],
      [{ action: 5 as unknown as string }, 'action'],
    ];
    for (const [patch, field] of bad) {
      let error: unknown;
      try {
        canonicalAuditEvent({ ...event, ...patch });
      } catch (e) {
        error = e;
      }
      expect(error, field).toBeInstanceOf(AuditCanonicalError);
      expect((error as AuditCanonicalError).field).toBe(field);
      expect((error as Error).message).not.toContain('secret');
    }
  });
});

// JSON values the canonical form accepts: finite numbers, integers within 2^53.
const json: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('canonicalJson', () => {
  it('parses back to the same value and is a fixed point', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        const parsed = JSON.parse(text) as JsonValue;
        expect(parsed).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(parsed)).toBe(text);
        expect(text).not.toMatch(/^\s|\s$/);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json, { maxKeys: 8 }), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts keys by UTF-16 code units', () => {
    expect(canonicalJson({ b: 1, a: 2, B: 3, å: 4, '': 5, aa: 6 })).toBe('{"":5,"B":3,"a":2,"aa":6,"b":1,"å":4}');
  });
});
