// The roles a user can hold, in the order their start-page sections appear.
export const ROLES = [
  'caseworker',
  'company_consultant',
  'team_leader',
  'analyst',
  'finance',
  'municipality_admin',
  'citizen',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The known roles among those the server sent, once each, in display order; unknown ones are dropped. */
export function knownRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}
