import path from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Db, type DbOptions } from './db/database.js';
import { lockDataDir, type DataDirLock } from './db/lock.js';
import { tenantGuard } from './db/tenant-guard.js';

export interface OpenedDatabase {
  db: Db;
  /** Human description for start-up messages (never includes a password). */
  description: string;
  close(): Promise<void>;
}

function describeUrl(url: string): string {
  const u = new URL(url);
  return `PostgreSQL at ${u.hostname}:${u.port === '' ? '5432' : u.port}${u.pathname}`;
}

/** Opens the configured database; the embedded one under a lock on its data directory. */
export async function openConfiguredDatabase(config: Config): Promise<OpenedDatabase> {
  const options: DbOptions = config.tenantGuard ? { plugins: [tenantGuard()] } : {};
  if (config.databaseUrl !== undefined) {
    const db = await openDatabase(
      {
        driver: 'postgres',
        url: config.databaseUrl,
        statementTimeoutMs: config.statementTimeoutMs,
        connectTimeoutMs: config.connectTimeoutMs,
      },
      options,
    );
    return { db, description: describeUrl(config.databaseUrl), close: () => db.close() };
  }
  const lock: DataDirLock = lockDataDir(config.dataDir);
  try {
    const dir = path.join(config.dataDir, 'pglite');
    const db = await openDatabase({ driver: 'pglite', dataDir: dir }, options);
    return {
      db,
      description: `embedded PostgreSQL (PGlite) in ${dir}`,
      close: async () => {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
