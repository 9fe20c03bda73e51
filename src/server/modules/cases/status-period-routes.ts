import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { scoped } from '../../plugins/policy.js';
import { scopedCase } from '../../plugins/scope.js';
import { EndPeriodBody, PeriodParams, StatusPeriod, StatusPeriodBody } from '../experiments/schema.js';
import { CaseParams, VoidBody } from './schema.js';
import { recordAudit } from '../audit/service.js';
import { addStatusPeriod, endStatusPeriod, listStatusPeriods, voidStatusPeriod } from './status-periods.js';

export const statusPeriodRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['cases'];
  const Periods = Type.Array(StatusPeriod);

  app.get(
    '/api/cases/:caseId/status-periods',
    { config: { policy: scoped('case.read', 'caseworker', 'company_consultant', 'team_leader', 'citizen') }, schema: { tags, summary: 'What the citizen has been doing from when to when (ordinary job, internship, …)', params: CaseParams, response: { 200: Periods, ...errorResponses } } },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, async (ctx) => {
        await recordAudit(ctx.db, { actor: ctx.actor, citizenId: c.citizenId, action: 'read', entity: 'status_period', entityId: c.id, purpose: c.access.viaGrant ? 'break_glass' : 'case_work', requestId: ctx.requestId }, ctx.now);
        return listStatusPeriods(ctx, c.id);
      });
    },
  );

  app.post(
    '/api/cases/:caseId/status-periods',
    { config: { policy: scoped('case.write', 'caseworker') }, schema: { tags, summary: 'Record a status period (open-ended allowed)', params: CaseParams, body: StatusPeriodBody, response: { 201: Periods, ...errorResponses } } },
    async (request, reply) => {
      const c = scopedCase(request);
      const periods = await inTransaction(services, request, async (ctx) => {
        await addStatusPeriod(ctx, c, request.body);
        return listStatusPeriods(ctx, c.id);
      });
      return reply.status(201).send(periods);
    },
  );

  app.post(
    '/api/cases/:caseId/status-periods/:periodId/end',
    { config: { policy: scoped('case.write', 'caseworker') }, schema: { tags, summary: 'End an open status period', params: PeriodParams, body: EndPeriodBody, response: { 200: Periods, ...errorResponses } } },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, async (ctx) => {
        await endStatusPeriod(ctx, c, request.params.periodId, request.body);
        return listStatusPeriods(ctx, c.id);
      });
    },
  );

  app.post(
    '/api/cases/:caseId/status-periods/:periodId/void',
    { config: { policy: scoped('case.write', 'caseworker') }, schema: { tags, summary: 'Void a wrongly recorded status period (kept in the history)', params: PeriodParams, body: VoidBody, response: { 200: Periods, ...errorResponses } } },
    async (request) => {
      const c = scopedCase(request);
      return inTransaction(services, request, async (ctx) => {
        await voidStatusPeriod(ctx, c, request.params.periodId, request.body);
        return listStatusPeriods(ctx, c.id);
      });
    },
  );
};
