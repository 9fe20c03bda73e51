import { describe, expect, it } from 'vitest';
import { ageOn, benefitYearsOn, canonicalDesign, designProblems, isEligible, stratumOf } from './design.js';

describe('experiment design rules', () => {
  it('counts age in whole years, birthday included', () => {
    expect(ageOn('1980-06-15', '2026-06-14')).toBe(45);
    expect(ageOn('1980-06-15', '2026-06-15')).toBe(46);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });

  it('counts years on benefit with 365.25-day years', () => {
    expect(benefitYearsOn('2020-01-01', '2026-01-01')).toBe(6);
    expect(benefitYearsOn('2025-07-02', '2026-01-01')).toBe(0.5);
    expect(benefitYearsOn('2027-01-01', '2026-01-01')).toBe(0);
  });

  it('places citizens in age × benefit bands', () => {
    const rule = { age_cuts: [50, 40], benefit_year_cuts: [3] };
    expect(stratumOf({ age: 39, benefitYears: 2.99 }, rule)).toBe('age:<40|benefit:<3');
    expect(stratumOf({ age: 40, benefitYears: 3 }, rule)).toBe('age:40-50|benefit:3+');
    expect(stratumOf({ age: 64, benefitYears: 10 }, rule)).toBe('age:50+|benefit:3+');
    expect(stratumOf({ age: 30, benefitYears: 1 }, { age_cuts: [], benefit_year_cuts: [] })).toBe(
      'age:all|benefit:all',
    );
  });

  it('applies eligibility limits inclusively', () => {
    const rule = { categories: ['activity_ready'], min_age: 30, max_age: 64, min_benefit_years: 1 };
    expect(isEligible({ age: 30, benefitYears: 1, category: 'activity_ready' }, rule)).toBe(true);
    expect(isEligible({ age: 29, benefitYears: 5, category: 'activity_ready' }, rule)).toBe(false);
    expect(isEligible({ age: 40, benefitYears: 0.9, category: 'activity_ready' }, rule)).toBe(false);
    expect(isEligible({ age: 40, benefitYears: 5, category: 'job_ready' }, rule)).toBe(false);
    expect(isEligible({ age: 40, benefitYears: 5, category: null }, rule)).toBe(false);
    expect(isEligible({ age: 40, benefitYears: 5, category: null }, { categories: [] })).toBe(true);
  });

  it('names each design problem by field', () => {
    expect(
      designProblems({
        arms: [
          { name: 'a', weight: 1 },
          { name: 'a', weight: 2 },
        ],
        control_arm: 'control',
        eligibility: { categories: [], min_age: 60, max_age: 30 },
        strata: { age_cuts: [40, 40], benefit_year_cuts: [] },
        primary_outcome: 'active_share',
        secondary_outcomes: ['active_share'],
      }),
    ).toEqual([
      'arms: two arms share a name',
      'control_arm: "control" is not one of the arms',
      'eligibility.min_age: above max_age',
      'strata.age_cuts: a limit appears twice',
      'secondary_outcomes: the primary outcome is listed again',
    ]);
  });

  it('serialises a design canonically whatever the key order', () => {
    expect(canonicalDesign({ b: [1, { y: 2, x: 'å' }], a: null })).toBe('{"a":null,"b":[1,{"x":"å","y":2}]}');
    expect(canonicalDesign({ x: 1, y: undefined })).toBe('{"x":1}');
  });
});
