import type { Role } from './roles.js';

/** Who is calling: a logged-in staff user or citizen, always inside one municipality. */
export interface Actor {
  userId: string;
  municipalityId: string;
  kind: 'staff' | 'citizen';
  name: string;
  email: string;
  roles: readonly Role[];
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
