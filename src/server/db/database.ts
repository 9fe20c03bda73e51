import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type KyselyPlugin } from 'kysely';
import pg from 'pg';
import { createDurablePglite } from './durable-fs.js';
import type { Database } from './schema.js';
import { parsers } from './types.js';

/** A session that accepts multi-statement SQL; used by the migration runner only. */
export interface RawSession {
  exec(sql: string): Promise<void>;
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
}

export type Driver = 'pglite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly driver: Driver;
  /** Runs `fn` in one transaction on a raw session; commits when it resolves. */
  rawTransaction<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DbTarget =
  | { driver: 'pglite'; dataDir?: string }
  | {
      driver: 'postgres';
      url: string;
      maxConnections?: number;
      /**
       * Longest a statement may run or wait for a lock before PostgreSQL cancels it (0 = no
       * limit). A hung request then answers 503 instead of holding its connection.
       */
      statementTimeoutMs?: number;
      /** Longest to wait for a connection: a new one from the server or a free one from the pool. */
      connectTimeoutMs?: number;
    };

export interface DbOptions {
  /** Kysely plugins on every query, e.g. the tests' tenant guard. */
  plugins?: KyselyPlugin[];
}

export async function openDatabase(target: DbTarget, options: DbOptions = {}): Promise<Db> {
  const plugins = options.plugins ?? [];
  return target.driver === 'pglite' ? openPglite(target.dataDir, plugins) : openPostgres(target, plugins);
}

async function openPglite(dataDir: string | undefined, plugins: KyselyPlugin[]): Promise<Db> {
  // dataDir undefined = in memory (tests). PGlite has a single connection: every query of a
  // transaction must go through the transaction object, or it waits for itself forever.
  // On disk, a commit is acknowledged only once its WAL is fsynced (durable-fs.ts says why PGlite
  // does not do that by itself).
  const pglite =
    dataDir === undefined ? await PGlite.create({ parsers }) : await createDurablePglite(dataDir, { parsers });
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), plugins });
  let closed = false;
  return {
    kysely,
    driver: 'pglite',
    rawTransaction: (fn) =>
      pglite.transaction(async (tx) =>
        fn({
          exec: async (text) => {
            await tx.exec(text);
          },
          query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
        }),
      ),
    close: async () => {
      if (closed) return;
      closed = true;
      await kysely.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

function pgTypes(): pg.CustomTypesConfig {
  // pg asks for text-format parsers only (it never requests binary results here).
  const fallback = pg.types.getTypeParser.bind(pg.types) as (oid: number, format: 'text') => (value: string) => unknown;
  return {
    getTypeParser: ((oid: number) => parsers[oid] ?? fallback(oid, 'text')) as pg.CustomTypesConfig['getTypeParser'],
  };
}

async function openPostgres(target: Extract<DbTarget, { driver: 'postgres' }>, plugins: KyselyPlugin[]): Promise<Db> {
  const statementTimeout = target.statementTimeoutMs ?? 0;
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.maxConnections ?? 10,
    types: pgTypes(),
    // pg sends these as start-up parameters of every new connection; 0 leaves PostgreSQL's default.
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}),
    ...((target.connectTimeoutMs ?? 0) > 0 ? { connectionTimeoutMillis: target.connectTimeoutMs } : {}),
  });
  // An idle client that loses its server emits 'error'; without a listener that kills the process.
  pool.on('error', () => undefined);
  // pg-pool removes that listener while a client is checked out, yet a client whose server goes
  // away mid-query still emits 'error' (beside rejecting the query): without this, the server dies.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  await kysely.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  let closed = false;
  return {
    kysely,
    driver: 'postgres',
    rawTransaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Migrations and restores may rightly take longer than a request.
        if (statementTimeout > 0) await client.query('SET LOCAL statement_timeout = 0');
        const result = await fn({
          exec: async (text) => {
            await client.query(text);
          },
          query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await kysely.destroy(); // ends the pool
    },
  };
}
