/** The roles of DOMAIN.md's glossary; a user may hold several. */
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

export type StaffRole = Exclude<Role, 'citizen'>;
export const STAFF_ROLES: readonly StaffRole[] = ROLES.filter((r): r is StaffRole => r !== 'citizen');

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
