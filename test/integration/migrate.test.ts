import { afterEach, describe, expect, it } from 'vitest';
import {
  checkApplied,
  loadMigrations,
  migrate,
  migrationStatus,
  MigrationError,
  type Migration,
} from '../../src/server/db/migrate.js';
import { drivers, emptyDatabase, type TestDb } from '../support/db.js';

describe.each(drivers)('migrations on %s', (driver) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it('applies every file once, in order, and records checksums', async () => {
    t = await emptyDatabase(driver);
    const files = await loadMigrations();
    expect(files.map((m) => m.version)).toEqual([...files.map((m) => m.version)].sort((a, b) => a - b));
    const first = await migrate(t.db);
    expect(first.map((m) => m.version)).toEqual(files.map((m) => m.version));
    expect(await migrate(t.db)).toEqual([]);
    expect(await migrationStatus(t.db)).toEqual({ applied: files.length, pending: 0 });
  });

  it('refuses to run when an applied file was changed', async () => {
    t = await emptyDatabase(driver);
    const files = await loadMigrations();
    await migrate(t.db);
    const changed: Migration[] = files.map((m, i) =>
      i === 0 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: 'f'.repeat(64) } : m,
    );
    await expect(migrate(t.db, changed)).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls back a failing migration whole and records nothing', async () => {
    t = await emptyDatabase(driver);
    const files = await loadMigrations();
    const broken: Migration = {
      version: 999,
      name: 'broken',
      sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();',
      checksum: 'b'.repeat(64),
    };
    await expect(migrate(t.db, [...files, broken])).rejects.toThrow();
    expect(await migrationStatus(t.db, files)).toEqual({ applied: files.length, pending: 0 });
    const tables = await t.db.rawTransaction((s) =>
      s.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'"),
    );
    expect(tables[0]?.n).toBe(0);
  });
});

describe('checkApplied', () => {
  const m = (version: number, checksum: string): Migration => ({ version, name: `m${version}`, sql: '', checksum });

  it('lists the pending ones', () => {
    expect(
      checkApplied([{ version: 1, name: 'm1', checksum: 'a' }], [m(1, 'a'), m(2, 'b')]).map((x) => x.version),
    ).toEqual([2]);
  });

  it('refuses a database newer than the code', () => {
    expect(() => checkApplied([{ version: 3, name: 'm3', checksum: 'c' }], [m(1, 'a')])).toThrow(MigrationError);
  });
});
