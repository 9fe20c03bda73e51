import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr, type BuiltUser } from '../support/factories.js';

// Closing a case with a reason and reopening it: one version each, in the timeline and the audit
// log, the deadlines gone and back, and a closed case refusing changes with a stable code.
const TODAY = new Date('2026-03-20T10:00:00Z');

interface CaseJson {
  id: string;
  version: number;
  status: string;
  closed_on: string | null;
  close_reason: string | null;
  close_reason_text: string | null;
  citizen: { id: string; version: number };
  access: { write: boolean; close: boolean };
  deadlines: { rule: string; status: string }[];
}

interface TimelineJson {
  items: { type: string; actor: { id: string } | null; details: { to: string | null; reason: string | null } }[];
}

describe.each(drivers)('closing and reopening a case on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let municipalityId: string;
  let worker: BuiltUser;
  let leader: BuiltUser;
  let teamId: string;
  const clients = new Map<string, Client>();

  const login = async (user: BuiltUser): Promise<Client> => {
    const c = new Client(app);
    expect((await c.login(user.email, user.password)).statusCode).toBe(200);
    clients.set(user.id, c);
    return c;
  };
  const as = (user: BuiltUser): Client => {
    const c = clients.get(user.id);
    if (c === undefined) throw new Error('not logged in');
    return c;
  };

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db, { clock: () => TODAY });
    const m = await buildMunicipality(t.db.kysely);
    municipalityId = m.id;
    worker = await buildUser(t.db.kysely, m.id, ['caseworker']);
    leader = await buildUser(t.db.kysely, m.id, ['team_leader']);
    const consultant = await buildUser(t.db.kysely, m.id, ['company_consultant']);
    teamId = (await buildTeam(t.db.kysely, m.id, leader.id, [worker.id, consultant.id], 50)).id;
    await login(worker);
    await login(leader);
    await login(consultant);
    clients.set('consultant', as(consultant));
    const neighbour = await buildMunicipality(t.db.kysely, 'Nabokommune');
    const stranger = await buildUser(t.db.kysely, neighbour.id, ['caseworker']);
    await buildTeam(t.db.kysely, neighbour.id, null, [stranger.id], 50);
    clients.set('foreign', await login(stranger));
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const register = async (): Promise<CaseJson> => {
    const r = await as(worker).request('POST', '/api/cases', {
      cpr: nextCpr(),
      name: 'Lone Lukket',
      benefit: 'cash_benefit',
      benefit_start: '2024-01-15',
      registered: '2026-03-02',
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<CaseJson>();
  };
  const close = (c: Client, caseId: string, body: Record<string, unknown>) =>
    c.request('POST', `/api/cases/${caseId}/close`, body);
  const reopen = (c: Client, caseId: string, body: Record<string, unknown>) =>
    c.request('POST', `/api/cases/${caseId}/reopen`, body);
  const closeBody = (version: number) => ({
    reason_category: 'job',
    reason: 'Borgeren er ansat på fuld tid hos Vestegnens Vognmand.',
    closed_on: '2026-03-18',
    version,
  });
  const queueCaseIds = async (user: BuiltUser): Promise<string[]> => {
    const r = await as(user).request('GET', '/api/work-queue?scope=team');
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ items: { case_id: string }[] }>().items.map((i) => i.case_id);
  };
  const openCasesOf = async (userId: string): Promise<number | undefined> => {
    const r = await as(leader).request('GET', `/api/teams/${teamId}/caseloads`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ members: { id: string; open_cases: number }[] }>().members.find((m) => m.id === userId)?.open_cases;
  };
  const auditOf = (caseId: string) =>
    t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity', 'details'])
      .where('municipality_id', '=', municipalityId)
      .where('entity_id', '=', caseId)
      .where('entity', '=', 'case_status')
      .execute();

  it('closes a case: closed with its reason, no deadlines, out of the queue and the caseload, in the timeline and the audit log', async () => {
    const before = await register();
    expect(before.deadlines.length).toBeGreaterThan(0);
    expect(before.access.close).toBe(true);
    expect(await queueCaseIds(worker)).toContain(before.id);
    const load = await openCasesOf(worker.id);

    const r = await close(as(worker), before.id, closeBody(before.version));
    expect(r.statusCode, r.body).toBe(200);
    const closed = r.json<CaseJson>();
    expect(closed).toMatchObject({
      status: 'closed',
      closed_on: '2026-03-18',
      close_reason: 'job',
      close_reason_text: 'Borgeren er ansat på fuld tid hos Vestegnens Vognmand.',
      version: before.version + 1,
      deadlines: [],
    });
    expect(await queueCaseIds(worker)).not.toContain(before.id);
    expect(await openCasesOf(worker.id)).toBe((load ?? 0) - 1);

    const timeline = (
      await as(worker).request('GET', `/api/cases/${before.id}/timeline?types=closed`)
    ).json<TimelineJson>();
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({
      type: 'closed',
      actor: { id: worker.id },
      details: { to: 'job', reason: 'Borgeren er ansat på fuld tid hos Vestegnens Vognmand.' },
    });
    const audit = await auditOf(before.id);
    expect(audit).toEqual([
      { action: 'update', entity: 'case_status', details: { status: 'closed', reason_category: 'job' } },
    ]);
  });

  it('refuses every change to a closed case with 409 case_closed, and closing it twice', async () => {
    const c = await register();
    const closed = (await close(as(worker), c.id, closeBody(c.version))).json<CaseJson>();
    const writes: [string, string, Record<string, unknown>][] = [
      ['POST', 'events', { type: 'conversation', date: '2026-03-19', held: true, mode: 'home' }],
      ['PUT', 'visitation', { category: 'job_ready', reason: 'Klar til job.', version: closed.version }],
      ['PUT', 'track', { track: 'step_up', reason: 'Skridt for skridt.', version: closed.version }],
      ['PATCH', 'citizen', { phone: '12345678', version: closed.citizen.version }],
      ['POST', 'close', closeBody(closed.version)],
    ];
    for (const [method, path, body] of writes) {
      const r = await as(worker).request(method as 'POST', `/api/cases/${c.id}/${path}`, body);
      expect(r.statusCode, `${method} ${path}: ${r.body}`).toBe(409);
      expect(r.json()).toMatchObject({ code: 'case_closed' });
    }
    const other = await buildUser(t.db.kysely, municipalityId, ['caseworker']);
    await t.db.kysely
      .insertInto('team_member')
      .values({ municipality_id: municipalityId, team_id: teamId, user_id: other.id })
      .execute();
    const moved = await as(leader).request('POST', `/api/cases/${c.id}/reassign`, {
      caseworker_id: other.id,
      reason: 'Ferie.',
      version: closed.version,
    });
    expect(moved.statusCode, moved.body).toBe(409);
    expect(moved.json()).toMatchObject({ code: 'case_closed' });
  });

  it('reopens a case: open again, its deadlines back, in the timeline and the audit log', async () => {
    const c = await register();
    const closed = (await close(as(worker), c.id, closeBody(c.version))).json<CaseJson>();
    const r = await reopen(as(worker), c.id, { reason: 'Ansættelsen stoppede i prøvetiden.', version: closed.version });
    expect(r.statusCode, r.body).toBe(200);
    const reopened = r.json<CaseJson>();
    expect(reopened).toMatchObject({
      status: 'open',
      closed_on: null,
      close_reason: null,
      close_reason_text: null,
      version: closed.version + 1,
    });
    expect(reopened.deadlines.map((d) => d.rule).sort()).toEqual(c.deadlines.map((d) => d.rule).sort());
    expect(await queueCaseIds(worker)).toContain(c.id);
    const timeline = (
      await as(worker).request('GET', `/api/cases/${c.id}/timeline?types=closed,reopened`)
    ).json<TimelineJson>();
    expect(timeline.items.map((i) => i.type)).toEqual(['reopened', 'closed']);
    expect(timeline.items[0]?.details.reason).toBe('Ansættelsen stoppede i prøvetiden.');
    const statuses = (await auditOf(c.id)).map((a) => JSON.stringify(a.details)).sort();
    expect(statuses).toEqual([
      JSON.stringify({ status: 'closed', reason_category: 'job' }),
      JSON.stringify({ status: 'open' }),
    ]);
    const again = await reopen(as(worker), c.id, { reason: 'Igen.', version: reopened.version });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict' });
  });

  it('lets the team leader close and reopen their team’s cases', async () => {
    const c = await register();
    const closed = await close(as(leader), c.id, { ...closeBody(c.version), reason_category: 'moved' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<CaseJson>()).toMatchObject({ status: 'closed', close_reason: 'moved' });
    const back = await reopen(as(leader), c.id, { reason: 'Flytningen blev aflyst.', version: c.version + 1 });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('answers 409 with the case as it is now when the version is stale', async () => {
    const c = await register();
    await as(worker).request('PATCH', `/api/cases/${c.id}/citizen`, { phone: '11223344', version: c.citizen.version });
    const visited = await as(worker).request('PUT', `/api/cases/${c.id}/visitation`, {
      category: 'job_ready',
      reason: 'Klar til job.',
      version: c.version,
    });
    expect(visited.statusCode).toBe(200);
    const r = await close(as(worker), c.id, closeBody(c.version));
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'version_conflict', current: { status: 'open', version: c.version + 1 } });
    const closed = (await close(as(worker), c.id, closeBody(c.version + 1))).json<CaseJson>();
    const stale = await reopen(as(worker), c.id, { reason: 'Fejl.', version: c.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { status: 'closed' } });
    expect(closed.status).toBe('closed');
  });

  it('checks the day: not in the future, not before the registration', async () => {
    const c = await register();
    for (const closed_on of ['2026-03-21', '2026-03-01']) {
      const r = await close(as(worker), c.id, { ...closeBody(c.version), closed_on });
      expect(r.statusCode, closed_on).toBe(400);
      const error = r.json<{ code: string; message: string }>();
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/^closed_on:/);
    }
    const bad = await close(as(worker), c.id, { ...closeBody(c.version), reason_category: 'retired' });
    expect(bad.statusCode).toBe(400);
    const today = await close(as(worker), c.id, { ...closeBody(c.version), closed_on: '2026-03-20' });
    expect(today.statusCode, today.body).toBe(200);
  });

  it('is not found for another municipality, and forbidden to a company consultant (a role that never closes)', async () => {
    const c = await register();
    for (const [who, status] of [
      ['foreign', 404],
      ['consultant', 403],
    ] as const) {
      const client = clients.get(who);
      if (client === undefined) throw new Error(who);
      const r = await close(client, c.id, closeBody(c.version));
      expect(r.statusCode, who).toBe(status);
      const o = await reopen(client, c.id, { reason: 'Nej.', version: c.version });
      expect(o.statusCode, who).toBe(status);
    }
    const read = (await as(worker).request('GET', `/api/cases/${c.id}`)).json<CaseJson>();
    expect(read.status).toBe('open');
    expect(read.version).toBe(c.version);
  });
});
