// The roles a user can hold (core's list, in the order their start-page sections appear), and
// which roles reach which case-flow page. The server decides for real; the lists only spare
// users a page whose every request would be refused.
import { ROLES, type Role } from '../core/access/roles.js';
import type { SessionUser } from './api/session.js';

export { isRole, type Role } from '../core/access/roles.js';

/** The known roles among those the server sent, once each, in display order; unknown ones are dropped. */
export function knownRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

export function hasAnyRole(user: SessionUser, roles: readonly Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

export const CASE_STAFF: readonly Role[] = ['caseworker', 'company_consultant', 'team_leader'];
export const REGISTRARS: readonly Role[] = ['caseworker', 'team_leader'];
export const QUEUE_HOLDERS: readonly Role[] = ['caseworker', 'team_leader'];
export const TEAM_LEADERS: readonly Role[] = ['team_leader'];
