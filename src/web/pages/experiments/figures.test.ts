import { describe, it, expect } from 'vitest';
import { decimal, percent, points, pValue, wholePercent } from './figures.js';

const NBSP = '\u00a0';

describe('report figures', () => {
  it('writes shares as percent the way each language does', () => {
    // Vordingborg: 6.7 % of group 1 in unsupported employment.
    expect(percent(0.0667, 'da')).toBe(`6,7${NBSP}%`);
    expect(percent(0.0667, 'en')).toBe('6.7%');
    expect(wholePercent(0.2, 'da')).toBe(`20${NBSP}%`);
  });

  it('writes a difference of shares in signed percentage points', () => {
    // 6.7 % − 5.3 % = 1.4 percentage points.
    expect(points(0.067 - 0.053, 'da')).toBe('+1,4');
    expect(points(-0.013, 'en')).toBe('-1.3');
    expect(points(0, 'da')).toBe('0,0');
    expect(points(-0.02, 'da', false)).toBe('-2,0');
  });

  it('writes decimals and p-values with fixed places', () => {
    expect(decimal(1.2149, 'da', 2)).toBe('1,21');
    expect(decimal(0.5, 'en', 1, true)).toBe('+0.5');
    expect(pValue(0.4123, 'da')).toBe('0,412');
    expect(pValue(0.0004, 'da')).toBe('< 0,001');
    expect(pValue(0.001, 'en')).toBe('0.001');
  });
});
