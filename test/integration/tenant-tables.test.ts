import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.js';
import { Tenant, TENANT_TABLES } from '../../src/server/db/tenant.js';
import { TenantIsolationError } from '../../src/server/db/tenant-guard.js';
import { openConfiguredDatabase } from '../../src/server/runtime.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { tempDir } from '../support/server-process.js';

// The tenant helper and the guard know the tenant tables by TENANT_TABLES; a table added by a
// migration with a municipality_id column but missing from that list would escape both.

describe.each(drivers)('tenant tables on %s', (driver) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
  });

  afterAll(async () => {
    await t.drop();
  });

  it('TENANT_TABLES are exactly the tables with a municipality_id column', async () => {
    const { rows } = await sql<{ table: string }>`
      SELECT c.table_name AS "table"
      FROM information_schema.columns c
      JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.column_name = 'municipality_id' AND tb.table_type = 'BASE TABLE'`.execute(
      t.db.kysely,
    );
    expect([...TENANT_TABLES].sort()).toEqual(rows.map((r) => r.table).sort());
  });

  it('the test databases refuse a statement on a tenant table without the municipality filter', async () => {
    await expect(t.db.kysely.selectFrom('team').selectAll().execute()).rejects.toThrow(TenantIsolationError);
    await expect(t.db.kysely.updateTable('citizen_case').set({ status: 'closed' }).execute()).rejects.toThrow(
      TenantIsolationError,
    );
    await expect(t.db.kysely.deleteFrom('case_access_grant').execute()).rejects.toThrow(TenantIsolationError);
  });

  it('with the filter the same statements run', async () => {
    const municipalityId = randomUUID();
    const db = new Tenant(t.db.kysely, municipalityId);
    expect(await db.selectFrom('team').selectAll().execute()).toEqual([]);
    expect(
      await t.db.kysely.selectFrom('team').selectAll().where('municipality_id', '=', municipalityId).execute(),
    ).toEqual([]);
    await db.updateTable('citizen_case').set({ status: 'closed' }).execute();
    await db.deleteFrom('case_access_grant').execute();
  });
});

// The browser and CLI tests start real server processes; they set MEDSPILLER_TENANT_GUARD=1
// (test/support/server-process.ts, test/e2e/harness.ts) so those servers run with the guard too.
describe('MEDSPILLER_TENANT_GUARD', () => {
  it('is off unless set', () => {
    expect(readConfig({}).tenantGuard).toBe(false);
    expect(readConfig({ MEDSPILLER_TENANT_GUARD: '1' }).tenantGuard).toBe(true);
  });

  it('opens the configured database with the guard', async () => {
    const dataDir = tempDir();
    const opened = await openConfiguredDatabase(
      readConfig({ MEDSPILLER_TENANT_GUARD: '1', MEDSPILLER_DATA_DIR: dataDir }),
    );
    try {
      await expect(opened.db.kysely.selectFrom('team').selectAll().execute()).rejects.toThrow(TenantIsolationError);
    } finally {
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
