import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { roles } from '../../plugins/policy.js';
import { QueueQuery, WorkQueue } from './schema.js';
import { workQueue } from './service.js';

export const deadlineRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  app.get(
    '/api/work-queue',
    {
      config: { policy: roles('caseworker', 'team_leader') },
      schema: {
        operationId: 'listWorkQueueCitizens',
        tags: ['work queue'],
        summary:
          "The citizens with open or overdue deadlines in the caseworker's caseload (scope=mine) or the team's (scope=team), each once with the most urgent deadline first, sorted and paged by citizen",
        querystring: QueueQuery,
        response: { 200: WorkQueue, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => workQueue(ctx, request.query)),
  );
};
