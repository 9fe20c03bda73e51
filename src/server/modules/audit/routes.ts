import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles, scoped } from '../../plugins/policy.js';
import { notFound } from '../../errors.js';
import { Uuid } from '../cases/schema.js';
import { eventsForCitizen } from './queries.js';

const AccessEvent = Type.Object({
  seq: Type.Integer(),
  occurred_at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]), role: Type.String() }),
  action: Type.String(),
  entity: Type.String(),
  purpose: Type.String(),
});
const Page = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })), before: Type.Optional(Type.Integer({ minimum: 1 })) });
const present = (rows: Awaited<ReturnType<typeof eventsForCitizen>>) =>
  rows.map((r) => ({ seq: r.seq, occurred_at: r.occurred_at.toISOString(), actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role }, action: r.action, entity: r.entity, purpose: r.purpose }));

export const auditRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['audit'];

  app.get(
    '/api/citizens/:citizenId/access-log',
    {
      config: { policy: scoped('citizen.audit', 'municipality_admin') },
      schema: { tags, summary: "Who read or changed a citizen's data (the data-protection officer's view), newest first", params: Type.Object({ citizenId: Uuid }), querystring: Page, response: { 200: Type.Array(AccessEvent), ...errorResponses } },
    },
    async (request) => inTransaction(services, request, async (ctx) => present(await eventsForCitizen(ctx.db, ctx.actor.municipalityId, request.params.citizenId, request.query.limit ?? 100, request.query.before))),
  );

  app.get(
    '/api/me/access-log',
    { config: { policy: roles('citizen') }, schema: { tags, summary: 'Who has seen my data, newest first', querystring: Page, response: { 200: Type.Array(AccessEvent), ...errorResponses } } },
    async (request) =>
      inTransaction(services, request, async (ctx) => {
        const me = await ctx.db.selectFrom('app_user').select('citizen_id').where('municipality_id', '=', ctx.actor.municipalityId).where('id', '=', ctx.actor.userId).executeTakeFirst();
        if (me?.citizen_id === undefined || me.citizen_id === null) throw notFound({ da: 'Din bruger er ikke knyttet til en borger.', en: 'Your user is not linked to a citizen.' });
        return present(await eventsForCitizen(ctx.db, ctx.actor.municipalityId, me.citizen_id, request.query.limit ?? 100, request.query.before));
      }),
  );
};
