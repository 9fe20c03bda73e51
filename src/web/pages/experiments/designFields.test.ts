import { describe, it, expect } from 'vitest';
import { fieldOf, readServerProblem } from './designFields.js';

describe('fieldOf', () => {
  it("finds the input for the server's field paths, with or without body.", () => {
    expect(fieldOf('body.arms.1.weight')).toEqual({ path: 'arms.1.weight', id: 'arm-1-weight' });
    expect(fieldOf('arms.0.caseload_cap')).toEqual({ path: 'arms.0.caseload_cap', id: 'arm-0-cap' });
    expect(fieldOf('arms')).toEqual({ path: 'arms.0.name', id: 'arm-0-name' });
    expect(fieldOf('arms.2')).toEqual({ path: 'arms.2.name', id: 'arm-2-name' });
    expect(fieldOf('eligibility.min_benefit_years')).toEqual({
      path: 'eligibility.min_benefit_years',
      id: 'design-min-years',
    });
    expect(fieldOf('strata')).toEqual({ path: 'strata.age_cuts', id: 'design-age-cuts' });
    expect(fieldOf('body.follow_up_weeks')).toEqual({ path: 'follow_up_weeks', id: 'design-follow-up' });
    expect(fieldOf('body')).toBeNull();
    expect(fieldOf('seed')).toBeNull();
  });
});

describe('readServerProblem', () => {
  it('splits field and text, and recognises the design checks', () => {
    expect(readServerProblem('arms: two arms share a name')).toEqual({
      field: { path: 'arms.0.name', id: 'arm-0-name' },
      known: 'duplicateArms',
      text: 'two arms share a name',
    });
    expect(readServerProblem('control_arm: "x" is not one of the arms').known).toBe('controlNotArm');
    expect(readServerProblem('eligibility.min_age: above max_age').known).toBe('minAboveMax');
    expect(readServerProblem('strata.benefit_year_cuts: a limit appears twice')).toMatchObject({
      field: { id: 'design-benefit-cuts' },
      known: 'duplicateCut',
    });
    expect(readServerProblem('secondary_outcomes: the primary outcome is listed again').known).toBe('primaryRepeated');
  });

  it("keeps the server's own words when it knows no better, e.g. schema messages already in Danish", () => {
    expect(readServerProblem('body.arms.0.name: har ikke det rigtige format.')).toEqual({
      field: { path: 'arms.0.name', id: 'arm-0-name' },
      known: null,
      text: 'har ikke det rigtige format.',
    });
    expect(readServerProblem('Designet er låst, fordi rekrutteringen er begyndt.')).toEqual({
      field: null,
      known: null,
      text: 'Designet er låst, fordi rekrutteringen er begyndt.',
    });
  });
});
