import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr, type BuiltUser } from '../support/factories.js';

// The visitation and the track that follows from it, in one request: one version, both changes
// in the history, the track's deadlines, and the track refused where it does not belong.
const TODAY = new Date('2026-03-20T10:00:00Z');

interface CaseJson {
  id: string;
  version: number;
  category: string | null;
  category_reason: string | null;
  track: string | null;
  track_reason: string | null;
  citizen: { id: string };
  deadlines: { rule: string; due: string }[];
}

interface ChangeJson {
  type: string;
  details: { from: string | null; to: string | null; reason: string | null };
}

describe.each(drivers)('visitation with its track on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let worker: BuiltUser;
  let client: Client;
  let foreign: Client;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db, { clock: () => TODAY });
    const m = await buildMunicipality(t.db.kysely);
    worker = await buildUser(t.db.kysely, m.id, ['caseworker']);
    await buildTeam(t.db.kysely, m.id, null, [worker.id], 50);
    client = new Client(app);
    expect((await client.login(worker.email, worker.password)).statusCode).toBe(200);
    const neighbour = await buildMunicipality(t.db.kysely, 'Nabokommune');
    const stranger = await buildUser(t.db.kysely, neighbour.id, ['caseworker']);
    await buildTeam(t.db.kysely, neighbour.id, null, [stranger.id], 50);
    foreign = new Client(app);
    expect((await foreign.login(stranger.email, stranger.password)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const register = async (c: Client = client): Promise<CaseJson> => {
    const r = await c.request('POST', '/api/cases', {
      cpr: nextCpr(),
      name: 'Bente Borger',
      benefit: 'cash_benefit',
      benefit_start: '2024-01-15',
      registered: '2026-03-02',
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<CaseJson>();
  };

  const visit = (c: Client, caseId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    c.request('PUT', `/api/cases/${caseId}/visitation`, body, headers);

  const changes = async (caseId: string): Promise<ChangeJson[]> =>
    (await client.request('GET', `/api/cases/${caseId}/timeline?types=category,track`)).json<{ items: ChangeJson[] }>()
      .items;

  it('sets the category and the track in one change: one version, both in the history, the track’s deadlines', async () => {
    const before = await register();
    const reason = 'Angst gør fremmøde svært; vil gerne arbejde med dyr.';
    const r = await visit(client, before.id, {
      category: 'activity_ready',
      track: 'step_up',
      reason,
      version: before.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    const after = r.json<CaseJson>();
    expect(after).toMatchObject({
      category: 'activity_ready',
      category_reason: reason,
      track: 'step_up',
      track_reason: reason,
      version: before.version + 1,
    });
    // Step-up's CV workshop: 6 weeks after registration on 2 March.
    expect(after.deadlines).toContainEqual(
      expect.objectContaining({ rule: 'halsnaes.cv_workshop', due: '2026-04-13' }),
    );
    expect((await client.request('GET', `/api/cases/${before.id}`)).json<CaseJson>().version).toBe(before.version + 1);

    const history = await changes(before.id);
    expect(history.map((c) => [c.type, c.details.from, c.details.to, c.details.reason]).sort()).toEqual([
      ['category', null, 'activity_ready', reason],
      ['track', null, 'step_up', reason],
    ]);

    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['entity', 'action', 'citizen_id', 'details'])
      .where('municipality_id', '=', worker.municipalityId)
      .where('request_id', '=', String(r.headers['x-request-id']))
      .execute();
    expect(audit).toContainEqual({
      entity: 'case_visitation',
      action: 'update',
      citizen_id: before.citizen.id,
      details: { category: 'activity_ready', track: 'step_up' },
    });
  });

  it('ends the track when the citizen is visited again as job-ready', async () => {
    let c = await register();
    c = (
      await visit(client, c.id, {
        category: 'activity_ready',
        track: 'rehab_team',
        reason: 'Mange år.',
        version: c.version,
      })
    ).json<CaseJson>();
    expect(c.deadlines.map((d) => d.rule)).toContain('halsnaes.rehab_team');
    const r = await visit(client, c.id, {
      category: 'job_ready',
      reason: 'Har fået styr på helbredet.',
      version: c.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    const after = r.json<CaseJson>();
    expect(after).toMatchObject({ category: 'job_ready', track: null, track_reason: null, version: c.version + 1 });
    expect(after.deadlines.map((d) => d.rule).filter((rule) => rule.startsWith('halsnaes.'))).toEqual([]);
    const history = await changes(c.id);
    expect(history.filter((h) => h.type === 'track').map((h) => [h.details.from, h.details.to])).toEqual([
      ['rehab_team', null],
      [null, 'rehab_team'],
    ]);
  });

  it('refuses a track with a job-ready visitation, naming the field, and changes nothing', async () => {
    const c = await register();
    const r = await visit(client, c.id, {
      category: 'job_ready',
      track: 'near_job_ready',
      reason: 'Klar til job.',
      version: c.version,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({
      code: 'invalid_input',
      message: 'track: En jobparat borger placeres ikke i et spor. Send visitationen uden spor.',
    });
    const now = (await client.request('GET', `/api/cases/${c.id}`)).json<CaseJson>();
    expect(now).toMatchObject({ category: null, track: null, version: c.version });
    expect(await changes(c.id)).toEqual([]);
  });

  it('wants the track with an activity-ready visitation, naming the field in the reader’s language', async () => {
    const c = await register();
    const body = { category: 'activity_ready', reason: 'Har brug for støtte.', version: c.version };
    const danish = await visit(client, c.id, body);
    expect(danish.statusCode).toBe(400);
    expect(danish.json<{ message: string }>().message).toBe(
      'track: En aktivitetsparat borger placeres i et spor ved visitationen. Angiv sporet.',
    );
    const english = await visit(client, c.id, body, { 'accept-language': 'en' });
    expect(english.json<{ message: string }>().message).toMatch(
      /^track: An activity-ready citizen is placed in a track/,
    );
    expect((await client.request('GET', `/api/cases/${c.id}`)).json<CaseJson>().version).toBe(c.version);
  });

  it('answers 409 with the case as it is now to a visitation from a stale version', async () => {
    const c = await register();
    const first = await visit(client, c.id, { category: 'job_ready', reason: 'Klar til job.', version: c.version });
    expect(first.statusCode).toBe(200);
    const stale = await visit(client, c.id, {
      category: 'activity_ready',
      track: 'near_job_ready',
      reason: 'Alligevel ikke.',
      version: c.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'version_conflict',
      current: { id: c.id, category: 'job_ready', track: null, version: c.version + 1 },
    });
    expect(await changes(c.id)).toHaveLength(1);
  });

  it('answers 404 to a caseworker of another municipality', async () => {
    const c = await register();
    const r = await visit(foreign, c.id, {
      category: 'activity_ready',
      track: 'step_up',
      reason: 'Forsøg udefra.',
      version: c.version,
    });
    expect(r.statusCode).toBe(404);
    expect((await client.request('GET', `/api/cases/${c.id}`)).json<CaseJson>()).toMatchObject({
      category: null,
      version: c.version,
    });
  });
});
