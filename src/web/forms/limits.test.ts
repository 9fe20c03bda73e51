import { describe, expect, it } from 'vitest';
import { ContactBody, EventBody, RegisterBody, VoidBody } from '../../server/modules/cases/schema.js';
import { TeamPatch } from '../../server/modules/teams/schema.js';
import { COUNTER_FROM, limitsOf } from './limits.js';

describe('limitsOf', () => {
  it('reads length limits, also through a field that may be null', () => {
    expect(limitsOf(RegisterBody, 'name')).toEqual({ required: true, minLength: 1, maxLength: 200 });
    expect(limitsOf(RegisterBody, 'address')).toEqual({ required: false, maxLength: 300 });
    expect(limitsOf(ContactBody, 'name')).toEqual({ required: false, minLength: 1, maxLength: 200 });
    expect(limitsOf(EventBody, 'note')).toEqual({ required: false, maxLength: 4000 });
    expect(limitsOf(VoidBody, 'reason')).toEqual({ required: true, minLength: 1, maxLength: 2000 });
  });

  it('reads number limits', () => {
    expect(limitsOf(TeamPatch, 'caseload_cap')).toEqual({ required: false, minimum: 1, maximum: 500 });
  });

  it('gives nothing for a field the schema does not have', () => {
    expect(limitsOf(EventBody, 'nothing')).toEqual({ required: false });
  });

  it('counts down on the long texts only: notes and reasons, not names', () => {
    expect(limitsOf(EventBody, 'note').maxLength).toBeGreaterThan(COUNTER_FROM);
    expect(limitsOf(VoidBody, 'reason').maxLength).toBeGreaterThan(COUNTER_FROM);
    expect(limitsOf(RegisterBody, 'name').maxLength).toBeLessThanOrEqual(COUNTER_FROM);
  });
});
