import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles, scoped } from '../../plugins/policy.js';
import { AccessLog, AccessLogQuery, CitizenParams } from './schema.js';
import * as audit from './service.js';

export const auditRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['audit'];

  app.get(
    '/api/citizens/:citizenId/access-log',
    {
      config: { policy: scoped('citizen.audit', 'municipality_admin') },
      schema: {
        operationId: 'citizenAccessLog',
        tags,
        summary: "Who read or changed a citizen's data (the data-protection officer's view), newest first",
        params: CitizenParams,
        querystring: AccessLogQuery,
        response: { 200: AccessLog, ...errorResponses },
      },
    },
    async (request) =>
      inTransaction(services, request, (ctx) => audit.accessLog(ctx, request.params.citizenId, request.query)),
  );

  app.get(
    '/api/me/access-log',
    {
      config: { policy: roles('citizen') },
      schema: {
        operationId: 'myAccessLog',
        tags,
        summary: 'Who has seen my data, newest first',
        querystring: AccessLogQuery,
        response: { 200: AccessLog, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => audit.myAccessLog(ctx, request.query)),
  );
};
