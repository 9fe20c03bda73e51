import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/server/config.js';
import { openDatabase, type Db } from '../../src/server/db/database.js';
import { migrate } from '../../src/server/db/migrate.js';
import { tenantGuard } from '../../src/server/db/tenant-guard.js';
import { buildTestApp, Client } from '../support/app.js';
import { migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildUser } from '../support/factories.js';

// When the database cannot serve, the API says so (503 database_unavailable, Retry-After) instead
// of 500 or hanging, and serves again once the database is back, without a restart.

function expectUnavailable(r: LightMyRequestResponse): void {
  expect(r.statusCode).toBe(503);
  expect(r.json()).toMatchObject({ code: 'database_unavailable', message: expect.any(String) as unknown });
  expect(r.headers['retry-after']).toBe('5');
}

async function loggedInCaseworker(db: Db, app: FastifyInstance): Promise<Client> {
  const m = await buildMunicipality(db.kysely);
  const worker = await buildUser(db.kysely, m.id, ['caseworker']);
  const client = new Client(app);
  expect((await client.login(worker.email, worker.password)).statusCode).toBe(200);
  return client;
}

describe('timeout configuration', () => {
  it('defaults to 10 s per statement and 5 s per connection, 0 for none, and refuses nonsense', () => {
    expect(readConfig({})).toMatchObject({ statementTimeoutMs: 10_000, connectTimeoutMs: 5_000 });
    expect(readConfig({ MEDSPILLER_STATEMENT_TIMEOUT_MS: '0', MEDSPILLER_CONNECT_TIMEOUT_MS: '250' })).toMatchObject({
      statementTimeoutMs: 0,
      connectTimeoutMs: 250,
    });
    expect(() => readConfig({ MEDSPILLER_STATEMENT_TIMEOUT_MS: '10s' })).toThrow(ConfigError);
    expect(() => readConfig({ MEDSPILLER_CONNECT_TIMEOUT_MS: '-1' })).toThrow(ConfigError);
  });
});

describe('database outage on pglite', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let client: Client;

  beforeAll(async () => {
    t = await migratedDatabase('pglite');
    app = await buildTestApp(t.db);
    client = await loggedInCaseworker(t.db, app);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('answers 503 database_unavailable, not 500, once the embedded database is closed', async () => {
    expect((await client.request('GET', '/api/cases')).statusCode).toBe(200);
    await t.db.close();
    expectUnavailable(await client.request('GET', '/api/cases'));
    // Without a session cookie: the probe a load balancer sends.
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ code: 'not_ready' });
  });
});

// PostgreSQL only: PGlite runs in this process and has neither connections to lose nor timeouts.
describe.each(process.env.TEST_DATABASE_URL ? ['postgres'] : [])('database outage on %s', () => {
  const STATEMENT_TIMEOUT_MS = 1_000;
  const name = `medspiller_test_${randomBytes(6).toString('hex')}`;
  let db: Db;
  let app: FastifyInstance;
  let client: Client;
  const admin = (database: string): pg.Client => {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = `/${database}`;
    return new pg.Client({ connectionString: url.toString() });
  };

  beforeAll(async () => {
    const c = admin(new URL(process.env.TEST_DATABASE_URL ?? '').pathname.slice(1));
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = `/${name}`;
    db = await openDatabase(
      {
        driver: 'postgres',
        url: url.toString(),
        maxConnections: 3,
        statementTimeoutMs: STATEMENT_TIMEOUT_MS,
        connectTimeoutMs: 1_000,
      },
      { plugins: [tenantGuard()] },
    );
    await migrate(db);
    app = await buildTestApp(db);
    client = await loggedInCaseworker(db, app);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    const c = admin(new URL(process.env.TEST_DATABASE_URL ?? '').pathname.slice(1));
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  /** Runs `fn` with an open transaction on another connection that holds ACCESS EXCLUSIVE locks. */
  async function withTablesLocked<T>(tables: string, fn: (locker: pg.Client) => Promise<T>): Promise<T> {
    const locker = admin(name);
    await locker.connect();
    locker.on('error', () => undefined); // terminated by a test on purpose
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${tables} IN ACCESS EXCLUSIVE MODE`);
      return await fn(locker);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end().catch(() => undefined);
    }
  }

  it('answers 503 when a lock is held past the statement timeout, and 200 once it is released', async () => {
    await withTablesLocked('citizen_case', async () => {
      expectUnavailable(await client.request('GET', '/api/cases'));
    });
    expect((await client.request('GET', '/api/cases')).statusCode).toBe(200);
  });

  it('is not ready while the database does not answer in time', async () => {
    await withTablesLocked('schema_migrations', async () => {
      const ready = await client.request('GET', '/api/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ code: 'not_ready' });
    });
    expect((await client.request('GET', '/api/ready')).statusCode).toBe(200);
  });

  it('answers 503 when its backends are terminated mid-request, then recovers without a restart', async () => {
    expect((await client.request('GET', '/api/cases')).statusCode).toBe(200);
    const killer = admin(name);
    await killer.connect();
    try {
      await withTablesLocked('citizen_case', async () => {
        // A request waits for the lock; terminate every other backend of this database under it.
        const pending = client.request('GET', '/api/cases');
        for (;;) {
          const waiting = await killer.query(
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
          );
          if (waiting.rowCount !== 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const terminated = await killer.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) t',
        );
        expect(terminated.rows[0]?.n).toBeGreaterThanOrEqual(2); // the locker and the waiting request
        expectUnavailable(await pending);
      });
    } finally {
      await killer.end();
    }
    // The pool drops its dead connections and opens new ones: service resumes in the same app.
    const answers: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const r = await client.request('GET', '/api/cases');
      answers.push(r.statusCode);
      if (r.statusCode === 200) break;
      expectUnavailable(r);
    }
    expect(answers.at(-1)).toBe(200);
    expect((await client.request('GET', '/api/ready')).statusCode).toBe(200);
  });
});
