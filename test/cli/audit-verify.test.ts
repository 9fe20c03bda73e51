import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.js';
import { migrate } from '../../src/server/db/migrate.js';
import { openConfiguredDatabase } from '../../src/server/runtime.js';
import { buildTestApp, Client } from '../support/app.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr } from '../support/factories.js';
import { CLI, freePort, tempDir } from '../support/server-process.js';

// `medspiller audit verify` for a monitoring job: 0 intact, 1 broken, 2 could not check. A job
// that alerts on 1 must not be woken by a database that is down or a data directory in use.

function verify(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'audit', 'verify', ...args], {
    env: { ...process.env, DATABASE_URL: '', MEDSPILLER_TENANT_GUARD: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('medspiller audit verify exit codes', () => {
  const dataDir = tempDir();
  const env = { MEDSPILLER_DATA_DIR: dataDir };
  let municipalityId = '';

  beforeAll(async () => {
    // An embedded database with a few audit events (a registration and reads) in one municipality.
    const opened = await openConfiguredDatabase(readConfig(env));
    try {
      await migrate(opened.db);
      const m = await buildMunicipality(opened.db.kysely);
      municipalityId = m.id;
      const worker = await buildUser(opened.db.kysely, m.id, ['caseworker']);
      await buildTeam(opened.db.kysely, m.id, null, [worker.id]);
      const app = await buildTestApp(opened.db);
      const client = new Client(app);
      expect((await client.login(worker.email, worker.password)).statusCode).toBe(200);
      const registered = await client.request('POST', '/api/cases', {
        cpr: nextCpr(),
        name: 'Audit Borger',
        benefit: 'cash_benefit',
        benefit_start: '2024-01-01',
        registered: '2026-01-05',
      });
      expect(registered.statusCode).toBe(201);
      const caseId = registered.json<{ id: string }>().id;
      for (let i = 0; i < 3; i++) expect((await client.request('GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
      await app.close();
    } finally {
      await opened.close();
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 when every chain is intact', () => {
    const r = verify(env);
    expect(r.stdout).toMatch(/: [1-9]\d* events, chain intact$/m);
    expect(r.status).toBe(0);
  });

  it('exits 2 on bad arguments and an unknown municipality', () => {
    const unknownOption = verify(env, '--bogus');
    expect(unknownOption.stderr).toContain("Unknown option '--bogus'");
    expect(unknownOption.status).toBe(2);
    const unknownMunicipality = verify(env, '--municipality', '0001');
    expect(unknownMunicipality.stderr).toBe('No municipality with code 0001.\n');
    expect(unknownMunicipality.status).toBe(2);
  });

  it('exits 2 when the data directory is in use by another process', () => {
    const lock = path.join(dataDir, 'medspiller.lock');
    writeFileSync(lock, `${process.pid}\n`); // this test process: alive, and not the command's
    try {
      const r = verify(env);
      expect(r.stderr).toContain('is in use by another Medspiller process');
      expect(r.status).toBe(2);
    } finally {
      rmSync(lock);
    }
  });

  it('exits 2 when it cannot connect to the database', async () => {
    const port = await freePort(); // nothing listens there
    const r = verify({ DATABASE_URL: `postgres://medspiller@127.0.0.1:${port}/medspiller` });
    expect(r.stderr).toContain('cannot reach the database in DATABASE_URL');
    expect(r.status).toBe(2);
  });

  it('exits 1 when a chain is broken', async () => {
    const opened = await openConfiguredDatabase(readConfig(env));
    try {
      await opened.db.rawTransaction(async (s) => {
        await s.exec('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
        await s.query("UPDATE audit_event SET actor_id = 'someone-else' WHERE municipality_id = $1 AND seq = 2", [
          municipalityId,
        ]);
        await s.exec('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
      });
    } finally {
      await opened.close();
    }
    const r = verify(env);
    expect(r.stdout).toMatch(/BROKEN at event 2 \(hash_mismatch\)/);
    expect(r.status).toBe(1);
  });
});
