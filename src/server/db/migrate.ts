import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './database.js';

// Plain numbered .sql files (NNN_name.sql), each applied in its own transaction and recorded
// with a SHA-256 checksum. An applied file that changed, or an applied version this code does
// not know, stops the server: a database is never run against a schema it was not built for.

export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

const FILE = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

export async function loadMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE.exec(file);
    if (match === null) throw new MigrationError(`Migration file name "${file}" must look like 001_name.sql.`);
    const sql = await readFile(`${dir}/${file}`, 'utf8');
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version))
      throw new MigrationError(`Two migration files share version ${version}.`);
    migrations.push({ version, name: match[2] ?? '', sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

async function readApplied(db: Db): Promise<AppliedRow[]> {
  return db.rawTransaction(async (s) => {
    await s.exec(CREATE_TABLE);
    return s.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
  });
}

/** Compares applied migrations with the files; throws MigrationError on any drift. */
export function checkApplied(applied: readonly AppliedRow[], migrations: readonly Migration[]): Migration[] {
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const file = byVersion.get(row.version);
    if (file === undefined) {
      throw new MigrationError(
        `The database has migration ${row.version} (${row.name}) which this version of Medspiller does not have. ` +
          'Run the Medspiller version that created this database, or a newer one.',
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${String(row.version).padStart(3, '0')}_${row.name}.sql was changed after it was applied ` +
          `(checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). ` +
          'Applied migrations must never be edited: restore the file and put the change in a new migration.',
      );
    }
  }
  const appliedVersions = new Set(applied.map((r) => r.version));
  return migrations.filter((m) => !appliedVersions.has(m.version));
}

export interface MigrationStatus {
  applied: number;
  pending: number;
}

export async function migrationStatus(db: Db, migrations?: Migration[]): Promise<MigrationStatus> {
  const all = migrations ?? (await loadMigrations());
  const applied = await readApplied(db);
  const pending = checkApplied(applied, all);
  return { applied: applied.length, pending: pending.length };
}

/** Applies pending migrations in version order; returns the ones applied now. */
export async function migrate(db: Db, migrations?: Migration[]): Promise<Migration[]> {
  const all = migrations ?? (await loadMigrations());
  const pending = checkApplied(await readApplied(db), all);
  for (const m of pending) {
    await db.rawTransaction(async (s) => {
      // Two servers starting at once on one PostgreSQL: the second waits, then sees the row.
      if (db.driver === 'postgres') await s.query('SELECT pg_advisory_xact_lock(7411001)');
      const done = await s.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      if (done.length > 0) return;
      await s.exec(m.sql);
      await s.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
    });
  }
  return pending;
}
