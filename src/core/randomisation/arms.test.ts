import { describe, it, expect } from 'vitest';
import { canonicalArms, parseArms } from './arms.js';

const message = (text: string): string => {
  const result = parseArms(text);
  if (result.ok) throw new Error(`expected ${text} to be rejected`);
  return result.message;
};

describe('parseArms', () => {
  it('reads names and weights in the given order', () => {
    expect(parseArms('group1:2,group2:1,control:4')).toEqual({
      ok: true,
      arms: [
        { name: 'group1', weight: 2 },
        { name: 'group2', weight: 1 },
        { name: 'control', weight: 4 },
      ],
    });
    expect(parseArms(' a : 1 , b:02 ')).toEqual({
      ok: true,
      arms: [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 2 },
      ],
    });
  });

  it('rejects weights that are not positive integers', () => {
    for (const w of ['0', '-1', '1.5', 'x', '', '+2', '1e2'])
      expect(message(`a:${w},b:1`)).toMatch(/not a positive integer/);
  });

  it('rejects malformed lists, repeated or empty names, one arm and too large a total', () => {
    expect(message('a2,b:1')).toMatch(/not of the form name:weight/);
    expect(message('a:1:2,b:1')).toMatch(/not of the form/);
    expect(message('a:1,')).toMatch(/not of the form/);
    expect(message('a:1,a:2')).toMatch(/listed more than once/);
    expect(message(':1,b:1')).toMatch(/arm name is empty/);
    expect(message('a:3')).toMatch(/at least two arms/);
    expect(message('a:5000,b:5001')).toMatch(/at most 10000/);
  });
});

describe('canonicalArms', () => {
  it('orders by name in JavaScript string order (upper case before lower case)', () => {
    const arms = [
      { name: 'b', weight: 1 },
      { name: 'B', weight: 2 },
      { name: 'a', weight: 3 },
    ];
    expect(canonicalArms(arms).map((a) => a.name)).toEqual(['B', 'a', 'b']);
  });
});
