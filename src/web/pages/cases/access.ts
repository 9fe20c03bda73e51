// Which roles reach which case-flow page. The server decides for real; this only spares users
// a page whose every request would be refused.
import type { SessionUser } from '../../api/session.js';
import type { Role } from '../../roles.js';

export const CASE_STAFF: readonly Role[] = ['caseworker', 'company_consultant', 'team_leader'];
export const REGISTRARS: readonly Role[] = ['caseworker', 'team_leader'];
export const QUEUE_HOLDERS: readonly Role[] = ['caseworker', 'team_leader'];
export const TEAM_LEADERS: readonly Role[] = ['team_leader'];

export function hasAnyRole(user: SessionUser, roles: readonly Role[]): boolean {
  return user.roles.some((role) => (roles as readonly string[]).includes(role));
}
