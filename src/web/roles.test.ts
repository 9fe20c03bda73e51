import { describe, it, expect } from 'vitest';
import type { SessionUser } from './api/session.js';
import { CASE_STAFF, hasAnyRole, knownRoles, TEAM_LEADERS } from './roles.js';

describe('knownRoles', () => {
  it('keeps known roles once each, in start-page order, and drops unknown ones', () => {
    expect(knownRoles(['citizen', 'superuser', 'caseworker', 'caseworker'])).toEqual(['caseworker', 'citizen']);
    expect(knownRoles([])).toEqual([]);
  });
});

describe('hasAnyRole', () => {
  it('lets a user through who holds one of the roles', () => {
    const user: SessionUser = { id: 'u1', name: 'Sara', email: 's@demo.dk', roles: ['analyst', 'caseworker'] };
    expect(hasAnyRole(user, CASE_STAFF)).toBe(true);
    expect(hasAnyRole(user, TEAM_LEADERS)).toBe(false);
  });
});
