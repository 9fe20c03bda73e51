// Pure rules of an experiment's design: who is eligible, which stratum a citizen falls in,
// and what is checked before a design may be locked as a pre-registration.

export interface EligibilityRule {
  categories: readonly string[];
  min_age?: number | null;
  max_age?: number | null;
  min_benefit_years?: number | null;
  max_benefit_years?: number | null;
}

export interface StrataRule {
  age_cuts: readonly number[];
  benefit_year_cuts: readonly number[];
}

export interface Baseline {
  age: number;
  benefitYears: number;
  category: string | null;
}

/** Whole years from birth to `on` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const DAY_MS = 86_400_000;

/** Years on benefit from `benefitStart` to `on`, to two decimals (365.25 days a year). */
export function benefitYearsOn(benefitStart: string, on: string): number {
  const days = (Date.parse(`${on}T00:00:00Z`) - Date.parse(`${benefitStart}T00:00:00Z`)) / DAY_MS;
  return Math.max(0, Math.round((days / 365.25) * 100) / 100);
}

/** A limit that was set (neither left out nor null). */
const isSet = (limit: number | null | undefined): limit is number => limit !== undefined && limit !== null;

export function isEligible(b: Baseline, rule: EligibilityRule): boolean {
  if (rule.categories.length > 0 && (b.category === null || !rule.categories.includes(b.category))) return false;
  if (isSet(rule.min_age) && b.age < rule.min_age) return false;
  if (isSet(rule.max_age) && b.age > rule.max_age) return false;
  if (isSet(rule.min_benefit_years) && b.benefitYears < rule.min_benefit_years) return false;
  if (isSet(rule.max_benefit_years) && b.benefitYears > rule.max_benefit_years) return false;
  return true;
}

function band(value: number, cuts: readonly number[], unit: string): string {
  const sorted = [...cuts].sort((a, b) => a - b);
  const first = sorted[0];
  if (first === undefined) return `${unit}:all`;
  if (value < first) return `${unit}:<${first}`;
  for (let i = 0; i < sorted.length - 1; i++) {
    const lo = sorted[i] ?? 0;
    const hi = sorted[i + 1] ?? 0;
    if (value >= lo && value < hi) return `${unit}:${lo}-${hi}`;
  }
  return `${unit}:${sorted[sorted.length - 1] ?? 0}+`;
}

/** The stratum label, e.g. `age:40-50|benefit:3+`: stable text, used as the allocation stream's name. */
export function stratumOf(b: { age: number; benefitYears: number }, rule: StrataRule): string {
  return `${band(b.age, rule.age_cuts, 'age')}|${band(b.benefitYears, rule.benefit_year_cuts, 'benefit')}`;
}

export interface DesignFacts {
  arms: readonly { name: string; weight: number }[];
  control_arm: string;
  eligibility: EligibilityRule;
  strata: StrataRule;
  primary_outcome: string;
  secondary_outcomes: readonly string[];
}

/** Problems that stop a design from being saved or locked, each naming its field. */
export function designProblems(d: DesignFacts): string[] {
  const problems: string[] = [];
  const names = d.arms.map((a) => a.name);
  if (new Set(names).size !== names.length) problems.push('arms: two arms share a name');
  if (!names.includes(d.control_arm)) problems.push(`control_arm: "${d.control_arm}" is not one of the arms`);
  const e = d.eligibility;
  if (isSet(e.min_age) && isSet(e.max_age) && e.min_age > e.max_age)
    problems.push('eligibility.min_age: above max_age');
  if (isSet(e.min_benefit_years) && isSet(e.max_benefit_years) && e.min_benefit_years > e.max_benefit_years)
    problems.push('eligibility.min_benefit_years: above max_benefit_years');
  for (const key of ['age_cuts', 'benefit_year_cuts'] as const) {
    const cuts = d.strata[key];
    if (new Set(cuts).size !== cuts.length) problems.push(`strata.${key}: a limit appears twice`);
  }
  if (d.secondary_outcomes.includes(d.primary_outcome))
    problems.push('secondary_outcomes: the primary outcome is listed again');
  return problems;
}

/** Canonical JSON (sorted keys) of a design: what its pre-registration hash covers. */
export function canonicalDesign(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalDesign).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalDesign(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
