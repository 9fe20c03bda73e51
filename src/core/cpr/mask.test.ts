import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsCprLike, findCprLike, maskCpr, redactCprLike } from './mask.js';

describe('maskCpr', () => {
  it('keeps the date and hides the serial', () => {
    expect(maskCpr('0101901234')).toBe('010190-xxxx');
    expect(maskCpr('010190-1234')).toBe('010190-xxxx');
  });

  it('masks anything else completely instead of echoing it', () => {
    for (const input of ['', 'abc', '01019012', '010190 1234', '01019012345'])
      expect(maskCpr(input)).toBe('xxxxxx-xxxx');
  });
});

describe('containsCprLike', () => {
  it.each([
    ['cpr=010190-1234', true],
    ['{"cpr":"0101901234"}', true],
    ['citizen 6101901234 replacement form', true],
    ['line\n290200-4001\n', true],
    ['cpr_0101901234', true],
    ['12345678901 is eleven digits', false],
    ['9999999999', false],
    ['3201901234 has day 32', false],
    ['290200-0001 has 29 Feb 1900', false],
    ['2026-01-01T10:00:00.000Z', false],
    ['phone 12345678', false],
    ['request 3f0101901234ab', false],
    ['id 0101901234a', false],
    ['010190-12345', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(containsCprLike(text)).toBe(expected);
  });

  it('finds a valid number wherever it sits between separators', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '=', ':', '"', 'x', '\n') }),
        fc.boolean(),
        fc.string({ unit: fc.constantFrom('b', ' ', ',', '}', '"', '\n') }),
        (before, hyphen, after) => {
          const text = `${before} ${hyphen ? '150387-2219' : '1503872219'} ${after}`;
          expect(containsCprLike(text)).toBe(true);
        },
      ),
    );
  });

  it('does not flag UUIDs', () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { maxLength: 20 }), (ids) => {
        expect(containsCprLike(ids.join(' '))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('reports positions and redacts', () => {
    const text = 'a 010190-1234 b 1503872219 c';
    expect(findCprLike(text)).toEqual([
      { index: 2, length: 11 },
      { index: 16, length: 10 },
    ]);
    expect(redactCprLike(text)).toBe('a xxxxxx-xxxx b xxxxxx-xxxx c');
    expect(redactCprLike('nothing here')).toBe('nothing here');
  });
});
