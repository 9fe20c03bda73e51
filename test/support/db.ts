import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db, type Driver } from '../../src/server/db/database.js';
import { migrate } from '../../src/server/db/migrate.js';
import { tenantGuard } from '../../src/server/db/tenant-guard.js';

// Integration tests run on the embedded database always, and on real PostgreSQL too when
// TEST_DATABASE_URL is set. Each test file gets its own fresh database: tests never share state.

export const drivers: Driver[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb {
  db: Db;
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database (not migrated) on the given driver. `guard: false` is for the
 * benchmarks only: they measure the server as it runs in production, without the guard's parse.
 */
export async function emptyDatabase(driver: Driver, options: { guard?: boolean } = {}): Promise<TestDb> {
  const plugins = options.guard === false ? [] : [tenantGuard()];
  if (driver === 'pglite') {
    const db = await openDatabase({ driver: 'pglite' }, { plugins });
    return { db, drop: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (base === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const name = `medspiller_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ driver: 'postgres', url: url.toString(), maxConnections: 5 }, { plugins });
  return {
    db,
    drop: async () => {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A fresh database with every migration applied. */
export async function migratedDatabase(driver: Driver): Promise<TestDb> {
  const t = await emptyDatabase(driver);
  await migrate(t.db);
  return t;
}
