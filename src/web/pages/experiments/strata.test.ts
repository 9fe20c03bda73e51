import { describe, it, expect } from 'vitest';
import { lastWholeAge, readStratum } from './strata.js';

describe('readStratum', () => {
  it('reads the bands the server writes', () => {
    expect(readStratum('age:40-50|benefit:3+')).toEqual({
      age: { kind: 'between', low: 40, high: 50 },
      benefit: { kind: 'from', low: 3 },
    });
    expect(readStratum('age:<40|benefit:all')).toEqual({ age: { kind: 'below', high: 40 }, benefit: { kind: 'all' } });
    expect(readStratum('age:all|benefit:2.5-5')).toEqual({
      age: { kind: 'all' },
      benefit: { kind: 'between', low: 2.5, high: 5 },
    });
  });

  it('leaves a part it cannot read empty', () => {
    expect(readStratum('age:x|benefit:3+')).toEqual({ age: null, benefit: { kind: 'from', low: 3 } });
    expect(readStratum('noget andet')).toEqual({ age: null, benefit: null });
  });

  it('writes an age band in whole years: 40 up to but not 50 is 40–49', () => {
    expect(lastWholeAge({ kind: 'between', low: 40, high: 50 })).toBe(49);
    expect(lastWholeAge({ kind: 'from', low: 50 })).toBeUndefined();
  });
});
