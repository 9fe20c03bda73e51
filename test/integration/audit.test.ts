import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { verifyMunicipalityChain } from '../../src/server/modules/audit/service.js';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import {
  buildMunicipality,
  buildTeam,
  buildUser,
  linkCitizenUser,
  nextCpr,
  type BuiltUser,
} from '../support/factories.js';

describe.each(drivers)('audit log on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let worker: BuiltUser;
  let citizenUser: BuiltUser;
  let admin: BuiltUser;
  let municipalityId: string;
  let caseId: string;
  let citizenId: string;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db);
    const m = await buildMunicipality(t.db.kysely);
    municipalityId = m.id;
    worker = await buildUser(t.db.kysely, m.id, ['caseworker'], { name: 'Karen Sagsbehandler' });
    citizenUser = await buildUser(t.db.kysely, m.id, ['citizen']);
    admin = await buildUser(t.db.kysely, m.id, ['municipality_admin']);
    await buildTeam(t.db.kysely, m.id, null, [worker.id]);
    const c = new Client(app);
    await c.login(worker.email, worker.password);
    const body = (
      await c.request('POST', '/api/cases', {
        cpr: nextCpr(),
        name: 'Audit Borger',
        benefit: 'cash_benefit',
        benefit_start: '2024-01-01',
        registered: '2026-01-05',
      })
    ).json<{ id: string; citizen: { id: string } }>();
    caseId = body.id;
    citizenId = body.citizen.id;
    await linkCitizenUser(t.db.kysely, m.id, citizenUser.id, citizenId);
    for (let i = 0; i < 3; i++) expect((await c.request('GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('records every read with who, role, citizen, purpose and request id', async () => {
    const rows = await t.db.kysely
      .selectFrom('audit_event')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('entity', '=', 'case')
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      actor_id: worker.id,
      actor_role: 'caseworker',
      citizen_id: citizenId,
      action: 'read',
      purpose: 'case_work',
    });
    expect(rows[0]?.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the citizen who has seen their data, and the data-protection officer the same', async () => {
    const citizen = new Client(app);
    await citizen.login(citizenUser.email, citizenUser.password);
    const mine = (await citizen.request('GET', '/api/me/access-log')).json<
      { actor: { name: string }; action: string }[]
    >();
    expect(mine.filter((e) => e.action === 'read')).toHaveLength(3);
    expect(mine[0]?.actor.name).toBe('Karen Sagsbehandler');
    const dpo = new Client(app);
    await dpo.login(admin.email, admin.password);
    const log = (await dpo.request('GET', `/api/citizens/${citizenId}/access-log?limit=2`)).json<unknown[]>();
    expect(log).toHaveLength(2);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(
      sql`UPDATE audit_event SET purpose = 'changed' WHERE municipality_id = ${municipalityId}`.execute(t.db.kysely),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`DELETE FROM audit_event WHERE municipality_id = ${municipalityId}`.execute(t.db.kysely),
    ).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_event`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
  });

  it("verifies the chain, and finds a row altered behind the application's back", async () => {
    const intact = await verifyMunicipalityChain(t.db.kysely, municipalityId);
    expect(intact).toEqual({ ok: true, events: expect.any(Number) as unknown });
    // Someone with database rights switches the guard off and edits history.
    await t.db.rawTransaction(async (s) => {
      await s.exec('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
      await s.query("UPDATE audit_event SET actor_id = 'someone-else' WHERE municipality_id = $1 AND seq = 3", [
        municipalityId,
      ]);
      await s.exec('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
    });
    expect(await verifyMunicipalityChain(t.db.kysely, municipalityId)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'hash_mismatch',
    });
  });

  it('finds the newest events cut off', async () => {
    const m = await buildMunicipality(t.db.kysely);
    const w = await buildUser(t.db.kysely, m.id, ['caseworker']);
    await buildTeam(t.db.kysely, m.id, null, [w.id]);
    const c = new Client(app);
    await c.login(w.email, w.password);
    const id = (
      await c.request('POST', '/api/cases', {
        cpr: nextCpr(),
        name: 'Kort Kæde',
        benefit: 'cash_benefit',
        benefit_start: '2024-01-01',
        registered: '2026-01-05',
      })
    ).json<{ id: string }>().id;
    await c.request('GET', `/api/cases/${id}`);
    await t.db.rawTransaction(async (s) => {
      await s.exec('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
      await s.query(
        'DELETE FROM audit_event WHERE municipality_id = $1 AND seq = (SELECT max(seq) FROM audit_event WHERE municipality_id = $1)',
        [m.id],
      );
      await s.exec('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
    });
    expect(await verifyMunicipalityChain(t.db.kysely, m.id)).toMatchObject({ ok: false, reason: 'head_mismatch' });
  });
});
