import type { Ctx } from '../../context.js';
import { AppError, invalid } from '../../errors.js';

export interface Caseload {
  teamId: string;
  cap: number;
  openCases: number;
}

/** The caseworker's team (the first, if several) with its cap and their open cases now. */
export async function caseloadOf(ctx: Ctx, caseworkerId: string): Promise<Caseload | undefined> {
  const m = ctx.actor.municipalityId;
  const team = await ctx.db
    .selectFrom('team_member as tm')
    .innerJoin('team as t', (j) => j.onRef('t.municipality_id', '=', 'tm.municipality_id').onRef('t.id', '=', 'tm.team_id'))
    .innerJoin('user_role as r', (j) => j.onRef('r.municipality_id', '=', 'tm.municipality_id').onRef('r.user_id', '=', 'tm.user_id').on('r.role', '=', 'caseworker'))
    .select(['t.id', 't.caseload_cap'])
    .where('tm.municipality_id', '=', m)
    .where('tm.user_id', '=', caseworkerId)
    .orderBy('t.name')
    .executeTakeFirst();
  if (team === undefined) return undefined;
  const count = await ctx.db
    .selectFrom('citizen_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', m)
    .where('caseworker_id', '=', caseworkerId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  const armCap = await experimentArmCap(ctx, caseworkerId);
  return { teamId: team.id, cap: armCap === null ? team.caseload_cap : Math.min(team.caseload_cap, armCap), openCases: count.n };
}

/**
 * Experiment arms drive case work: a caseworker who holds citizens of an arm with a caseload
 * cap (Vordingborg halved caseloads in the new approach) works under that cap.
 */
export async function experimentArmCap(ctx: Ctx, caseworkerId: string): Promise<number | null> {
  const rows = await ctx.db
    .selectFrom('enrolment as e')
    .innerJoin('citizen_case as c', (j) => j.onRef('c.municipality_id', '=', 'e.municipality_id').onRef('c.id', '=', 'e.case_id'))
    .innerJoin('experiment as x', (j) => j.onRef('x.municipality_id', '=', 'e.municipality_id').onRef('x.id', '=', 'e.experiment_id'))
    .select(['e.arm', 'x.design'])
    .distinct()
    .where('e.municipality_id', '=', ctx.actor.municipalityId)
    .where('c.caseworker_id', '=', caseworkerId)
    .where('c.status', '=', 'open')
    .where('e.ended_on', 'is', null)
    .execute();
  let cap: number | null = null;
  for (const row of rows) {
    const arm = (row.design as { arms?: { name: string; caseload_cap?: number | null }[] }).arms?.find((a) => a.name === row.arm);
    const armCap = arm?.caseload_cap;
    if (typeof armCap === 'number') cap = cap === null ? armCap : Math.min(cap, armCap);
  }
  return cap;
}

/**
 * Checks that a case may go to this caseworker and returns their team. Beyond the team's
 * cap only the team's leader may assign (the caseload then shows as over cap).
 * `releasing` is 1 when the case already counts in their caseload.
 */
export async function assertAssignable(ctx: Ctx, caseworkerId: string, releasing: number): Promise<string> {
  const load = await caseloadOf(ctx, caseworkerId);
  if (load === undefined) {
    throw invalid({ da: 'caseworker_id: ikke en sagsbehandler i et team i kommunen.', en: 'caseworker_id: not a caseworker in a team of the municipality.' });
  }
  if (load.openCases - releasing >= load.cap) {
    const isLeader = ctx.actor.roles.includes('team_leader') && (await leadsTeam(ctx, load.teamId));
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

async function leadsTeam(ctx: Ctx, teamId: string): Promise<boolean> {
  const row = await ctx.db.selectFrom('team').select('id').where('municipality_id', '=', ctx.actor.municipalityId).where('id', '=', teamId).where('leader_id', '=', ctx.actor.userId).executeTakeFirst();
  return row !== undefined;
}
