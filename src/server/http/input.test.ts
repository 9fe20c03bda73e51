import { describe, expect, it } from 'vitest';
import {
  FINITE_KEYWORD,
  INT_MAX,
  isPlainDeep,
  isPlainText,
  PLAIN_KEYWORD,
  TEXT_FORMAT,
  withInputRules,
} from './input.js';

describe('plain text', () => {
  it('refuses NUL, other C0 controls and lone surrogates, and keeps tab, line breaks and emoji', () => {
    expect(isPlainText('Birgitte\tHansen\r\nVej 1 😀 ÆØÅ')).toBe(true);
    for (const bad of ['a\u0000b', '\u0001', '\u001b[31m', '\u000b', '\u000c', '\ud800', 'x\udfffy', '😀\ud83d'])
      expect(isPlainText(bad)).toBe(false);
  });

  it('looks into keys and values of free JSON', () => {
    expect(isPlainDeep([{ a: ['b', 1, null, { c: 'd' }] }])).toBe(true);
    expect(isPlainDeep([{ a: ['b', { c: 'd\u0000' }] }])).toBe(false);
    expect(isPlainDeep({ 'k\u0000': 1 })).toBe(false);
  });
});

describe('input rules on a request schema', () => {
  const schema = {
    type: 'object',
    properties: {
      name: { type: 'string', maxLength: 10 },
      id: { type: 'string', format: 'uuid' },
      kind: { type: 'string', enum: ['a', 'b'] },
      count: { type: 'integer', minimum: 0 },
      note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      list: { type: 'array', items: {} },
    },
  };
  type Out = Record<string, unknown> & { anyOf?: Record<string, unknown>[]; items?: object };
  const hardened = withInputRules(schema) as { properties: Partial<Record<string, Out>> };

  it('puts the text format on free strings only, bounds integers, and checks free JSON', () => {
    expect(hardened.properties.name?.format).toBe(TEXT_FORMAT);
    expect(hardened.properties.id?.format).toBe('uuid');
    expect(hardened.properties.kind?.format).toBeUndefined();
    expect(hardened.properties.count).toMatchObject({ minimum: 0, maximum: INT_MAX, [FINITE_KEYWORD]: true });
    expect(hardened.properties.note?.anyOf?.[0]?.format).toBe(TEXT_FORMAT);
    expect(hardened.properties.list?.items).toEqual({ [PLAIN_KEYWORD]: true });
  });

  it('leaves the original schema as it was', () => {
    expect(schema.properties.name).toEqual({ type: 'string', maxLength: 10 });
    expect(schema.properties.list.items).toEqual({});
  });
});
