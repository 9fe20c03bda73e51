import { describe, expect, it } from 'vitest';
import { ageBand, benefitYearsBand, publishedCount } from './disclosure.js';

describe('disclosure control', () => {
  it('puts ages in bands by their lower limit', () => {
    expect([16, 18, 24, 25, 29, 30, 39, 40, 49, 50, 67].map(ageBand)).toEqual([
      18, 18, 18, 25, 25, 30, 30, 40, 40, 50, 50,
    ]);
  });

  it('gives years on benefit in whole years, top-coded at 10', () => {
    expect([0, 0.99, 1, 2.5, 9.99, 10, 23.4].map(benefitYearsBand)).toEqual([0, 0, 1, 2, 9, 10, 10]);
  });

  it('hides counts below 5', () => {
    expect([0, 1, 4, 5, 1234].map((n) => publishedCount(n))).toEqual(['<5', '<5', '<5', '5', '1234']);
    expect(publishedCount(1234, (n) => n.toLocaleString('da-DK'))).toBe('1.234');
  });
});
