// Numbers of the report written the UI language's way: shares as percent, differences of
// shares in percentage points, weeks and ratios with a fixed number of decimals. Pure; the
// unit words come from i18n around these.
import { formatNumber } from '../../i18n/format.js';
import type { Language } from '../../i18n/languages.js';

export function percent(value: number, language: Language): string {
  return formatNumber(value, language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Axis ticks: 0 %, 20 %, … */
export function wholePercent(value: number, language: Language): string {
  return formatNumber(value, language, { style: 'percent', maximumFractionDigits: 0 });
}

/** A difference of two shares in percentage points, signed: 0.0133 → "+1,3". */
export function points(difference: number, language: Language, signed = true): string {
  return formatNumber(difference * 100, language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
}

export function decimal(value: number, language: Language, digits: number, signed = false): string {
  return formatNumber(value, language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
}

/** A p-value: three decimals, and below 0.001 as "< 0,001". */
export function pValue(p: number, language: Language): string {
  if (p < 0.001) return `< ${decimal(0.001, language, 3)}`;
  return decimal(p, language, 3);
}
