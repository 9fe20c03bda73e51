import { sql } from 'kysely';
import type { Tenant } from '../../db/tenant.js';

// team and team_member. Reads join app_user and user_role (the users module's) for names and
// roles to show.

export interface TeamRow {
  id: string;
  name: string;
  caseload_cap: number;
  version: number;
  leader_id: string | null;
  leader_name: string | null;
}

export async function teamWithLeader(db: Tenant, teamId: string): Promise<TeamRow | undefined> {
  return db
    .selectFrom('team as t')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 't.municipality_id').onRef('u.id', '=', 't.leader_id'),
    )
    .select(['t.id', 't.name', 't.caseload_cap', 't.version', 't.leader_id', 'u.name as leader_name'])
    .where('t.id', '=', teamId)
    .executeTakeFirst();
}

/** Every team by name, or (given a user) those the user leads or is a member of. */
export async function teamIds(db: Tenant, of: { userId: string } | 'all'): Promise<string[]> {
  let query = db.selectFrom('team as t').select('t.id').orderBy('t.name');
  if (of !== 'all') {
    query = query.where((eb) =>
      eb.or([
        eb('t.leader_id', '=', of.userId),
        eb.exists(
          eb
            .selectFrom('team_member as m')
            .select('m.user_id')
            .whereRef('m.municipality_id', '=', 't.municipality_id')
            .whereRef('m.team_id', '=', 't.id')
            .where('m.user_id', '=', of.userId),
        ),
      ]),
    );
  }
  return (await query.execute()).map((r) => r.id);
}

export async function teamExists(db: Tenant, teamId: string): Promise<boolean> {
  return (await db.selectFrom('team').select('id').where('id', '=', teamId).executeTakeFirst()) !== undefined;
}

export async function isLeader(db: Tenant, teamId: string, userId: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('team')
      .select('id')
      .where('id', '=', teamId)
      .where('leader_id', '=', userId)
      .executeTakeFirst()) !== undefined
  );
}

export async function updateTeam(
  db: Tenant,
  teamId: string,
  changes: { name?: string; caseload_cap?: number },
  version: number,
): Promise<bigint> {
  const result = await db
    .updateTable('team')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', teamId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows;
}

export async function memberTeamIds(db: Tenant, userId: string): Promise<string[]> {
  return (await db.selectFrom('team_member').select('team_id').where('user_id', '=', userId).execute()).map(
    (r) => r.team_id,
  );
}

export async function ledTeamIds(db: Tenant, userId: string): Promise<string[]> {
  return (await db.selectFrom('team').select('id').where('leader_id', '=', userId).execute()).map((r) => r.id);
}

/** The user's teams by name, with their caps. */
export async function teamsOfMember(db: Tenant, userId: string): Promise<{ id: string; caseload_cap: number }[]> {
  return db
    .selectFrom('team_member as tm')
    .innerJoin('team as t', (j) =>
      j.onRef('t.municipality_id', '=', 'tm.municipality_id').onRef('t.id', '=', 'tm.team_id'),
    )
    .select(['t.id', 't.caseload_cap'])
    .where('tm.user_id', '=', userId)
    .orderBy('t.name')
    .execute();
}

/** The team's members with their names and roles (comma-separated, sorted; null without any). */
export async function membersOf(
  db: Tenant,
  teamId: string,
): Promise<{ id: string; name: string; roles: string | null }[]> {
  return db
    .selectFrom('team_member as m')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 'm.municipality_id').onRef('u.id', '=', 'm.user_id'),
    )
    .select([
      'u.id',
      'u.name',
      sql<
        string | null
      >`(SELECT string_agg(r.role, ',' ORDER BY r.role) FROM user_role r WHERE r.municipality_id = u.municipality_id AND r.user_id = u.id)`.as(
        'roles',
      ),
    ])
    .where('m.team_id', '=', teamId)
    .execute();
}

export async function insertTeam(
  db: Tenant,
  team: { id: string; name: string; leaderId: string | null; caseloadCap: number },
): Promise<void> {
  await db
    .insertInto('team', { id: team.id, name: team.name, leader_id: team.leaderId, caseload_cap: team.caseloadCap })
    .execute();
}

export async function insertMembers(db: Tenant, teamId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto(
      'team_member',
      userIds.map((userId) => ({ team_id: teamId, user_id: userId })),
    )
    .execute();
}
