import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { fictitiousCprSequence } from '../../src/core/cpr/index.js';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, type BuiltUser } from '../support/factories.js';

// The analysis data set is pseudonymous in fact (issue 12, item 8): an analyst's export, joined
// with everything the citizens' caseworker can see through the API, links no row to a person,
// and no value in it is an internal id. Against the old export (the permanent pseudonym that the
// enrolment lists show, exact ages) the join finds every citizen.

const DESIGN = {
  name: 'Pseudonymitet',
  question: 'Kan et analyseudtræk kobles til en borger?',
  arms: [
    { name: 'group1', label: 'Ny tilgang', weight: 1, description: 'Ny tilgang' },
    { name: 'control', label: 'Sædvanlig praksis', weight: 1, description: 'Som i dag' },
  ],
  control_arm: 'control',
  eligibility: { categories: ['activity_ready'], min_age: 18 },
  strata: { age_cuts: [40], benefit_year_cuts: [3] },
  follow_up_weeks: 52,
  primary_outcome: 'ever_job_or_education',
  secondary_outcomes: [],
  consent_required: false,
};

// Two citizens in each age band of the export (born in these years, enrolled 7 January 2026).
const BIRTH_YEARS = [2003, 2003, 1998, 1998, 1990, 1990, 1980, 1980, 1965, 1965];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every leaf value of a JSON answer, as text. */
function leaves(value: unknown, into: Set<string>): Set<string> {
  if (value === null || value === undefined) return into;
  if (Array.isArray(value)) for (const v of value) leaves(v, into);
  else if (typeof value === 'object') for (const v of Object.values(value)) leaves(v, into);
  else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    into.add(String(value));
  return into;
}

describe.each(drivers)('analysis export on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let now = new Date('2026-01-07T09:00:00Z');
  let worker: Client;
  let analyst: Client;
  let workerUser: BuiltUser;
  let analystUser: BuiltUser;
  let municipalityId: string;
  let experimentId: string;
  const cases: string[] = [];
  const names: string[] = [];
  /** Everything the caseworker saw through the API, leaf by leaf. */
  const seen = new Set<string>();
  const see = async (url: string) => {
    const r = await worker.request('GET', url);
    expect(r.statusCode, url).toBe(200);
    leaves(r.json(), seen);
    return r;
  };

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db, { clock: () => now });
    const m = await buildMunicipality(t.db.kysely);
    municipalityId = m.id;
    workerUser = await buildUser(t.db.kysely, m.id, ['caseworker']);
    analystUser = await buildUser(t.db.kysely, m.id, ['analyst']);
    await buildTeam(t.db.kysely, m.id, null, [workerUser.id], 100);
    worker = new Client(app);
    analyst = new Client(app);
    await worker.login(workerUser.email, workerUser.password);
    await analyst.login(analystUser.email, analystUser.password);
    for (const [i, year] of BIRTH_YEARS.entries()) {
      const cpr = fictitiousCprSequence(`export-privacy-${String(i)}`, { fromYear: year, toYear: year }).next().value;
      const name = `Borger Nummer${String(i)}`;
      const created = await worker.request('POST', '/api/cases', {
        cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}`,
        name,
        benefit: 'cash_benefit',
        benefit_start: i % 2 === 0 ? '2020-01-01' : '2025-06-01',
        registered: '2026-01-02',
        address: `Testvej ${String(i + 1)}, 4760 Vordingborg`,
        phone: `2000000${String(i)}`,
      });
      expect(created.statusCode).toBe(201);
      const c = created.json<{ id: string; version: number }>();
      const visited = await worker.request('PUT', `/api/cases/${c.id}/visitation`, {
        category: 'activity_ready',
        track: 'step_up',
        reason: 'Visiteret ved første samtale.',
        version: c.version,
      });
      expect(visited.statusCode).toBe(200);
      cases.push(c.id);
      names.push(name);
    }
    const x = (await analyst.request('POST', '/api/experiments', DESIGN)).json<{ id: string; version: number }>();
    experimentId = x.id;
    expect(
      (await analyst.request('POST', `/api/experiments/${x.id}/start-enrolment`, { version: x.version })).statusCode,
    ).toBe(200);
    // The eligible list (names, pseudonyms, ages) as the caseworker saw it before enrolling.
    await see(`/api/experiments/${experimentId}/eligible`);
    for (const caseId of cases) {
      const r = await worker.request('POST', `/api/experiments/${experimentId}/enrolments`, {
        case_id: caseId,
        consent: false,
      });
      expect(r.statusCode).toBe(201);
      leaves(r.json(), seen);
    }
    now = new Date('2026-03-16T09:00:00Z'); // ten whole weeks on
    await worker.login(workerUser.email, workerUser.password);
    await analyst.login(analystUser.email, analystUser.password);
    // Outcomes that no single citizen has alone: two in internship, two in a job.
    for (const [i, caseId] of cases.slice(0, 4).entries()) {
      const r = await worker.request('POST', `/api/cases/${caseId}/status-periods`, {
        status: i < 2 ? 'internship' : 'ordinary_job',
        start_date: '2026-01-19',
      });
      expect(r.statusCode).toBe(201);
    }
    // Everything else the caseworker can see of these citizens.
    await see('/api/session');
    await see('/api/cases?limit=100');
    await see('/api/work-queue');
    await see(`/api/experiments/${experimentId}/enrolments`);
    for (const caseId of cases) {
      await see(`/api/cases/${caseId}`);
      await see(`/api/cases/${caseId}/status-periods`);
      await see(`/api/cases/${caseId}/timeline`);
      await see(`/api/cases/${caseId}/contact-persons`);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('saw the citizens: names, pseudonyms, ages and ids are all in what the caseworker got', async () => {
    for (const name of names) expect(seen).toContain(name);
    for (const caseId of cases) expect(seen).toContain(caseId);
    const pseudonyms = await t.db.kysely
      .selectFrom('citizen')
      .select(['pseudonym', 'id'])
      .where('municipality_id', '=', municipalityId)
      .execute();
    for (const p of pseudonyms) {
      expect(seen).toContain(p.pseudonym);
      expect(seen).toContain(p.id);
    }
  });

  it('joins the export with all of it and finds no link, and no id in the export', async () => {
    const response = await analyst.request('GET', `/api/experiments/${experimentId}/dataset.csv`);
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = response.body
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(header).toEqual(['citizen_id', 'arm', 'stratum', 'age', 'years_on_benefit', 'week', 'status']);
    expect(rows).toHaveLength(10 * 10);

    // Which export rows (by the export's pseudonym) hold each value.
    const holders = new Map<string, Set<string>>();
    for (const row of rows) {
      for (const cell of row) {
        const set = holders.get(cell) ?? new Set<string>();
        set.add(row[0] ?? '');
        holders.set(cell, set);
      }
    }
    // A value that only one citizen's rows hold, and that the caseworker saw too, is a link.
    const links = [...holders].filter(([value, who]) => who.size === 1 && seen.has(value)).map(([value]) => value);
    expect(links).toEqual([]);

    // No value of the export is an id, a case number, a permanent pseudonym, a name, a CPR or a date.
    const ids = new Set<string>();
    for (const r of await t.db.kysely
      .selectFrom('citizen')
      .select(['id', 'pseudonym', 'name', 'birth_date', 'cpr_masked'])
      .where('municipality_id', '=', municipalityId)
      .execute())
      for (const v of Object.values(r)) ids.add(v);
    for (const r of await t.db.kysely
      .selectFrom('citizen_case')
      .select(['id', 'case_number', 'registered', 'benefit_start'])
      .where('municipality_id', '=', municipalityId)
      .execute())
      for (const v of Object.values(r)) ids.add(v);
    for (const r of await t.db.kysely
      .selectFrom('app_user')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .execute())
      ids.add(r.id);
    ids.add(experimentId);
    const cells = new Set(rows.flat());
    expect([...cells].filter((c) => ids.has(c) || UUID.test(c) || /^\d{4}-\d{2}-\d{2}$/.test(c))).toEqual([]);

    // Ages only as band limits, years on benefit in whole years.
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['18', '25', '30', '40', '50']));
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(['0', '6']));
    // The analyst's repeated download joins on the same pseudonyms.
    const again = await analyst.request('GET', `/api/experiments/${experimentId}/dataset.csv`);
    expect(again.body).toBe(response.body);
  });

  it('shows the analyst no internal id and none of the export pseudonyms outside the export', async () => {
    const listed = await analyst.request('GET', `/api/experiments/${experimentId}/enrolments`);
    const values = leaves(listed.json(), new Set<string>());
    for (const caseId of cases) expect(values).not.toContain(caseId);
    const citizens = await t.db.kysely
      .selectFrom('citizen')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .execute();
    for (const c of citizens) expect(values).not.toContain(c.id);
    const exported = (await analyst.request('GET', `/api/experiments/${experimentId}/dataset.csv`)).body
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0] ?? '');
    for (const p of new Set(exported)) {
      expect(values).not.toContain(p);
      expect(seen).not.toContain(p);
    }
    // The codebook states every column with its unit, banding and suppression.
    const codebook = (await analyst.request('GET', `/api/experiments/${experimentId}/codebook`)).body;
    expect(codebook).toContain('| column | type | meaning | unit | banding | suppression |');
    for (const column of ['citizen_id', 'arm', 'stratum', 'age', 'years_on_benefit', 'week', 'status'])
      expect(codebook).toMatch(new RegExp(`^\\| ${column} \\|`, 'm'));
    expect(codebook).toContain('18 = under 25, 25 = 25–29, 30 = 30–39, 40 = 40–49, 50 = 50 or older');
    // Published flow tables hide counts under 5 (arms of about 5 here; one never lost).
    const html = (await analyst.request('GET', `/api/experiments/${experimentId}/report.html`)).body;
    expect(html).toContain('<td>&#60;5</td>');
  });
});
