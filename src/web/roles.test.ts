import { describe, it, expect } from 'vitest';
import { knownRoles } from './roles.js';

describe('knownRoles', () => {
  it('keeps known roles once each, in start-page order, and drops unknown ones', () => {
    expect(knownRoles(['citizen', 'superuser', 'caseworker', 'caseworker'])).toEqual(['caseworker', 'citizen']);
    expect(knownRoles([])).toEqual([]);
  });
});
