import { randomUUID } from 'node:crypto';
import { isRole } from '../../../core/access/roles.js';
import type { Ctx } from '../../context.js';
import type { Tenant } from '../../db/tenant.js';
import { expectOneUpdated } from '../../db/versioned.js';
import { AppError, invalid } from '../../errors.js';
import * as access from '../access/service.js';
import * as cases from '../cases/service.js';
import * as experiments from '../experiments/service.js';
import * as users from '../users/service.js';
import * as q from './queries.js';
import type { Caseload, Grant, TeamBody, TeamCaseloads, TeamPatch } from './schema.js';

// Teams: who belongs to which, their leaders, and caseloads against the team's cap.

const toBody = (row: q.TeamRow): TeamBody => ({
  id: row.id,
  name: row.name,
  caseload_cap: row.caseload_cap,
  version: row.version,
  leader: row.leader_id === null ? null : { id: row.leader_id, name: row.leader_name ?? '' },
});

async function team(db: Tenant, teamId: string): Promise<TeamBody | undefined> {
  const row = await q.teamWithLeader(db, teamId);
  return row === undefined ? undefined : toBody(row);
}

/** The caller's teams (led or joined); every team for a municipality admin. */
export async function listTeams(ctx: Ctx): Promise<TeamBody[]> {
  const ids = await q.teamIds(
    ctx.db,
    ctx.actor.roles.includes('municipality_admin') ? 'all' : { userId: ctx.actor.userId },
  );
  const teams = await Promise.all(ids.map((id) => team(ctx.db, id)));
  return teams.filter((t) => t !== undefined);
}

/** Changes a team's name or caseload cap; 409 on a stale version. */
export async function updateTeam(ctx: Ctx, teamId: string, patch: TeamPatch): Promise<TeamBody> {
  const { version, ...changes } = patch;
  const changed = await q.updateTeam(ctx.db, teamId, changes, version);
  await expectOneUpdated({ numUpdatedRows: changed }, () => team(ctx.db, teamId));
  const updated = await team(ctx.db, teamId);
  if (updated === undefined) throw new Error('team vanished inside its own transaction');
  return updated;
}

/** The caseworker's cap: the team's, or lower when they serve an experiment arm with a cap of its own. */
async function capOf(ctx: Ctx, teamCap: number, caseworkerId: string): Promise<number> {
  const armCap = await experiments.armCapOf(ctx, caseworkerId);
  return armCap === null ? teamCap : Math.min(teamCap, armCap);
}

/** Open cases per team member against their cap, by name. */
export async function teamCaseloads(ctx: Ctx, teamId: string): Promise<TeamCaseloads> {
  const t = await team(ctx.db, teamId);
  if (t === undefined) throw new Error('team scope passed for a missing team');
  const rows = await q.membersOf(ctx.db, teamId);
  const open = await cases.openCaseCounts(
    ctx,
    rows.map((r) => r.id),
  );
  const members: Caseload[] = [];
  for (const r of rows) {
    const cap = await capOf(ctx, t.caseload_cap, r.id);
    const openCases = open.get(r.id) ?? 0;
    members.push({
      id: r.id,
      name: r.name,
      roles: (r.roles ?? '').split(',').filter(isRole),
      open_cases: openCases,
      cap,
      over_cap: openCases > cap,
    });
  }
  members.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return { team: t, members };
}

/** Cases of the team opened by breaking the glass, newest first. */
export async function breakGlassGrants(ctx: Ctx, teamId: string): Promise<Grant[]> {
  return access.teamGrants(ctx, teamId);
}

// For other modules -------------------------------------------------------------------------

export async function teamExists(db: Tenant, teamId: string): Promise<boolean> {
  return q.teamExists(db, teamId);
}

/** The teams a user is a member of, and those they lead. */
export async function membershipOf(db: Tenant, userId: string): Promise<{ memberOf: string[]; leads: string[] }> {
  const [memberOf, leads] = await Promise.all([q.memberTeamIds(db, userId), q.ledTeamIds(db, userId)]);
  return { memberOf, leads };
}

export async function addMember(db: Tenant, teamId: string, userId: string): Promise<void> {
  await q.insertMembers(db, teamId, [userId]);
}

/** Adds a team with its members; returns its id. */
export async function createTeam(
  db: Tenant,
  t: { name: string; leaderId: string | null; caseloadCap: number; memberIds: readonly string[] },
): Promise<string> {
  const id = randomUUID();
  await q.insertTeam(db, { id, name: t.name, leaderId: t.leaderId, caseloadCap: t.caseloadCap });
  await q.insertMembers(db, id, t.memberIds);
  return id;
}

export interface CaseworkerLoad {
  teamId: string;
  cap: number;
  openCases: number;
}

/** The caseworker's team (the first by name, if several) with its cap and their open cases now. */
export async function caseloadOf(ctx: Ctx, caseworkerId: string): Promise<CaseworkerLoad | undefined> {
  // Only a caseworker carries a caseload.
  if (!(await users.rolesOf(ctx.db, caseworkerId)).includes('caseworker')) return undefined;
  const first = (await q.teamsOfMember(ctx.db, caseworkerId))[0];
  if (first === undefined) return undefined;
  const open = await cases.openCaseCounts(ctx, [caseworkerId]);
  return {
    teamId: first.id,
    cap: await capOf(ctx, first.caseload_cap, caseworkerId),
    openCases: open.get(caseworkerId) ?? 0,
  };
}

/**
 * Checks that a case may go to this caseworker and returns their team. Beyond the team's
 * cap only the team's leader may assign (the caseload then shows as over cap).
 * `releasing` is 1 when the case already counts in their caseload.
 */
export async function assertAssignable(ctx: Ctx, caseworkerId: string, releasing: number): Promise<string> {
  const load = await caseloadOf(ctx, caseworkerId);
  if (load === undefined) {
    throw invalid({
      da: 'caseworker_id: ikke en sagsbehandler i et team i kommunen.',
      en: 'caseworker_id: not a caseworker in a team of the municipality.',
    });
  }
  if (load.openCases - releasing >= load.cap) {
    const isLeader =
      ctx.actor.roles.includes('team_leader') && (await q.isLeader(ctx.db, load.teamId, ctx.actor.userId));
    if (!isLeader) {
      throw new AppError(
        'conflict',
        {
          da: `Sagsbehandleren har allerede ${load.openCases} sager (loft ${load.cap}). Kun teamlederen kan tildele flere.`,
          en: `The caseworker already has ${load.openCases} cases (cap ${load.cap}). Only the team leader can assign more.`,
        },
        { reason: 'caseload_cap_reached', open_cases: load.openCases, cap: load.cap },
      );
    }
  }
  return load.teamId;
}
