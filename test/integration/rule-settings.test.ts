import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr } from '../support/factories.js';

// A municipality drops the Halsnæs policy and adds a local rule of its own, as data: its
// cases' deadlines follow without any code change.
const LOCAL = {
  id: 'solbjerg',
  name: { da: 'Solbjerg Kommunes lokale regler', en: 'Solbjerg local rules' },
  rules: [
    {
      id: 'solbjerg.home_visit',
      valid_from: '2026-01-01',
      valid_to: null,
      basis: 'Solbjerg Kommune, byrådsbeslutning 2025',
      basis_kind: 'local',
      title: { da: 'Hjemmebesøg', en: 'Home visit' },
      explanation: {
        da: 'Samtale senest {period} efter {start_event} ({start}).',
        en: 'Conversation at the latest {period} after {start_event} ({start}).',
      },
      counting: {
        kind: 'nth_occurrence',
        start: { fact: 'registered', label: { da: 'registrering', en: 'registration' } },
        period: 'P2W',
        n: 1,
        met_by: { types: ['conversation'], held: true, label: { da: 'afholdt samtale', en: 'held conversation' } },
      },
    },
  ],
};

describe.each(drivers)('rule sets per municipality on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: Client;
  let worker: Client;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db, { clock: () => new Date('2026-03-20T10:00:00Z') });
    const m = await buildMunicipality(t.db.kysely);
    const a = await buildUser(t.db.kysely, m.id, ['municipality_admin']);
    const w = await buildUser(t.db.kysely, m.id, ['caseworker']);
    await buildTeam(t.db.kysely, m.id, null, [w.id]);
    admin = new Client(app);
    worker = new Client(app);
    await admin.login(a.email, a.password);
    await worker.login(w.email, w.password);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('starts from the default and rejects a broken local set naming the field', async () => {
    const s = (await admin.request('GET', '/api/settings/rule-sets')).json<{
      rule_set_ids: string[];
      version: number;
      available: { id: string }[];
    }>();
    expect(s).toMatchObject({ rule_set_ids: ['lab-2019', 'halsnaes-policy'], version: 0 });
    expect(s.available.map((x) => x.id)).toEqual(['lab-2019', 'halsnaes-policy']);
    const broken = await admin.request('PUT', '/api/settings/rule-sets', {
      rule_set_ids: ['lab-2019'],
      local_rule_sets: [{ ...LOCAL, rules: [{ ...LOCAL.rules[0], valid_from: '2026-02-30' }] }],
      version: 0,
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ message: string }>().message).toContain('local_rule_sets[0].rules[0].valid_from');
  });

  it('judges new and existing cases by the chosen rules', async () => {
    const c = (
      await worker.request('POST', '/api/cases', {
        cpr: nextCpr(),
        name: 'Regel Borger',
        benefit: 'cash_benefit',
        benefit_start: '2025-01-01',
        registered: '2026-03-02',
      })
    ).json<{ id: string }>();
    const saved = await admin.request('PUT', '/api/settings/rule-sets', {
      rule_set_ids: ['lab-2019'],
      local_rule_sets: [LOCAL],
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ rule_set_ids: ['lab-2019'], version: 1 });
    const stale = await admin.request('PUT', '/api/settings/rule-sets', {
      rule_set_ids: ['lab-2019'],
      local_rule_sets: [],
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    // The existing case is re-evaluated (here synchronously through the refresher's own query).
    const { refreshStale } = await import('../../src/server/modules/deadlines/service.js');
    await refreshStale(t.db.kysely, '2026-03-20');
    const after = (await worker.request('GET', `/api/cases/${c.id}`)).json<{
      deadlines: { rule: string; due: string; basis: string }[];
    }>();
    expect(after.deadlines.map((d) => [d.rule, d.due])).toEqual([
      ['lab.first_conversation', '2026-03-09'],
      ['solbjerg.home_visit', '2026-03-16'],
      ['lab.four_conversations', '2026-09-02'],
    ]);
  });
});
