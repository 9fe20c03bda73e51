import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/database.js';
import { ErrorBody } from '../../http/schemas.js';
import { PUBLIC } from '../../plugins/policy.js';
import { Health, Readiness } from './schema.js';
import * as system from './service.js';

export interface SystemOptions {
  db: Db;
  /** Number of migration files this build knows. */
  migrationCount: number;
}

export const systemRoutes: FastifyPluginAsyncTypebox<SystemOptions> = async (app, { db, migrationCount }) => {
  const tags = ['system'];

  app.get(
    '/api/health',
    {
      config: { policy: PUBLIC },
      schema: { operationId: 'checkHealth', tags, summary: 'The process is alive', response: { 200: Health } },
    },
    () => Promise.resolve({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'checkReadiness',
        tags,
        summary: 'The database answers and its migrations are current',
        response: { 200: Readiness, 503: ErrorBody },
      },
    },
    async () => system.readiness(db.kysely, migrationCount),
  );
};
