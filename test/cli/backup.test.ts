// `medspiller backup` and `restore` end to end on the built CLI, for both drivers: a demo database
// with a few writes of its own is backed up, restored into a fresh target, and every table is
// compared row by row; the audit chain verifies on the copy. Plus the refusals (exit 2).
import { randomBytes, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/server/db/database.js';
import { Tenant } from '../../src/server/db/tenant.js';
import { recordAudits } from '../../src/server/modules/audit/service.js';
import { buildMunicipality, buildUser } from '../support/factories.js';
import { testLogStream } from '../support/log-scan.js';
import { CLI, startServerProcess, tempDir } from '../support/server-process.js';

const CPR_LIKE = /\b\d{6}-?\d{4}\b/;
const log = testLogStream();

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  log.write(r.stdout);
  log.write(r.stderr);
  // Whatever happens, neither a CPR number nor row data reaches the terminal.
  expect(`${r.stdout}${r.stderr}`).not.toMatch(CPR_LIKE);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every table of the public schema, each as its rows' text in a total order. */
async function snapshot(db: Db): Promise<Map<string, string[]>> {
  return db.rawTransaction(async (s) => {
    const tables = await s.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const result = new Map<string, string[]>();
    for (const { table_name: name } of tables) {
      const rows = await s.query<{ r: string }>(`SELECT t::text AS r FROM "${name}" t ORDER BY 1`);
      result.set(
        name,
        rows.map((row) => row.r),
      );
    }
    return result;
  });
}

/** A municipality, a user and two audit events of its own beside the demo data. */
async function someWrites(db: Db): Promise<void> {
  const m = await buildMunicipality(db.kysely, 'Backupkommune');
  const user = await buildUser(db.kysely, m.id, ['caseworker']);
  const actor = {
    userId: user.id,
    municipalityId: m.id,
    kind: 'staff' as const,
    name: 'Bente Backup',
    email: user.email,
    roles: user.roles,
  };
  await recordAudits(
    new Tenant(db.kysely, m.id),
    ['first', 'second'].map((purpose) => ({
      actor,
      citizenId: null,
      action: 'read' as const,
      entity: 'case',
      entityId: randomUUID(),
      purpose,
      requestId: randomUUID(),
    })),
    new Date(),
  );
}

function expectSameRows(before: Map<string, string[]>, after: Map<string, string[]>): void {
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [table, rows] of before) expect(after.get(table), table).toEqual(rows);
}

function expectChainsIntact(env: Record<string, string>): void {
  const verify = cli(['audit', 'verify'], env);
  expect(verify.stderr).toBe('');
  expect(verify.stdout).toMatch(/^0999 Demo Kommune: \d+ events, chain intact$/m);
  expect(verify.stdout).toMatch(/: 2 events, chain intact$/m);
  expect(verify.stdout).not.toContain('BROKEN');
  expect(verify.code).toBe(0);
}

const work = tempDir('medspiller-backup-');
// Each step is a CLI process starting PGlite or the PostgreSQL tools; on a loaded CI machine a
// round trip took 50 s, so the default 60 s is too tight (a limit, not a timing assertion).
const SLOW = 240_000;

describe('medspiller backup / restore (embedded database)', { timeout: SLOW }, () => {
  const source = { MEDSPILLER_DATA_DIR: path.join(work, 'source') };
  const target = { MEDSPILLER_DATA_DIR: path.join(work, 'target') };
  const file = path.join(work, 'embedded.tar.gz');
  const open = (dataDir: string) => openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });

  it('round-trips every table row by row, and the audit chains verify on the copy', async () => {
    expect(cli(['demo-data'], source).code).toBe(0);
    const db = await open(source.MEDSPILLER_DATA_DIR);
    let before: Map<string, string[]>;
    try {
      await someWrites(db);
      before = await snapshot(db);
    } finally {
      await db.close();
    }
    expect(before.size).toBeGreaterThanOrEqual(20);
    expect([...before.values()].reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(100);

    const backup = cli(['backup', file], source);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^Backed up the embedded database in .* MB in [\d.]+ s\.$/m);
    expect(backup.code).toBe(0);

    const restore = cli(['restore', file], target);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/Schema at migration (\d{3}); this Medspiller has \1\.$/m);
    expect(restore.code).toBe(0);

    const copy = await open(target.MEDSPILLER_DATA_DIR);
    try {
      expectSameRows(before, await snapshot(copy));
    } finally {
      await copy.close();
    }
    expectChainsIntact(target);
  });

  it('refuses a non-empty target without --force, and replaces it with --force', async () => {
    const refused = cli(['restore', file], target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already holds a database');
    expect(refused.stderr).toContain('--force');

    const forced = cli(['restore', file, '--force'], target);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(existsSync(path.join(target.MEDSPILLER_DATA_DIR, 'pglite', 'PG_VERSION'))).toBe(true);
    expectChainsIntact(target);
  });

  it('refuses a backup from a newer Medspiller and leaves the data directory as it was', async () => {
    const db = await open(source.MEDSPILLER_DATA_DIR);
    try {
      await db.kysely
        .insertInto('schema_migrations')
        .values({ version: 999, name: 'from_the_future', checksum: 'x' })
        .execute();
    } finally {
      await db.close();
    }
    const newer = path.join(work, 'newer.tar.gz');
    expect(cli(['backup', newer], source).code).toBe(0);
    const undo = await open(source.MEDSPILLER_DATA_DIR);
    try {
      await undo.kysely.deleteFrom('schema_migrations').where('version', '=', 999).execute();
    } finally {
      await undo.close();
    }

    const empty = { MEDSPILLER_DATA_DIR: tempDir() };
    const refused = cli(['restore', newer], empty);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'has migration 999 (from_the_future) which this version of Medspiller does not have',
    );
    expect(existsSync(path.join(empty.MEDSPILLER_DATA_DIR, 'pglite'))).toBe(false);

    const kept = cli(['restore', newer, '--force'], target);
    expect(kept.code).toBe(1);
    expectChainsIntact(target);
  });

  it('refuses while a server holds the data directory', async () => {
    const server = await startServerProcess(source);
    try {
      const backup = cli(['backup', path.join(work, 'locked.tar.gz')], source);
      expect(backup.code).toBe(2);
      expect(backup.stderr).toContain('is in use by another Medspiller process');
      expect(existsSync(path.join(work, 'locked.tar.gz'))).toBe(false);

      const restore = cli(['restore', file, '--force'], source);
      expect(restore.code).toBe(2);
      expect(restore.stderr).toContain('is in use by another Medspiller process');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('refuses bad arguments, a missing file, an existing output and a backup of the other driver', () => {
    expect(cli(['backup'], source).code).toBe(2);
    expect(cli(['restore', 'a', 'b'], source).code).toBe(2);

    const missing = cli(['restore', path.join(work, 'nope.tar.gz')], { MEDSPILLER_DATA_DIR: tempDir() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');

    const exists = cli(['backup', file], source);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('already exists');

    const notBackup = path.join(work, 'not-a-backup');
    writeFileSync(notBackup, 'hello');
    const wrong = cli(['restore', notBackup], { MEDSPILLER_DATA_DIR: tempDir() });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('is not a Medspiller backup');

    const fake = path.join(work, 'fake.dump');
    writeFileSync(fake, 'PGDMP\u0001\u000e\u0000');
    const other = cli(['restore', fake], { MEDSPILLER_DATA_DIR: tempDir() });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('is a PostgreSQL backup');
  });
});

const base = process.env.TEST_DATABASE_URL;
const databases: string[] = [];

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `medspiller_backup_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  databases.push(name);
  const url = new URL(base ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  for (const name of databases) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

describe.runIf(base !== undefined)('medspiller backup / restore (PostgreSQL)', { timeout: SLOW }, () => {
  const file = path.join(work, 'postgres.dump');
  let source: Record<string, string>;
  let target: Record<string, string>;
  let before: Map<string, string[]>;
  const open = (env: Record<string, string>) =>
    openDatabase({ driver: 'postgres', url: env.DATABASE_URL ?? '', maxConnections: 1 });

  it('round-trips every table row by row, and the audit chains verify on the copy', async () => {
    source = { DATABASE_URL: await freshDatabase() };
    target = { DATABASE_URL: await freshDatabase() };
    expect(cli(['demo-data'], source).code).toBe(0);
    const db = await open(source);
    try {
      await someWrites(db);
      before = await snapshot(db);
    } finally {
      await db.close();
    }
    expect(before.size).toBeGreaterThanOrEqual(20);

    const backup = cli(['backup', file], source);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);

    const restore = cli(['restore', file], target);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/Schema at migration (\d{3}); this Medspiller has \1\.$/m);
    expect(restore.code).toBe(0);

    const copy = await open(target);
    try {
      expectSameRows(before, await snapshot(copy));
    } finally {
      await copy.close();
    }
    expectChainsIntact(target);
  });

  it('refuses a target with tables without --force, and restores over it with --force', async () => {
    const refused = cli(['restore', file], target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already has');
    expect(refused.stderr).toContain('--force');

    const db = await open(target);
    try {
      await someWrites(db); // rows the backup does not have: --force must remove them
    } finally {
      await db.close();
    }
    const forced = cli(['restore', file, '--force'], target);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const copy = await open(target);
    try {
      expectSameRows(before, await snapshot(copy));
    } finally {
      await copy.close();
    }
  });

  it('names the missing tool and its package when pg_dump or pg_restore is not on PATH', () => {
    const noTools = { PATH: tempDir('medspiller-empty-path-') };
    const backup = cli(['backup', path.join(work, 'never.dump')], { ...source, ...noTools });
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('pg_dump was not found on PATH');
    expect(backup.stderr).toContain('postgresql-client');
    expect(existsSync(path.join(work, 'never.dump'))).toBe(false);

    const restore = cli(['restore', file, '--force'], { ...target, ...noTools });
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain('pg_restore was not found on PATH');
  });
});
