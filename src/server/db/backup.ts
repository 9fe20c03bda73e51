import { spawn } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from './database.js';
import { lockDataDir } from './lock.js';
import { loadMigrations, MigrationError, migrationStatus } from './migrate.js';

// Backup and restore for both drivers. PGlite: its own dump of the data directory (a gzipped
// tarball), taken under the data directory's lock. PostgreSQL: pg_dump's custom format and
// pg_restore. Neither includes the CPR key: a backup and its key are kept apart on purpose.

/** The command cannot run (bad arguments, a missing tool or file, a locked or non-empty target): exit 2. */
export class BackupRefusal extends Error {}

const PG_DUMP_MAGIC = 'PGDMP';
const GZIP_MAGIC = [0x1f, 0x8b];

export type BackupKind = 'pglite' | 'postgres' | 'unknown';

export function backupKindOf(head: Uint8Array): BackupKind {
  if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return 'pglite';
  if (Buffer.from(head.subarray(0, PG_DUMP_MAGIC.length)).toString('latin1') === PG_DUMP_MAGIC) return 'postgres';
  return 'unknown';
}

/** Where `name` is on PATH, as `which` would answer; undefined when it is not there. */
export function findTool(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function requireTool(name: 'pg_dump' | 'pg_restore'): string {
  const found = findTool(name);
  if (found === undefined) {
    throw new BackupRefusal(
      `${name} was not found on PATH. Install the PostgreSQL client tools, the same major version as ` +
        'the server or newer (Debian/Ubuntu: apt-get install postgresql-client; Alpine: apk add ' +
        'postgresql-client; macOS: brew install libpq).',
    );
  }
  return found;
}

/** Refuses an existing output file without --force and an output directory that is not there. */
function checkOutput(file: string, force: boolean): void {
  if (!existsSync(path.dirname(path.resolve(file)))) {
    throw new BackupRefusal(`The directory of ${file} does not exist.`);
  }
  if (existsSync(file) && !force) {
    throw new BackupRefusal(`${file} already exists. Choose another file name, or pass --force to overwrite it.`);
  }
}

async function readBackup(file: string, expected: Exclude<BackupKind, 'unknown'>): Promise<Buffer> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupRefusal(`The backup file ${file} does not exist.`);
  const bytes = await readFile(file);
  const kind = backupKindOf(bytes.subarray(0, 8));
  if (kind === 'unknown') throw new BackupRefusal(`${file} is not a Medspiller backup.`);
  if (kind !== expected) {
    throw new BackupRefusal(
      kind === 'postgres'
        ? `${file} is a PostgreSQL backup (pg_dump): set DATABASE_URL to restore it into PostgreSQL.`
        : `${file} is a backup of the embedded database: unset DATABASE_URL to restore it into MEDSPILLER_DATA_DIR.`,
    );
  }
  return bytes;
}

function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Flushes every file and directory under `dir` to disk. PGlite's own writes (the shutdown
 * checkpoint when we close it, the files of a loaded dump) reach only the OS cache; a power loss
 * right after a backup or restore must not cost the database.
 */
function fsyncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(full);
    else if (entry.isFile()) fsyncPath(full);
  }
  fsyncPath(dir);
}

/** Writes `file` through a temporary name and flushes both, so a crash leaves the old file or the new one. */
function commitFile(tmp: string, file: string): void {
  fsyncPath(tmp);
  renameSync(tmp, file);
  fsyncPath(path.dirname(path.resolve(file)));
}

/** A temporary name beside the target, so that the final rename never crosses file systems. */
const partial = (file: string): string => `${file}.partial-${process.pid}`;

export interface BackupResult {
  bytes: number;
}

export interface RestoreResult {
  /** The newest migration applied in the restored database (0 when none). */
  version: number;
  /** The newest migration this Medspiller has. */
  current: number;
  pending: number;
}

const isEmptyDir = (dir: string): boolean => !existsSync(dir) || readdirSync(dir).length === 0;

/** The embedded database lives in `<data dir>/pglite`; the lock file and the development key beside it. */
export const pgliteDir = (dataDir: string): string => path.join(dataDir, 'pglite');

/**
 * Dumps the embedded database. Two PGlite instances on one directory corrupt it, so the dump is
 * taken under the data directory's lock: a running server makes this refuse (DataDirLockedError).
 */
export async function backupPglite(dataDir: string, file: string, force: boolean): Promise<BackupResult> {
  checkOutput(file, force);
  const dir = pgliteDir(dataDir);
  if (isEmptyDir(dir)) throw new BackupRefusal(`There is no embedded database in ${dir}: nothing to back up.`);
  const lock = lockDataDir(dataDir);
  const tmp = partial(file);
  try {
    const db = await PGlite.create({ dataDir: dir });
    try {
      const dump = await db.dumpDataDir('gzip');
      await writeFile(tmp, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    } finally {
      await db.close();
      fsyncTree(dir);
    }
    commitFile(tmp, file);
    return { bytes: statSync(file).size };
  } finally {
    rmSync(tmp, { force: true });
    lock.release();
  }
}

async function restoredVersion(db: Parameters<typeof migrationStatus>[0]): Promise<RestoreResult> {
  // migrationStatus throws MigrationError for a database newer than this Medspiller, as start does.
  const status = await migrationStatus(db);
  const rows = await db.rawTransaction((s) =>
    s.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations'),
  );
  const migrations = await loadMigrations();
  return {
    version: rows[0]?.version ?? 0,
    current: Math.max(0, ...migrations.map((m) => m.version)),
    pending: status.pending,
  };
}

/**
 * Restores an embedded-database backup into `<data dir>/pglite`. The dump is loaded into a new
 * directory beside it and checked there; only then does it take the old one's place, so a failed
 * restore (or a backup from a newer Medspiller) leaves the data directory as it was.
 */
export async function restorePglite(dataDir: string, file: string, force: boolean): Promise<RestoreResult> {
  const bytes = await readBackup(file, 'pglite');
  const dir = pgliteDir(dataDir);
  if (!isEmptyDir(dir) && !force) {
    throw new BackupRefusal(
      `${dir} already holds a database. Restore into an empty MEDSPILLER_DATA_DIR, or pass --force to replace it.`,
    );
  }
  const lock = lockDataDir(dataDir);
  const fresh = `${dir}.restoring-${process.pid}`;
  const old = `${dir}.replaced-${process.pid}`;
  try {
    rmSync(fresh, { recursive: true, force: true });
    const loaded = await PGlite.create({ dataDir: fresh, loadDataDir: new Blob([bytes]) });
    await loaded.close();
    const db = await openDatabase({ driver: 'pglite', dataDir: fresh });
    let result: RestoreResult;
    try {
      result = await restoredVersion(db);
    } catch (error) {
      if (error instanceof MigrationError) throw new MigrationError(`${error.message} ${dir} was left as it was.`);
      throw error;
    } finally {
      await db.close();
    }
    fsyncTree(fresh);
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(fresh, dir);
    fsyncPath(dataDir);
    rmSync(old, { recursive: true, force: true });
    return result;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    lock.release();
  }
}

/** The URL without its password, and the password for PGPASSWORD: argv is visible to every user in `ps`. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password === '' ? process.env : { ...process.env, PGPASSWORD: password } };
}

/**
 * pg_dump and pg_restore report failing statements with DETAIL, CONTEXT and "Command was" lines
 * that can quote row values; only their own error lines are passed on.
 */
export function toolErrorLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => /^pg_(dump|restore): (error|warning): /.test(line))
    .map((line) => line.replace(/\b(DETAIL|CONTEXT|LINE \d+):.*$/, '').slice(0, 400));
}

export class ToolFailed extends Error {}

async function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 1_000_000) stderr += d;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolve(c));
  });
  if (code !== 0) {
    const lines = toolErrorLines(stderr);
    throw new ToolFailed(
      `${path.basename(tool)} failed (exit ${code}).${lines.length === 0 ? '' : `\n${lines.join('\n')}`}`,
    );
  }
}

export async function backupPostgres(url: string, file: string, force: boolean): Promise<BackupResult> {
  const tool = requireTool('pg_dump');
  checkOutput(file, force);
  const { dbname, env } = connection(url);
  const tmp = partial(file);
  try {
    await runTool(tool, ['--format=custom', '--no-password', `--file=${tmp}`, `--dbname=${dbname}`], env);
    commitFile(tmp, file);
    return { bytes: statSync(file).size };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Tables outside PostgreSQL's own schemas: a database with any is not empty. */
async function userTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
    );
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

export async function restorePostgres(url: string, file: string, force: boolean): Promise<RestoreResult> {
  const tool = requireTool('pg_restore');
  await readBackup(file, 'postgres');
  const tables = await userTables(url);
  if (tables > 0 && !force) {
    throw new BackupRefusal(
      `The database in DATABASE_URL already has ${tables} tables. Restore into an empty database, ` +
        'or pass --force to replace the objects the backup holds.',
    );
  }
  const { dbname, env } = connection(url);
  // Ownership and grants name the roles of the backed-up server, which the target may not have.
  await runTool(
    tool,
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      '--no-password',
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
  const db = await openDatabase({ driver: 'postgres', url, maxConnections: 1 });
  try {
    return await restoredVersion(db);
  } finally {
    await db.close();
  }
}
