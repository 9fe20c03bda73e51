import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { ErrorBody } from '../../http/schemas.js';
import { PUBLIC } from '../../plugins/policy.js';
import { AppError } from '../../errors.js';

export interface SystemOptions {
  db: Db;
  /** Number of migration files this build knows. */
  migrationCount: number;
}

export const systemRoutes: FastifyPluginAsyncTypebox<SystemOptions> = async (app, { db, migrationCount }) => {
  app.get(
    '/api/health',
    {
      config: { policy: PUBLIC },
      schema: { tags: ['system'], summary: 'The process is alive', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    () => Promise.resolve({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      config: { policy: PUBLIC },
      schema: {
        tags: ['system'],
        summary: 'The database answers and its migrations are current',
        response: { 200: Type.Object({ status: Type.Literal('ready'), migrations: Type.Integer() }), 503: ErrorBody },
      },
    },
    async () => {
      let applied: number;
      try {
        const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations`.execute(db.kysely);
        applied = row.rows[0]?.n ?? 0;
      } catch {
        throw new AppError('not_ready', { da: 'Databasen svarer ikke.', en: 'The database does not answer.' });
      }
      if (applied !== migrationCount) {
        throw new AppError('not_ready', {
          da: `Databasen har ${applied} af ${migrationCount} migreringer.`,
          en: `The database has ${applied} of ${migrationCount} migrations.`,
        });
      }
      return { status: 'ready' as const, migrations: applied };
    },
  );
};
