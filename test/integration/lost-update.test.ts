import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr } from '../support/factories.js';

// Two people edit the same record from the same version at the same time: exactly one wins,
// the other gets 409 with the record as it now is, and nothing is silently overwritten.
describe.each(drivers)('no lost updates on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let a: Client;
  let b: Client;
  let teamId: string;
  let municipalityId: string;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db);
    const m = await buildMunicipality(t.db.kysely);
    municipalityId = m.id;
    const leader = await buildUser(t.db.kysely, m.id, ['team_leader']);
    const admin = await buildUser(t.db.kysely, m.id, ['municipality_admin', 'caseworker']);
    teamId = (await buildTeam(t.db.kysely, m.id, leader.id, [admin.id])).id;
    a = new Client(app);
    b = new Client(app);
    await a.login(leader.email, leader.password);
    await b.login(admin.email, admin.password);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('on a team: one of two concurrent edits wins, the other gets 409 with the current state', async () => {
    const [ra, rb] = await Promise.all([
      a.request('PATCH', `/api/teams/${teamId}`, { caseload_cap: 12, version: 1 }),
      b.request('PATCH', `/api/teams/${teamId}`, { caseload_cap: 20, version: 1 }),
    ]);
    const statuses = [ra.statusCode, rb.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = ra.statusCode === 200 ? ra : rb;
    const loser = ra.statusCode === 409 ? ra : rb;
    expect(loser.json()).toMatchObject({
      code: 'version_conflict',
      current: { version: 2, caseload_cap: winner.json<{ caseload_cap: number }>().caseload_cap },
    });
    const row = await t.db.kysely
      .selectFrom('team')
      .select(['caseload_cap', 'version'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', teamId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ caseload_cap: winner.json<{ caseload_cap: number }>().caseload_cap, version: 2 });
  });

  it('on a case: two visitations from the same version, exactly one recorded', async () => {
    const created = (
      await b.request('POST', '/api/cases', {
        cpr: nextCpr(),
        name: 'Samtidig Borger',
        benefit: 'cash_benefit',
        benefit_start: '2024-01-01',
        registered: '2026-01-05',
      })
    ).json<{ id: string; version: number }>();
    const [r1, r2] = await Promise.all([
      b.request('PUT', `/api/cases/${created.id}/visitation`, {
        category: 'job_ready',
        reason: 'Klar til job nu.',
        version: created.version,
      }),
      b.request('PUT', `/api/cases/${created.id}/visitation`, {
        category: 'activity_ready',
        track: 'step_up',
        reason: 'Har brug for støtte.',
        version: created.version,
      }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const changes = await t.db.kysely
      .selectFrom('case_change')
      .select('to_value')
      .where('municipality_id', '=', municipalityId)
      .where('case_id', '=', created.id)
      .where('kind', '=', 'category')
      .execute();
    expect(changes).toHaveLength(1);
  });
});
