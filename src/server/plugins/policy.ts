import type { Role } from '../../core/access/roles.js';

// Every route declares who may call it, in its route options (`config.policy`): the roles,
// and for routes about one record the scope the caller must have on it. A route without a
// policy stops the server at start-up; the authorisation matrix test reads the same
// declarations, so a new route is covered the day it is added.

/**
 * The scope a caller needs on the record named in the URL:
 * - `case.read` / `case.write` / `case.reassign` / `case.close`: on `:caseId` (see core/access/case-scope.ts);
 * - `case.break_glass`: any case of the caller's municipality, for staff who do case work;
 * - `team.read`: member or leader of `:teamId`; `team.manage`: its leader or a municipality admin;
 * - `citizen.audit`: `:citizenId` of the caller's municipality (data-protection officer's view);
 * - `experiment`: `:experimentId` of the caller's municipality.
 * A record outside the scope answers 404, as if it did not exist.
 */
export type Scope =
  | 'case.read'
  | 'case.write'
  | 'case.reassign'
  | 'case.close'
  | 'case.break_glass'
  | 'team.read'
  | 'team.manage'
  | 'citizen.audit'
  | 'experiment';

export type Policy =
  /** Anyone, logged in or not (health checks, login). */
  | { access: 'public' }
  /** Any logged-in user of any role. */
  | { access: 'authenticated' }
  /** Logged-in users holding one of the roles, with the scope on the record if given. */
  | { access: 'roles'; roles: readonly Role[]; scope?: Scope };

export const PUBLIC: Policy = { access: 'public' };
export const AUTHENTICATED: Policy = { access: 'authenticated' };
export const roles = (...allowed: Role[]): Policy => ({ access: 'roles', roles: allowed });
export const scoped = (scope: Scope, ...allowed: Role[]): Policy => ({ access: 'roles', roles: allowed, scope });

/** The parameter that names the record a scope is about. */
export const SCOPE_PARAM: Record<Scope, 'caseId' | 'teamId' | 'citizenId' | 'experimentId'> = {
  'case.read': 'caseId',
  'case.write': 'caseId',
  'case.reassign': 'caseId',
  'case.close': 'caseId',
  'case.break_glass': 'caseId',
  'team.read': 'teamId',
  'team.manage': 'teamId',
  'citizen.audit': 'citizenId',
  experiment: 'experimentId',
};

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}
