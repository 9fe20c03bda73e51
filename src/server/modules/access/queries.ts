import type { ExpressionBuilder } from 'kysely';
import type { ActorScope } from '../../../core/access/case-scope.js';
import type { Database } from '../../db/schema.js';
import type { Tenant } from '../../db/tenant.js';

// case_access_grant, and the SQL form of case visibility that other modules' queries filter by.
// teamGrants joins citizen_case for the case number and the team it filters by.

/**
 * WHERE clause for `citizen_case as c`: the cases the actor may read through their role and
 * scope (not through broken glass: those are opened one at a time). The SQL twin of core's
 * caseAccess(); a property test holds the two to the same answers.
 */
export function visibleCases(scope: ActorScope) {
  const { actor } = scope;
  const roles = actor.roles;
  return (eb: ExpressionBuilder<Database & { c: Database['citizen_case'] }, 'c'>) => {
    const ors = [];
    if (roles.includes('caseworker')) ors.push(eb('c.caseworker_id', '=', actor.userId));
    if ((roles.includes('caseworker') || roles.includes('company_consultant')) && scope.memberOf.length > 0)
      ors.push(eb('c.team_id', 'in', scope.memberOf));
    if (roles.includes('team_leader') && scope.leads.length > 0) ors.push(eb('c.team_id', 'in', scope.leads));
    if (roles.includes('citizen') && scope.citizenId !== null) ors.push(eb('c.citizen_id', '=', scope.citizenId));
    return eb.and([eb('c.municipality_id', '=', actor.municipalityId), ors.length === 0 ? eb.lit(false) : eb.or(ors)]);
  };
}

/** The cases a user opened by breaking the glass, still open at `now`. */
export async function grantedCases(db: Tenant, userId: string, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('case_access_grant')
    .select('case_id')
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .execute();
  return rows.map((r) => r.case_id);
}

export async function insertGrant(
  db: Tenant,
  grant: { id: string; caseId: string; userId: string; reason: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('case_access_grant', {
      id: grant.id,
      case_id: grant.caseId,
      user_id: grant.userId,
      reason: grant.reason,
      expires_at: grant.expiresAt,
    })
    .execute();
}

/** Glass broken on the team's cases, newest first, with who broke it. */
export async function teamGrants(db: Tenant, teamId: string, limit: number) {
  return db
    .selectFrom('case_access_grant as g')
    .innerJoin('citizen_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'g.municipality_id').onRef('c.id', '=', 'g.case_id'),
    )
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 'g.municipality_id').onRef('u.id', '=', 'g.user_id'),
    )
    .select(['g.case_id', 'c.case_number', 'u.id as user_id', 'u.name', 'g.reason', 'g.granted_at', 'g.expires_at'])
    .where('c.team_id', '=', teamId)
    .orderBy('g.granted_at', 'desc')
    .limit(limit)
    .execute();
}
