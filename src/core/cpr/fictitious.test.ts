import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateFictitiousCprs, isFictitiousCpr, modulus11Remainder } from './fictitious.js';
import { parseCpr } from './parse.js';

// Modulus 11 written out again from its definition, so the test does not lean on the code.
function satisfiesModulus11(digits: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  return weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0) % 11 === 0;
}

describe('modulus11Remainder', () => {
  it('matches a hand computation', () => {
    // 0·4+7·3+0·2+7·7+6·6+1·5+4·4+2·3+8·2+5·1 = 154 = 14·11
    expect(modulus11Remainder('0707614285')).toBe(0);
    expect(modulus11Remainder('0707614286')).toBe(1);
  });
});

describe('generateFictitiousCprs', () => {
  it('is deterministic per seed', () => {
    expect(generateFictitiousCprs('demo', 50)).toEqual(generateFictitiousCprs('demo', 50));
    expect(generateFictitiousCprs(7, 50)).not.toEqual(generateFictitiousCprs(8, 50));
    expect(generateFictitiousCprs('demo', 10)).toEqual(generateFictitiousCprs('demo', 50).slice(0, 10));
  });

  it('yields distinct numbers that are all documented-fictitious', () => {
    const numbers = generateFictitiousCprs('municipality-1', 5000);
    expect(new Set(numbers).size).toBe(5000);
    for (const digits of numbers) {
      const parsed = parseCpr(digits);
      if (!parsed.ok) throw new Error('generated number did not parse');
      expect(parsed.value.replacement).toBe(true);
      expect(Number(digits.slice(0, 2))).toBeGreaterThanOrEqual(61);
      expect(digits[6]).toBe('9');
      expect(parsed.value.birthDate.slice(5)).not.toBe('01-01');
      const year = Number(parsed.value.birthDate.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(1960);
      expect(year).toBeLessThanOrEqual(2006);
      expect(satisfiesModulus11(digits)).toBe(false);
      const realDay = String(Number(digits.slice(0, 2)) - 60).padStart(2, '0');
      expect(satisfiesModulus11(realDay + digits.slice(2))).toBe(false);
      expect(isFictitiousCpr(digits)).toBe(true);
    }
  });

  it('yields both sexes and respects the year range', () => {
    const numbers = generateFictitiousCprs(1, 400, { fromYear: 1990, toYear: 1991 });
    const sexes = new Set(numbers.map((d) => Number(d[9]) % 2));
    expect(sexes).toEqual(new Set([0, 1]));
    for (const d of numbers) expect(['90', '91']).toContain(d.slice(4, 6));
  });

  it('refuses years a serial starting with 9 cannot express', () => {
    expect(() => generateFictitiousCprs(1, 1, { fromYear: 1930 })).toThrow(RangeError);
    expect(() => generateFictitiousCprs(1, 1, { toYear: 2040 })).toThrow(RangeError);
    expect(generateFictitiousCprs(1, 0)).toEqual([]);
  });

  it('works for any seed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), (seed) => {
        for (const d of generateFictitiousCprs(seed, 5)) expect(isFictitiousCpr(d)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('isFictitiousCpr', () => {
  it('rejects ordinary and non-conforming numbers', () => {
    expect(isFictitiousCpr('0707614285')).toBe(false); // ordinary number
    expect(isFictitiousCpr('6707614285')).toBe(false); // replacement, but serial starts with 4
    expect(isFictitiousCpr('6101909001')).toBe(false); // born 1 January
    // 67.07.61 serial 9285: weighted sum 6·4+7·3+0·2+7·7+6·6+1·5+9·4+2·3+8·2+5 = 198 = 18·11
    expect(isFictitiousCpr('6707619285')).toBe(false);
    // same with last digit 7: sum 200 (not 0 mod 11); read as day 07: 200 − 24 = 176 = 16·11
    expect(isFictitiousCpr('6707619287')).toBe(false);
    // last digit 9: written 202 → 4, unshifted 178 → 2: both fail modulus 11
    expect(isFictitiousCpr('6707619289')).toBe(true);
  });
});
