import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { compareQueueCitizens } from '../../src/core/cases/queue.js';
import { QUEUE_SORTS, SORT_ORDERS } from '../../src/core/vocabulary.js';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr, type BuiltUser } from '../support/factories.js';

// The work queue lists citizens, each once with their most urgent deadline, through the HTTP
// API on a real database. "Today" is fixed, so every deadline below is known by hand (the same
// dates as `medspiller deadlines` gives for these cases on 2026-03-20).
const TODAY = new Date('2026-03-20T10:00:00Z');

interface QueueDeadlineJson {
  rule: string;
  title: string;
  title_en: string;
  due: string;
  status: 'open' | 'overdue';
  basis: string;
  explanation: string;
  explanation_en: string;
}
interface QueueCitizenJson {
  case_id: string;
  case_number: string;
  citizen_name: string;
  category: string | null;
  track: string | null;
  caseworker: { id: string; name: string } | null;
  most_urgent: QueueDeadlineJson;
  other_count: number;
  deadlines: QueueDeadlineJson[];
}
interface QueueJson {
  counts: { open: number; overdue: number; total: number; citizens: number };
  total: number;
  items: QueueCitizenJson[];
}

interface Citizen {
  name: string;
  registered: string;
  /** Visitation, track and a held conversation on 5 March, for more deadlines. */
  nearJobReady?: boolean;
  jobReady?: boolean;
}

// The worker's five citizens, registered in this order (so case numbers follow it):
// - Carl: job-ready, conversation held — four conversations by 2 September.
// - Eva: not visited, registered 16 March — first conversation by 23 March, four by 16 September.
// - Bo: not visited, registered 2 March — first conversation overdue since 9 March, four by 2 September.
// - Dorte: near job-ready, conversation held — monthly conversation 5 April, company consultant
//   2 July, four conversations 2 September, activation 2 March 2027: four deadlines.
// - anne: not visited, registered 12 March — first conversation overdue since 19 March, four by 12 September.
const WORKER_CITIZENS: readonly Citizen[] = [
  { name: 'Carl Dahl', registered: '2026-03-02', jobReady: true },
  { name: 'Eva Bang', registered: '2026-03-16' },
  { name: 'Bo Christensen', registered: '2026-03-02' },
  { name: 'Dorte Andersen', registered: '2026-03-02', nearJobReady: true },
  { name: 'anne Ebbesen', registered: '2026-03-12' },
];

describe.each(drivers)('work queue on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let worker: BuiltUser;
  let colleague: BuiltUser;
  let leader: BuiltUser;
  let foreignWorker: BuiltUser;
  const clients = new Map<BuiltUser, Client>();
  /** Case ids by citizen name (the names differ but for the other municipality's Bo). */
  const cases = new Map<string, string>();
  let foreignCase: string | undefined;
  let municipalityId: string;

  const as = (user: BuiltUser): Client => {
    const client = clients.get(user);
    if (client === undefined) throw new Error('not logged in');
    return client;
  };
  const queue = async (user: BuiltUser, query = ''): Promise<QueueJson> => {
    const r = await as(user).request('GET', `/api/work-queue${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<QueueJson>();
  };
  const names = (q: QueueJson): string[] => q.items.map((i) => i.citizen_name);

  async function register(user: BuiltUser, citizen: Citizen): Promise<void> {
    const client = as(user);
    const r = await client.request('POST', '/api/cases', {
      cpr: nextCpr(),
      name: citizen.name,
      benefit: 'cash_benefit',
      benefit_start: '2024-01-15',
      registered: citizen.registered,
    });
    expect(r.statusCode, r.body).toBe(201);
    let c = r.json<{ id: string; version: number }>();
    cases.set(citizen.name, c.id);
    if (citizen.nearJobReady === true || citizen.jobReady === true) {
      c = (
        await client.request('POST', `/api/cases/${c.id}/events`, {
          type: 'conversation',
          date: '2026-03-05',
          held: true,
          mode: 'phone',
        })
      ).json();
      const visit = await client.request('PUT', `/api/cases/${c.id}/visitation`, {
        ...(citizen.jobReady === true
          ? { category: 'job_ready' }
          : { category: 'activity_ready', track: 'near_job_ready' }),
        reason: 'Vurderet ved samtalen den 5. marts.',
        version: c.version,
      });
      expect(visit.statusCode, visit.body).toBe(200);
    }
  }

  async function login(user: BuiltUser): Promise<void> {
    const client = new Client(app);
    expect((await client.login(user.email, user.password)).statusCode).toBe(200);
    clients.set(user, client);
  }

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db, { clock: () => TODAY });
    const m = await buildMunicipality(t.db.kysely);
    municipalityId = m.id;
    worker = await buildUser(t.db.kysely, m.id, ['caseworker'], { name: 'Birgit Berg' });
    colleague = await buildUser(t.db.kysely, m.id, ['caseworker'], { name: 'Anders Ahl' });
    leader = await buildUser(t.db.kysely, m.id, ['team_leader']);
    await buildTeam(t.db.kysely, m.id, leader.id, [worker.id, colleague.id], 50);
    // A caseworker in another team of the same municipality, whose citizen no one above sees.
    const outsider = await buildUser(t.db.kysely, m.id, ['caseworker'], { name: 'Ole Udenfor' });
    await buildTeam(t.db.kysely, m.id, null, [outsider.id], 50);
    // Another municipality with a citizen of the same name as one of the worker's.
    const other = await buildMunicipality(t.db.kysely, 'Anden Kommune');
    foreignWorker = await buildUser(t.db.kysely, other.id, ['caseworker'], { name: 'Birgit Berg' });
    await buildTeam(t.db.kysely, other.id, null, [foreignWorker.id], 50);

    for (const user of [worker, colleague, leader, outsider, foreignWorker]) await login(user);
    for (const citizen of WORKER_CITIZENS) await register(worker, citizen);
    // Frida's first conversation is overdue since 9 March, Åse's since 17 March.
    await register(colleague, { name: 'Frida Fisk', registered: '2026-03-02' });
    await register(colleague, { name: 'Åse Østergaard', registered: '2026-03-10' });
    await register(outsider, { name: 'Gustav Gran', registered: '2026-03-02' });
    await register(foreignWorker, { name: 'Bo Christensen', registered: '2026-03-02' });
    await register(foreignWorker, { name: 'Hans Hjort', registered: '2026-03-02' });
    foreignCase = cases.get('Hans Hjort');
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('lists a citizen with four deadlines once, with the other three behind the most urgent', async () => {
    const q = await queue(worker);
    const dorte = q.items.filter((i) => i.citizen_name === 'Dorte Andersen');
    expect(dorte).toHaveLength(1);
    const [item] = dorte;
    expect(item?.case_id).toBe(cases.get('Dorte Andersen'));
    expect(item?.category).toBe('activity_ready');
    expect(item?.track).toBe('near_job_ready');
    expect(item?.caseworker).toEqual({ id: worker.id, name: 'Birgit Berg' });
    expect(item?.other_count).toBe(3);
    expect(item?.deadlines.map((d) => [d.rule, d.due, d.status])).toEqual([
      ['halsnaes.monthly_conversation', '2026-04-05', 'open'],
      ['halsnaes.company_consultant', '2026-07-02', 'open'],
      ['lab.four_conversations', '2026-09-02', 'open'],
      ['lab.no_activation_12_months', '2027-03-02', 'open'],
    ]);
    expect(item?.most_urgent).toEqual(item?.deadlines[0]);
    expect(item?.most_urgent.explanation).toContain('2026-03-05');
    expect(item?.most_urgent.title_en).not.toBe('');
    // Every citizen once.
    expect(new Set(q.items.map((i) => i.case_id)).size).toBe(q.items.length);
  });

  it('counts deadlines and citizens', async () => {
    const q = await queue(worker);
    // Carl 1, Eva 2, Bo 2 (one overdue), Dorte 4, anne 2 (one overdue).
    expect(q.counts).toEqual({ open: 9, overdue: 2, total: 11, citizens: 5 });
    expect(q.total).toBe(5);
    expect(q.items.reduce((n, i) => n + i.deadlines.length, 0)).toBe(11);
    expect(q.items.every((i) => i.other_count === i.deadlines.length - 1)).toBe(true);
  });

  it('sorts by urgency by default: earliest most urgent deadline first', async () => {
    const q = await queue(worker);
    expect(q.items.map((i) => [i.citizen_name, i.most_urgent.due, i.most_urgent.status])).toEqual([
      ['Bo Christensen', '2026-03-09', 'overdue'],
      ['anne Ebbesen', '2026-03-19', 'overdue'],
      ['Eva Bang', '2026-03-23', 'open'],
      ['Dorte Andersen', '2026-04-05', 'open'],
      ['Carl Dahl', '2026-09-02', 'open'],
    ]);
    expect(names(await queue(worker, '?sort=urgency&order=desc'))).toEqual([
      'Carl Dahl',
      'Dorte Andersen',
      'Eva Bang',
      'anne Ebbesen',
      'Bo Christensen',
    ]);
  });

  it('sorts by name, case number and caseworker, each way', async () => {
    expect(names(await queue(worker, '?sort=name'))).toEqual([
      'anne Ebbesen',
      'Bo Christensen',
      'Carl Dahl',
      'Dorte Andersen',
      'Eva Bang',
    ]);
    expect(names(await queue(worker, '?sort=name&order=desc'))).toEqual([
      'Eva Bang',
      'Dorte Andersen',
      'Carl Dahl',
      'Bo Christensen',
      'anne Ebbesen',
    ]);
    // Registered in this order.
    const byNumber = names(await queue(worker, '?sort=case_number'));
    expect(byNumber).toEqual(WORKER_CITIZENS.map((c) => c.name));
    expect(names(await queue(worker, '?sort=case_number&order=desc'))).toEqual([...byNumber].reverse());
    // The team: Anders Ahl's citizens before Birgit Berg's, and after them when descending; within
    // one caseworker by urgency.
    const anders = ['Frida Fisk', 'Åse Østergaard'];
    const birgit = ['Bo Christensen', 'anne Ebbesen', 'Eva Bang', 'Dorte Andersen', 'Carl Dahl'];
    expect(names(await queue(leader, '?sort=caseworker'))).toEqual([...anders, ...birgit]);
    expect(names(await queue(leader, '?sort=caseworker&order=desc'))).toEqual([...birgit, ...anders]);
    // Equal due dates (Bo's and Frida's 9 March): by name.
    expect(names(await queue(leader)).slice(0, 3)).toEqual(['Bo Christensen', 'Frida Fisk', 'Åse Østergaard']);
  });

  it('orders every way as the rule in core does', async () => {
    for (const sort of QUEUE_SORTS)
      for (const order of SORT_ORDERS) {
        const q = await queue(leader, `?sort=${sort}&order=${order}`);
        expect(q.items).toHaveLength(7);
        const fields = q.items.map((i) => ({
          due: i.most_urgent.due,
          name: i.citizen_name,
          case_number: i.case_number,
          caseworker: i.caseworker?.name ?? null,
        }));
        expect(fields, `${sort} ${order}`).toEqual([...fields].sort(compareQueueCitizens(sort, order)));
      }
  });

  it('refuses an unknown sort or order', async () => {
    for (const query of ['?sort=due', '?order=up']) {
      const r = await as(worker).request('GET', `/api/work-queue${query}`);
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'invalid_input' });
    }
  });

  it('lets the rule filter choose the deadlines: a citizen without a matching one is not listed', async () => {
    const q = await queue(worker, '?rule=lab.first_conversation');
    expect(names(q)).toEqual(['Bo Christensen', 'anne Ebbesen', 'Eva Bang']);
    expect(q.items.every((i) => i.other_count === 0 && i.deadlines.length === 1)).toBe(true);
    expect(q.items.every((i) => i.most_urgent.rule === 'lab.first_conversation')).toBe(true);
    expect(q.total).toBe(3);
    expect(q.counts).toEqual({ open: 1, overdue: 2, total: 3, citizens: 3 });
  });

  it('lets the status filter choose the deadlines, and leaves the counts of both statuses', async () => {
    const overdue = await queue(worker, '?status=overdue');
    expect(overdue.items.map((i) => [i.citizen_name, i.deadlines.map((d) => d.rule)])).toEqual([
      ['Bo Christensen', ['lab.first_conversation']],
      ['anne Ebbesen', ['lab.first_conversation']],
    ]);
    expect(overdue.total).toBe(2);
    expect(overdue.counts).toEqual({ open: 9, overdue: 2, total: 11, citizens: 5 });

    const open = await queue(worker, '?status=open');
    expect(open.total).toBe(5);
    const bo = open.items.find((i) => i.citizen_name === 'Bo Christensen');
    expect(bo?.deadlines.map((d) => [d.rule, d.status])).toEqual([['lab.four_conversations', 'open']]);
    expect(bo?.other_count).toBe(0);
    // Now the latest of the first deadlines: Bo's open one is due 2 September, like Carl's.
    expect(names(open)).toEqual(['Eva Bang', 'Dorte Andersen', 'Bo Christensen', 'Carl Dahl', 'anne Ebbesen']);

    const track = await queue(worker, '?track=near_job_ready&status=open');
    expect(names(track)).toEqual(['Dorte Andersen']);
    expect(track.items[0]?.other_count).toBe(3);
  });

  it('pages by citizen', async () => {
    const all = names(await queue(worker));
    const pages: string[] = [];
    for (const offset of [0, 2, 4]) {
      const page = await queue(worker, `?limit=2&offset=${offset}`);
      expect(page.total).toBe(5);
      expect(page.items).toHaveLength(offset === 4 ? 1 : 2);
      // A citizen's deadlines come whole, never split over pages.
      const dorte = page.items.find((i) => i.citizen_name === 'Dorte Andersen');
      if (dorte !== undefined) expect(dorte.deadlines).toHaveLength(4);
      pages.push(...names(page));
    }
    expect(pages).toEqual(all);
    const beyond = await queue(worker, '?limit=2&offset=10');
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(5);
    const sortedPage = await queue(worker, '?sort=name&order=desc&limit=2&offset=2');
    expect(names(sortedPage)).toEqual(['Carl Dahl', 'Bo Christensen']);
  });

  it("shows a caseworker their own caseload, and the team's on request", async () => {
    expect(names(await queue(worker, '?sort=name'))).toEqual(names(await queue(worker, '?scope=mine&sort=name')));
    expect(names(await queue(colleague))).toEqual(['Frida Fisk', 'Åse Østergaard']);
    const team = await queue(worker, '?scope=team&sort=name');
    expect(names(team)).toEqual([
      'anne Ebbesen',
      'Bo Christensen',
      'Carl Dahl',
      'Dorte Andersen',
      'Eva Bang',
      'Frida Fisk',
      // Lower-cased and by code point, as in the case search: Å after z (as in Danish).
      'Åse Østergaard',
    ]);
    expect(team.counts.citizens).toBe(7);
  });

  it("shows a team leader the team's citizens by default, and has no caseload of their own", async () => {
    const byDefault = await queue(leader, '?sort=name');
    expect(byDefault).toEqual(await queue(leader, '?scope=team&sort=name'));
    expect(names(byDefault)).toEqual(names(await queue(worker, '?scope=team&sort=name')));
    expect(byDefault.items.find((i) => i.citizen_name === 'Frida Fisk')?.caseworker).toEqual({
      id: colleague.id,
      name: 'Anders Ahl',
    });
    // The other team's citizen is not theirs to see.
    expect(names(byDefault)).not.toContain('Gustav Gran');
    const mine = await as(leader).request('GET', '/api/work-queue?scope=mine');
    expect(mine.statusCode).toBe(400);
  });

  it("never shows another municipality's citizens", async () => {
    const foreign = await queue(foreignWorker, '?sort=name');
    expect(names(foreign)).toEqual(['Bo Christensen', 'Hans Hjort']);
    expect(foreign.counts.citizens).toBe(2);
    const ours = [...(await queue(worker)).items, ...(await queue(leader)).items].map((i) => i.case_id);
    const theirs = foreign.items.map((i) => i.case_id);
    expect(theirs).toContain(foreignCase);
    expect(ours.filter((id) => theirs.includes(id))).toEqual([]);
    expect(names(await queue(leader))).not.toContain('Hans Hjort');
  });

  it('audit-logs one read per citizen shown', async () => {
    const count = async () =>
      (
        await t.db.kysely
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('municipality_id', '=', municipalityId)
          .where('entity', '=', 'work_queue')
          .where('actor_id', '=', worker.id)
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const page = await queue(worker, '?limit=3');
    expect(page.items).toHaveLength(3);
    expect(await count()).toBe(before + 3);
    const events = await t.db.kysely
      .selectFrom('audit_event')
      .select(['entity_id', 'action', 'purpose'])
      .where('municipality_id', '=', municipalityId)
      .where('entity', '=', 'work_queue')
      .where('actor_id', '=', worker.id)
      .orderBy('seq', 'desc')
      .limit(3)
      .execute();
    expect(events.map((e) => e.entity_id).sort()).toEqual(page.items.map((i) => i.case_id).sort());
    expect(events.every((e) => e.action === 'read' && e.purpose === 'case_work')).toBe(true);
  });
});
