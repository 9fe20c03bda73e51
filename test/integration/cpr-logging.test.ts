import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { containsCprLike } from '../../src/core/cpr/index.js';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr } from '../support/factories.js';

// Every path a CPR number travels, at the most verbose log level: none may reach the log.
describe.each(drivers)('CPR numbers never reach the logs on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let log = '';

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    app = await buildTestApp(t.db, { log: { level: 'trace', stream } });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('after registration, duplicates, searches, reveals, bad input and a CPR number typed into a URL', async () => {
    const m = await buildMunicipality(t.db.kysely);
    const worker = await buildUser(t.db.kysely, m.id, ['caseworker']);
    await buildTeam(t.db.kysely, m.id, null, [worker.id]);
    const c = new Client(app);
    await c.login(worker.email, worker.password);
    const cpr = nextCpr();
    const digits = cpr.replace('-', '');
    const created = (
      await c.request('POST', '/api/cases', {
        cpr,
        name: 'Log Borger',
        benefit: 'cash_benefit',
        benefit_start: '2024-01-01',
        registered: '2026-01-05',
      })
    ).json<{ id: string }>();
    await c.request('POST', '/api/cases', {
      cpr: digits,
      name: 'Log Borger',
      benefit: 'cash_benefit',
      benefit_start: '2024-01-01',
      registered: '2026-01-05',
    });
    await c.request('POST', '/api/cases', {
      cpr: `${digits.slice(0, 2)}13${digits.slice(4)}`,
      name: 'Ugyldig',
      benefit: 'cash_benefit',
      benefit_start: '2024-01-01',
      registered: '2026-01-05',
    });
    await c.request('POST', '/api/cases/find-by-cpr', { cpr });
    await c.request('POST', `/api/cases/${created.id}/reveal-cpr`, { purpose: 'Brev' });
    await c.request('GET', `/api/cases?q=${digits}`);
    await c.request('GET', `/api/cases?q=${cpr}`);
    await c.request('GET', `/api/nowhere/${digits}`);
    await c.request('POST', '/api/cases', { cpr: `${cpr}x`, name: 'For lang' });

    expect(log.length).toBeGreaterThan(1000);
    expect(log).toContain('/api/cases?q=');
    expect(log).not.toContain(digits);
    // The serial part on its own, not inside a longer run of digits: a response time such as
    // 3.0820829999993293 holds any four digits by chance.
    expect(log).not.toMatch(new RegExp(`(?<![0-9])${digits.slice(6)}(?![0-9])`));
    expect(containsCprLike(log)).toBe(false);
  });
});
