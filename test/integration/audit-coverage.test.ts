import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr } from '../support/factories.js';
import { sample } from '../support/sample.js';

// Every route about one citizen's case that answers 2xx has written an audit event for that
// citizen in the same request. New routes are covered the day they are declared.
describe.each(drivers)('audit coverage on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let worker: Client;
  let caseId: string;
  let citizenId: string;
  let municipalityId: string;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db, { clock: () => new Date('2026-02-02T10:00:00Z') });
    const m = await buildMunicipality(t.db.kysely);
    municipalityId = m.id;
    const w = await buildUser(t.db.kysely, m.id, ['caseworker']);
    await buildTeam(t.db.kysely, m.id, null, [w.id]);
    worker = new Client(app);
    await worker.login(w.email, w.password);
    const c = (
      await worker.request('POST', '/api/cases', {
        cpr: nextCpr(),
        name: 'Spor Borger',
        benefit: 'cash_benefit',
        benefit_start: '2024-01-01',
        registered: '2026-01-05',
      })
    ).json<{ id: string; citizen: { id: string } }>();
    caseId = c.id;
    citizenId = c.citizen.id;
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('writes an audit event naming the citizen for every successful case route', async () => {
    const routes = app.routeTable.filter(
      (r) => r.url.includes(':caseId') && !r.url.includes(':periodId') && !r.url.includes(':eventId'),
    );
    expect(routes.length).toBeGreaterThan(10);
    const unlogged: string[] = [];
    let succeeded = 0;
    for (const route of routes) {
      const current = (await worker.request('GET', `/api/cases/${caseId}`)).json<{ version: number }>();
      const body =
        route.schema?.body === undefined
          ? undefined
          : (sample(route.schema.body as Parameters<typeof sample>[0]) as Record<string, unknown>);
      if (body !== undefined && 'version' in body) body.version = current.version;
      const r = await worker.request(route.method as 'GET', route.url.replace(':caseId', caseId), body);
      if (r.statusCode >= 300) continue;
      succeeded++;
      const requestId = String(r.headers['x-request-id']);
      const events = await t.db.kysely
        .selectFrom('audit_event')
        .select(['citizen_id', 'action'])
        .where('municipality_id', '=', municipalityId)
        .where('request_id', '=', requestId)
        .execute();
      if (!events.some((e) => e.citizen_id === citizenId))
        unlogged.push(`${route.method} ${route.url} (${r.statusCode})`);
    }
    expect(unlogged).toEqual([]);
    expect(succeeded).toBeGreaterThan(6);
  });
});
