import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { scoped } from '../../plugins/policy.js';
import { withCase } from '../access/service.js';
import { CaseParams, VoidBody } from '../cases/schema.js';
import { EndPeriodInput, PeriodParams, StatusPeriodInput, StatusPeriods } from './schema.js';
import { addStatusPeriod, endStatusPeriod, readStatusPeriods, voidStatusPeriod } from './service.js';

export const statusPeriodRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['cases'];

  app.get(
    '/api/cases/:caseId/status-periods',
    {
      config: { policy: scoped('case.read', 'caseworker', 'company_consultant', 'team_leader', 'citizen') },
      schema: {
        operationId: 'listStatusPeriods',
        tags,
        summary: 'What the citizen has been doing from when to when (ordinary job, internship, …)',
        params: CaseParams,
        response: { 200: StatusPeriods, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        readStatusPeriods(ctx, await withCase(ctx, request.params.caseId, 'read')),
      ),
  );

  app.post(
    '/api/cases/:caseId/status-periods',
    {
      config: { policy: scoped('case.write', 'caseworker') },
      schema: {
        operationId: 'recordStatusPeriod',
        tags,
        summary: 'Record a status period (open-ended allowed)',
        params: CaseParams,
        body: StatusPeriodInput,
        response: { 201: StatusPeriods, ...errorResponses },
      },
    },
    async (request, reply) => {
      const periods = await inTransaction(services, request, async (ctx) =>
        addStatusPeriod(ctx, await withCase(ctx, request.params.caseId, 'write'), request.body),
      );
      return reply.status(201).send(periods);
    },
  );

  app.post(
    '/api/cases/:caseId/status-periods/:periodId/end',
    {
      config: { policy: scoped('case.write', 'caseworker') },
      schema: {
        operationId: 'endStatusPeriod',
        tags,
        summary: 'End an open status period',
        params: PeriodParams,
        body: EndPeriodInput,
        response: { 200: StatusPeriods, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        endStatusPeriod(
          ctx,
          await withCase(ctx, request.params.caseId, 'write'),
          request.params.periodId,
          request.body,
        ),
      ),
  );

  app.post(
    '/api/cases/:caseId/status-periods/:periodId/void',
    {
      config: { policy: scoped('case.write', 'caseworker') },
      schema: {
        operationId: 'voidStatusPeriod',
        tags,
        summary: 'Void a wrongly recorded status period (kept in the history)',
        params: PeriodParams,
        body: VoidBody,
        response: { 200: StatusPeriods, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, async (ctx) =>
        voidStatusPeriod(
          ctx,
          await withCase(ctx, request.params.caseId, 'write'),
          request.params.periodId,
          request.body,
        ),
      ),
  );
};
