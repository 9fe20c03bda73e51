import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles } from '../../plugins/policy.js';
import { invalid } from '../../errors.js';
import { recordAudits } from '../audit/service.js';
import { loadActorScope } from '../cases/scope.js';
import { Track, Uuid } from '../cases/schema.js';
import { queueCounts, queuePage, type QueueFilter } from './queries.js';

const QueueQuery = Type.Object({
  scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('team')])),
  rule: Type.Optional(Type.String({ maxLength: 100 })),
  track: Type.Optional(Track),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('overdue')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

const QueueItem = Type.Object({
  case_id: Uuid,
  case_number: Type.String(),
  citizen_name: Type.String(),
  rule: Type.String(),
  title: Type.String(),
  title_en: Type.String(),
  due: Type.String({ format: 'date' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('overdue')]),
  basis: Type.String(),
  explanation: Type.String(),
  explanation_en: Type.String(),
  category: Type.Union([Type.String(), Type.Null()]),
  track: Type.Union([Type.String(), Type.Null()]),
  caseworker: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
});

export const workQueueRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  app.get(
    '/api/work-queue',
    {
      config: { policy: roles('caseworker', 'team_leader') },
      schema: {
        tags: ['work queue'],
        summary: "Open and overdue deadlines across the caseworker's caseload (scope=mine) or the team's (scope=team), soonest first",
        querystring: QueueQuery,
        response: { 200: Type.Object({ counts: Type.Object({ open: Type.Integer(), overdue: Type.Integer(), total: Type.Integer() }), items: Type.Array(QueueItem) }), ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) => {
        const { actor } = ctx;
        const q = request.query;
        const scope = q.scope ?? (actor.roles.includes('caseworker') ? 'mine' : 'team');
        const base = { municipalityId: actor.municipalityId, today: ctx.today, ...(q.rule === undefined ? {} : { rule: q.rule }), ...(q.track === undefined ? {} : { track: q.track }) };
        let filter: QueueFilter;
        if (scope === 'mine') {
          if (!actor.roles.includes('caseworker')) throw invalid({ da: 'scope: kun sagsbehandlere har en egen sagsstamme.', en: 'scope: only caseworkers have a caseload of their own.' });
          filter = { ...base, caseworkerId: actor.userId };
        } else {
          const s = await loadActorScope(ctx.db, actor, ctx.now);
          const teams = [...new Set([...(actor.roles.includes('team_leader') ? s.leads : []), ...(actor.roles.includes('caseworker') ? s.memberOf : [])])];
          filter = { ...base, teamIds: teams };
        }
        const counts = await queueCounts(ctx.db, filter);
        const rows = await queuePage(ctx.db, { ...filter, ...(q.status === undefined ? {} : { status: q.status }) }, q.limit ?? 50, q.offset ?? 0);
        await recordAudits(
          ctx.db,
          [...new Map(rows.map((r) => [r.citizen_id, r])).values()].map((r) => ({ actor, citizenId: r.citizen_id, action: 'read' as const, entity: 'work_queue', entityId: r.case_id, purpose: 'case_work', requestId: ctx.requestId })),
          ctx.now,
        );
        return {
          counts: { ...counts, total: counts.open + counts.overdue },
          items: rows.map((r) => ({
            case_id: r.case_id,
            case_number: r.case_number,
            citizen_name: r.citizen_name,
            rule: r.rule,
            title: r.title,
            title_en: r.title_en,
            due: r.due,
            status: r.due < ctx.today ? ('overdue' as const) : ('open' as const),
            basis: r.basis,
            explanation: r.explanation,
            explanation_en: r.explanation_en,
            category: r.category,
            track: r.track,
            caseworker: r.caseworker_id === null ? null : { id: r.caseworker_id, name: r.caseworker_name ?? '' },
          })),
        };
      }),
  );
};
