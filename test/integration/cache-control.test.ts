import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr } from '../support/factories.js';

// API answers carry personal data: no browser cache, back/forward cache or proxy may keep them.
describe.each(drivers)('Cache-Control on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let client: Client;
  let caseId = '';

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db);
    const m = await buildMunicipality(t.db.kysely);
    const worker = await buildUser(t.db.kysely, m.id, ['caseworker']);
    await buildTeam(t.db.kysely, m.id, null, [worker.id]);
    client = new Client(app);
    expect((await client.login(worker.email, worker.password)).statusCode).toBe(200);
    const r = await client.request('POST', '/api/cases', {
      cpr: nextCpr(),
      name: 'Cache Borger',
      benefit: 'cash_benefit',
      benefit_start: '2024-01-01',
      registered: '2026-01-05',
    });
    expect(r.statusCode).toBe(201);
    caseId = r.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('marks every API answer no-store: data, writes, errors and unknown addresses', async () => {
    const answers = [
      await client.request('GET', `/api/cases/${caseId}`),
      await client.request('GET', '/api/cases'),
      await client.request('GET', '/api/session'),
      await client.request('POST', '/api/cases', { cpr: 'nonsense' }),
      await client.request('GET', '/api/no-such-address'),
      await app.inject({ method: 'GET', url: '/api/cases' }), // without a session: 401
      await app.inject({ method: 'GET', url: '/api/health' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 400, 404, 401, 200]);
    for (const r of answers) expect(r.headers['cache-control']).toBe('no-store');
  });
});
