import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { danishDate, type Ctx } from '../context.js';
import type { CprKeyring } from '../crypto/index.js';
import type { Db } from '../db/database.js';
import { Tenant } from '../db/tenant.js';

export interface Services {
  db: Db;
  keyring: CprKeyring;
  /** The time; tests set it to make "today" deterministic. */
  clock: () => Date;
}

/**
 * Runs a use case in one transaction with the caller's context: the change, its history and
 * its audit event commit together or not at all. Only the transaction is handed down:
 * PGlite has one connection, and a query beside the transaction would wait for it forever.
 */
export async function inTransaction<T>(
  services: Services,
  request: FastifyRequest,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  const actor = request.actor;
  if (actor === null) throw new Error('inTransaction needs an authenticated route');
  const now = services.clock();
  return services.db.kysely.transaction().execute((trx: Kysely<Database>) =>
    fn({
      db: new Tenant(trx, actor.municipalityId),
      actor,
      requestId: request.id,
      now,
      today: danishDate(now),
      keyring: services.keyring,
    }),
  );
}
