import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr, type BuiltUser } from '../support/factories.js';
import { EVENT_TYPES, MODES } from '../../src/core/vocabulary.js';

// The case flow through the HTTP API on a real database: register → visitation → track →
// events → deadlines → work queue, with "today" fixed so the dates are known by hand.
const TODAY = new Date('2026-03-20T10:00:00Z');

interface CaseJson {
  id: string;
  case_number: string;
  version: number;
  category: string | null;
  track: string | null;
  citizen: { id: string; cpr_masked: string; version: number };
  deadlines: { rule: string; due: string; status: string; met_on: string | null; explanation: string }[];
}

describe.each(drivers)('case flow on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let worker: BuiltUser;
  let colleague: BuiltUser;
  let leader: BuiltUser;
  let client: Client;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db, { clock: () => TODAY });
    const m = await buildMunicipality(t.db.kysely);
    worker = await buildUser(t.db.kysely, m.id, ['caseworker']);
    colleague = await buildUser(t.db.kysely, m.id, ['caseworker']);
    leader = await buildUser(t.db.kysely, m.id, ['team_leader']);
    await buildTeam(t.db.kysely, m.id, leader.id, [worker.id, colleague.id], 50);
    client = new Client(app);
    expect((await client.login(worker.email, worker.password)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const register = async (c: Client, cpr: string, extra: Record<string, unknown> = {}) =>
    c.request('POST', '/api/cases', {
      cpr,
      name: 'Test Borger',
      benefit: 'cash_benefit',
      benefit_start: '2024-01-15',
      registered: '2026-03-02',
      ...extra,
    });

  it('registers a citizen with a masked CPR number and the first deadlines', async () => {
    const cpr = nextCpr();
    const r = await register(client, cpr);
    expect(r.statusCode).toBe(201);
    const c = r.json<CaseJson>();
    expect(c.citizen.cpr_masked).toBe(`${cpr.slice(0, 6)}-xxxx`);
    expect(c.case_number).toMatch(/^2026-\d{6}$/);
    expect(JSON.stringify(c)).not.toContain(cpr.slice(7));
    // Not visited yet: only the rules for everyone. First conversation within a week of 2 March.
    expect(c.deadlines.map((d) => [d.rule, d.due, d.status])).toEqual([
      ['lab.first_conversation', '2026-03-09', 'overdue'],
      ['lab.four_conversations', '2026-09-02', 'open'],
    ]);
  });

  it('detects a duplicate registration and names the existing case', async () => {
    const cpr = nextCpr();
    const first = (await register(client, cpr)).json<CaseJson>();
    const again = await register(client, cpr.replace('-', ''));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', reason: 'duplicate_citizen', case_id: first.id });
  });

  it('rejects an invalid CPR number without echoing it', async () => {
    const r = await register(client, '310299-1234');
    expect(r.statusCode).toBe(400);
    expect(r.json<{ message: string }>().message).not.toContain('310299');
  });

  it('takes visitation, track and events to deadlines and the work queue', async () => {
    let c = (await register(client, nextCpr())).json<CaseJson>();
    const visit = await client.request('PUT', `/api/cases/${c.id}/visitation`, {
      category: 'activity_ready',
      track: 'near_job_ready',
      reason: 'Misbrug og angst; vil gerne arbejde med dyr.',
      version: c.version,
    });
    expect(visit.statusCode).toBe(200);
    c = visit.json<CaseJson>();
    expect(c.category).toBe('activity_ready');
    const track = await client.request('PUT', `/api/cases/${c.id}/track`, {
      track: 'step_up',
      reason: 'Har brug for støtte, men ønsker praktik.',
      version: c.version,
    });
    expect(track.statusCode).toBe(200);
    c = track.json<CaseJson>();
    const held = await client.request('POST', `/api/cases/${c.id}/events`, {
      type: 'conversation',
      date: '2026-03-05',
      held: true,
      mode: 'phone',
    });
    expect(held.statusCode).toBe(201);
    c = held.json<CaseJson>();
    const byRule = new Map(c.deadlines.map((d) => [d.rule, d]));
    expect(byRule.get('lab.first_conversation')).toMatchObject({ status: 'met', met_on: '2026-03-05' });
    // Step-up: CV workshop 6 weeks after 2 March = 13 April; monthly conversation a month after 5 March.
    expect(byRule.get('halsnaes.cv_workshop')).toMatchObject({ due: '2026-04-13', status: 'open' });
    expect(byRule.get('halsnaes.monthly_conversation')).toMatchObject({ due: '2026-04-05', status: 'open' });
    expect(byRule.get('halsnaes.company_internship')).toMatchObject({ due: '2026-09-02' });

    interface QueueDeadlineJson {
      rule: string;
      due: string;
      explanation: string;
    }
    const queue = (await client.request('GET', '/api/work-queue?track=step_up')).json<{
      counts: { open: number };
      items: {
        case_id: string;
        most_urgent: QueueDeadlineJson;
        other_count: number;
        deadlines: QueueDeadlineJson[];
      }[];
    }>();
    // The citizen once, with all five deadlines. Same due date (2 September): by rule id. The
    // 12-month rule counts from registration.
    const mine = queue.items.filter((i) => i.case_id === c.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.deadlines.map((d) => [d.rule, d.due])).toEqual([
      ['halsnaes.monthly_conversation', '2026-04-05'],
      ['halsnaes.cv_workshop', '2026-04-13'],
      ['halsnaes.company_internship', '2026-09-02'],
      ['lab.four_conversations', '2026-09-02'],
      ['lab.no_activation_12_months', '2027-03-02'],
    ]);
    expect(mine[0]?.other_count).toBe(4);
    expect(mine[0]?.most_urgent).toEqual(mine[0]?.deadlines[0]);
    expect(mine[0]?.most_urgent.explanation).toContain('2026-03-05');
    const dues = queue.items.map((i) => i.most_urgent.due);
    expect(dues).toEqual([...dues].sort());
  });

  it('keeps history: a voided event stays in the timeline and stops counting', async () => {
    let c = (await register(client, nextCpr())).json<CaseJson>();
    c = (
      await client.request('POST', `/api/cases/${c.id}/events`, {
        type: 'conversation',
        date: '2026-03-04',
        held: true,
        mode: 'home',
      })
    ).json<CaseJson>();
    const tl = (await client.request('GET', `/api/cases/${c.id}/timeline`)).json<{
      items: { id: string; type: string; version: number; voided: boolean }[];
    }>();
    const conversation = tl.items.find((i) => i.type === 'conversation');
    expect(conversation).toBeDefined();
    const voided = await client.request('POST', `/api/cases/${c.id}/events/${conversation?.id ?? ''}/void`, {
      reason: 'Registreret på forkert borger.',
      version: conversation?.version ?? 0,
    });
    expect(voided.statusCode).toBe(200);
    expect(voided.json<CaseJson>().deadlines.find((d) => d.rule === 'lab.first_conversation')?.status).toBe('overdue');
    const after = (await client.request('GET', `/api/cases/${c.id}/timeline?types=conversation`)).json<{
      items: { voided: boolean }[];
    }>();
    expect(after.items).toEqual([expect.objectContaining({ voided: true })]);
  });

  it('validates events field by field', async () => {
    const c = (await register(client, nextCpr())).json<CaseJson>();
    const noHeld = await client.request('POST', `/api/cases/${c.id}/events`, {
      type: 'conversation',
      date: '2026-03-04',
    });
    expect(noHeld.statusCode).toBe(400);
    expect(noHeld.json()).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('held') as unknown });
    const impossible = await client.request('POST', `/api/cases/${c.id}/events`, {
      type: 'mentor',
      date: '2026-02-30',
    });
    expect(impossible.statusCode).toBe(400);
    const future = await client.request('POST', `/api/cases/${c.id}/events`, {
      type: 'company_consultant_contact',
      date: '2026-12-01',
    });
    expect(future.statusCode).toBe(400);
    // A value outside a vocabulary list, plain and where null is also allowed, names the field
    // in a whole sentence, after the field's path that clients put the message on.
    const unknownType = await client.request('POST', `/api/cases/${c.id}/events`, {
      type: 'party',
      date: '2026-03-04',
    });
    expect(unknownType.json()).toEqual({
      code: 'invalid_input',
      message: `body.type: Feltet »type« skal være en af de tilladte værdier: ${EVENT_TYPES.join(', ')}.`,
    });
    const unknownMode = await client.request('POST', `/api/cases/${c.id}/events`, {
      type: 'conversation',
      date: '2026-03-04',
      held: true,
      mode: 'moon',
    });
    expect(unknownMode.json()).toEqual({
      code: 'invalid_input',
      message: `body.mode: Feltet »mode« skal være en af de tilladte værdier: ${MODES.join(', ')}.`,
    });
    // A limit is said with the number written the reader's way, in Danish by default or in English.
    const longNote = { type: 'mentor', date: '2026-03-04', note: 'n'.repeat(4001) };
    const danish = await client.request('POST', `/api/cases/${c.id}/events`, longNote);
    expect(danish.statusCode).toBe(400);
    expect(danish.json()).toEqual({
      code: 'invalid_input',
      message: 'body.note: Feltet »note« må højst have 4.000 tegn.',
    });
    const english = await client.request('POST', `/api/cases/${c.id}/events`, longNote, { 'accept-language': 'en' });
    expect(english.json()).toEqual({
      code: 'invalid_input',
      message: 'body.note: The field "note" must have at most 4,000 characters.',
    });
  });

  it('enforces the caseload cap: beyond it only the team leader assigns, shown as over cap', async () => {
    const m = worker.municipalityId;
    const solo = await buildUser(t.db.kysely, m, ['caseworker']);
    const boss = await buildUser(t.db.kysely, m, ['team_leader']);
    await buildTeam(t.db.kysely, m, boss.id, [solo.id], 1);
    const soloClient = new Client(app);
    await soloClient.login(solo.email, solo.password);
    expect((await register(soloClient, nextCpr())).statusCode).toBe(201);
    const second = await register(soloClient, nextCpr());
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ reason: 'caseload_cap_reached', cap: 1, open_cases: 1 });

    const bossClient = new Client(app);
    await bossClient.login(boss.email, boss.password);
    const assigned = await register(bossClient, nextCpr(), { caseworker_id: solo.id });
    expect(assigned.statusCode).toBe(201);
    const team = (await bossClient.request('GET', '/api/teams')).json<{ id: string }[]>();
    const loads = (await bossClient.request('GET', `/api/teams/${team[0]?.id ?? ''}/caseloads`)).json<{
      members: { id: string; open_cases: number; over_cap: boolean }[];
    }>();
    expect(loads.members).toEqual([expect.objectContaining({ id: solo.id, open_cases: 2, over_cap: true })]);
  });

  it('lets the team leader reassign with a reason, kept in the history', async () => {
    const c = (await register(client, nextCpr())).json<CaseJson>();
    const leaderClient = new Client(app);
    await leaderClient.login(leader.email, leader.password);
    const r = await leaderClient.request('POST', `/api/cases/${c.id}/reassign`, {
      caseworker_id: colleague.id,
      reason: 'Ferie i tre uger.',
      version: c.version,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      case: { caseworker: { id: colleague.id } },
      over_cap: expect.any(Boolean) as unknown,
    });
    const tl = (await leaderClient.request('GET', `/api/cases/${c.id}/timeline?types=reassigned`)).json<{
      items: { details: { reason: string } }[];
    }>();
    expect(tl.items[0]?.details.reason).toBe('Ferie i tre uger.');
    // The former caseworker still reads it through the team, but may no longer write.
    const read = (await client.request('GET', `/api/cases/${c.id}`)).json<{ access: { write: boolean } }>();
    expect(read.access.write).toBe(false);
    const write = await client.request('POST', `/api/cases/${c.id}/events`, { type: 'mentor', date: '2026-03-10' });
    expect(write.statusCode).toBe(404);
  });

  it('searches by name, case number and birth date, and refuses a whole CPR number in the URL', async () => {
    const cpr = nextCpr();
    const c = (await register(client, cpr, { name: 'Ærø Søndergård' })).json<CaseJson>();
    const byName = (await client.request('GET', `/api/cases?q=${encodeURIComponent('søndergård')}`)).json<{
      items: { id: string }[];
    }>();
    expect(byName.items.map((i) => i.id)).toContain(c.id);
    const byNumber = (await client.request('GET', `/api/cases?q=${c.case_number}`)).json<{ items: { id: string }[] }>();
    expect(byNumber.items.map((i) => i.id)).toEqual([c.id]);
    const byBirth = (await client.request('GET', `/api/cases?q=${cpr.slice(0, 6)}`)).json<{
      items: { id: string }[];
    }>();
    expect(byBirth.items.map((i) => i.id)).toContain(c.id);
    const whole = await client.request('GET', `/api/cases?q=${cpr.replace('-', '')}`);
    expect(whole.statusCode).toBe(400);
    const found = await client.request('POST', '/api/cases/find-by-cpr', { cpr });
    expect(found.json()).toEqual({ case_id: c.id, in_scope: true });
  });

  it('reveals the whole CPR number only on request, and logs it', async () => {
    const cpr = nextCpr();
    const c = (await register(client, cpr)).json<CaseJson>();
    const r = await client.request('POST', `/api/cases/${c.id}/reveal-cpr`, { purpose: 'Brev til borgeren' });
    expect(r.json()).toEqual({ cpr });
    const events = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'purpose'])
      .where('municipality_id', '=', worker.municipalityId)
      .where('citizen_id', '=', c.citizen.id)
      .execute();
    expect(events).toContainEqual({ action: 'reveal_cpr', purpose: 'Brev til borgeren' });
  });
});
