/** The roles of DOMAIN.md's glossary; a user may hold several. */
export const ROLES = ['caseworker', 'company_consultant', 'team_leader', 'analyst', 'finance', 'municipality_admin', 'citizen'] as const;

export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'citizen');

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
