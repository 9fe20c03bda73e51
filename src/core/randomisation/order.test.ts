import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { stringOrder } from './order.js';

/** The order the contract asks for: a stable sort with plain `<`. */
function expectedOrder(keys: readonly string[]): number[] {
  return keys
    .map((_, i) => i)
    .sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

describe('stringOrder', () => {
  it('sorts by UTF-16 code units, prefixes first, not by locale', () => {
    const keys = ['b', 'a', 'B', 'ab', 'a', '', 'é', 'z', '10', '9', '\u{1F600}', '\uFFFF'];
    expect(Array.from(stringOrder(keys).order, (i) => keys[i])).toEqual([
      '',
      '10',
      '9',
      'B',
      'a',
      'a',
      'ab',
      'b',
      'z',
      'é',
      '\u{1F600}',
      '\uFFFF',
    ]);
  });

  it('equals a stable `<` sort on any keys, large enough to exercise the radix passes', () => {
    const unit = fc.constantFrom('a', 'b', 'c', '0', '1', 'Z', 'é', '\u4e2d', '\uD83D', '\uDE00', '\uFFFF');
    const key = fc.string({ unit, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.constantFrom('', 'C0', 'same-prefix-'), (keys, prefix) => {
        const prefixed = keys.map((k) => prefix + k);
        const { order, hasDuplicates } = stringOrder(prefixed);
        expect(Array.from(order)).toEqual(expectedOrder(prefixed));
        expect(hasDuplicates).toBe(new Set(prefixed).size < prefixed.length);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts a large set of numeric-looking ids like a `<` sort', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `C${(i * 7919) % 20_000}`);
    keys.push('C', 'C00', 'C1a');
    expect(Array.from(stringOrder(keys).order)).toEqual(expectedOrder(keys));
    expect(stringOrder(keys).hasDuplicates).toBe(false);
    expect(stringOrder([...keys, 'C19999']).hasDuplicates).toBe(true);
  });

  it('notices duplicates in every kind of range', () => {
    expect(stringOrder(['x', 'y', 'x']).hasDuplicates).toBe(true); // insertion-sorted range
    expect(stringOrder(Array.from({ length: 100 }, () => 'same')).hasDuplicates).toBe(true); // all keys end together
    const wide = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? `a${i}` : `\uFFFF${i}`));
    expect(stringOrder(wide).hasDuplicates).toBe(false);
    expect(stringOrder([...wide, 'a0']).hasDuplicates).toBe(true); // comparison-sorted range
    expect(stringOrder([]).hasDuplicates).toBe(false);
  });
});
