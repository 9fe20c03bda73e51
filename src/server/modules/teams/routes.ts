import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { expectOneUpdated } from '../../db/versioned.js';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles, scoped } from '../../plugins/policy.js';
import { Uuid } from '../cases/schema.js';
import type { Ctx } from '../../context.js';
import { experimentArmCap } from '../cases/caseload.js';

const TeamParams = Type.Object({ teamId: Uuid });
const TeamBody = Type.Object({ id: Uuid, name: Type.String(), caseload_cap: Type.Integer(), leader: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]), version: Type.Integer() });
const TeamPatch = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), caseload_cap: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const Caseload = Type.Object({
  id: Uuid,
  name: Type.String(),
  roles: Type.Array(Type.String()),
  open_cases: Type.Integer(),
  /** The team's cap, or lower when the caseworker serves an experiment arm with its own cap. */
  cap: Type.Integer(),
  over_cap: Type.Boolean(),
});
const Grant = Type.Object({ case_id: Uuid, case_number: Type.String(), user: Type.Object({ id: Uuid, name: Type.String() }), reason: Type.String(), granted_at: Type.String(), expires_at: Type.String() });

async function team(ctx: Ctx, teamId: string) {
  const row = await ctx.db
    .selectFrom('team as t')
    .leftJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 't.municipality_id').onRef('u.id', '=', 't.leader_id'))
    .select(['t.id', 't.name', 't.caseload_cap', 't.version', 't.leader_id', 'u.name as leader_name'])
    .where('t.municipality_id', '=', ctx.actor.municipalityId)
    .where('t.id', '=', teamId)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { id: row.id, name: row.name, caseload_cap: row.caseload_cap, version: row.version, leader: row.leader_id === null ? null : { id: row.leader_id, name: row.leader_name ?? '' } };
}

export const teamRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['teams'];

  app.get(
    '/api/teams',
    { config: { policy: roles('caseworker', 'company_consultant', 'team_leader', 'municipality_admin') }, schema: { tags, summary: 'Your teams (all teams for a municipality admin)', response: { 200: Type.Array(TeamBody), ...errorResponses } } },
    async (request) =>
      inTransaction(services, request, async (ctx) => {
        let q = ctx.db.selectFrom('team as t').select('t.id').where('t.municipality_id', '=', ctx.actor.municipalityId).orderBy('t.name');
        if (!ctx.actor.roles.includes('municipality_admin')) {
          q = q.where((eb) =>
            eb.or([
              eb('t.leader_id', '=', ctx.actor.userId),
              eb.exists(eb.selectFrom('team_member as m').select('m.user_id').whereRef('m.municipality_id', '=', 't.municipality_id').whereRef('m.team_id', '=', 't.id').where('m.user_id', '=', ctx.actor.userId)),
            ]),
          );
        }
        const ids = await q.execute();
        const teams = await Promise.all(ids.map((r) => team(ctx, r.id)));
        return teams.filter((t) => t !== undefined);
      }),
  );

  app.patch(
    '/api/teams/:teamId',
    { config: { policy: scoped('team.manage', 'team_leader', 'municipality_admin') }, schema: { tags, summary: "Change a team's name or caseload cap", params: TeamParams, body: TeamPatch, response: { 200: TeamBody, ...errorResponses } } },
    async (request) =>
      inTransaction(services, request, async (ctx) => {
        const { version, ...changes } = request.body;
        const result = await ctx.db
          .updateTable('team')
          .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
          .where('municipality_id', '=', ctx.actor.municipalityId)
          .where('id', '=', request.params.teamId)
          .where('version', '=', version)
          .executeTakeFirst();
        await expectOneUpdated(result, () => team(ctx, request.params.teamId));
        const updated = await team(ctx, request.params.teamId);
        if (updated === undefined) throw new Error('team vanished inside its own transaction');
        return updated;
      }),
  );

  app.get(
    '/api/teams/:teamId/caseloads',
    { config: { policy: scoped('team.read', 'caseworker', 'company_consultant', 'team_leader', 'municipality_admin') }, schema: { tags, summary: 'Open cases per team member against the cap', params: TeamParams, response: { 200: Type.Object({ team: TeamBody, members: Type.Array(Caseload) }), ...errorResponses } } },
    async (request) =>
      inTransaction(services, request, async (ctx) => {
        const t = await team(ctx, request.params.teamId);
        if (t === undefined) throw new Error('team scope passed for a missing team');
        const rows = await ctx.db
          .selectFrom('team_member as m')
          .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'm.municipality_id').onRef('u.id', '=', 'm.user_id'))
          .select([
            'u.id',
            'u.name',
            sql<string>`(SELECT string_agg(r.role, ',' ORDER BY r.role) FROM user_role r WHERE r.municipality_id = u.municipality_id AND r.user_id = u.id)`.as('roles'),
            sql<number>`(SELECT count(*)::int FROM citizen_case c WHERE c.municipality_id = u.municipality_id AND c.caseworker_id = u.id AND c.status = 'open')`.as('open_cases'),
          ])
          .where('m.municipality_id', '=', ctx.actor.municipalityId)
          .where('m.team_id', '=', t.id)
          .execute();
        const members = [];
        for (const r of rows) {
          const armCap = await experimentArmCap(ctx, r.id);
          const cap = armCap === null ? t.caseload_cap : Math.min(t.caseload_cap, armCap);
          members.push({ id: r.id, name: r.name, roles: r.roles.split(','), open_cases: r.open_cases, cap, over_cap: r.open_cases > cap });
        }
        members.sort((a, b) => a.name.localeCompare(b.name, 'da'));
        return { team: t, members };
      }),
  );

  app.get(
    '/api/teams/:teamId/break-glass',
    { config: { policy: scoped('team.manage', 'team_leader', 'municipality_admin') }, schema: { tags, summary: "Cases of the team opened by breaking the glass, newest first", params: TeamParams, response: { 200: Type.Array(Grant), ...errorResponses } } },
    async (request) =>
      inTransaction(services, request, async (ctx) => {
        const rows = await ctx.db
          .selectFrom('case_access_grant as g')
          .innerJoin('citizen_case as c', (j) => j.onRef('c.municipality_id', '=', 'g.municipality_id').onRef('c.id', '=', 'g.case_id'))
          .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'g.municipality_id').onRef('u.id', '=', 'g.user_id'))
          .select(['g.case_id', 'c.case_number', 'u.id as user_id', 'u.name', 'g.reason', 'g.granted_at', 'g.expires_at'])
          .where('g.municipality_id', '=', ctx.actor.municipalityId)
          .where('c.team_id', '=', request.params.teamId)
          .orderBy('g.granted_at', 'desc')
          .limit(200)
          .execute();
        return rows.map((r) => ({ case_id: r.case_id, case_number: r.case_number, user: { id: r.user_id, name: r.name }, reason: r.reason, granted_at: r.granted_at.toISOString(), expires_at: r.expires_at.toISOString() }));
      }),
  );
};
