import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { positions, readPdf, structNodes } from '../support/pdf.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr, type BuiltUser } from '../support/factories.js';
import { CLI, tempDir } from '../support/server-process.js';

// Design → enrol (concealed allocation) → status periods and imported weeks → report, and the
// report's figures equal `medspiller evaluate` run on the exported pseudonymised data set.

const DESIGN = {
  name: 'Ansvar for eget liv',
  question: 'Kommer flere i job, når borgerens egne planer styrer indsatsen?',
  arms: [
    {
      name: 'group1',
      label: 'Ny tilgang',
      weight: 1,
      description: 'Halveret sagsstamme og selvbudget',
      caseload_cap: 15,
    },
    { name: 'control', label: 'Sædvanlig praksis', weight: 1, description: 'Som i dag' },
  ],
  control_arm: 'control',
  eligibility: { categories: ['activity_ready'], min_age: 18 },
  strata: { age_cuts: [40], benefit_year_cuts: [3] },
  follow_up_weeks: 104,
  primary_outcome: 'ever_job_or_education',
  secondary_outcomes: ['employment_degree', 'active_share'],
  consent_required: true,
};

describe.each(drivers)('experiments on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let now = new Date('2026-01-07T09:00:00Z');
  let analyst: Client;
  let worker: Client;
  let workerUser: BuiltUser;
  let analystUser: BuiltUser;
  let experimentId: string;
  let municipalityId: string;
  const cases: string[] = [];

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
    for (let i = 0; i < 16; i++) {
      const created = (
        await worker.request('POST', '/api/cases', {
          cpr: nextCpr(),
          name: `Forsøgsborger ${i}`,
          benefit: 'cash_benefit',
          benefit_start: i % 2 === 0 ? '2020-01-01' : '2025-06-01',
          registered: '2026-01-02',
        })
      ).json<{ id: string; version: number }>();
      const visited = await worker.request('PUT', `/api/cases/${created.id}/visitation`, {
        ...(i < 14 ? { category: 'activity_ready', track: 'step_up' } : { category: 'job_ready' }),
        reason: 'Visiteret ved første samtale.',
        version: created.version,
      });
      expect(visited.statusCode).toBe(200);
      cases.push(created.id);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('keeps a draft editable and checks the design', async () => {
    const bad = await analyst.request('POST', '/api/experiments', { ...DESIGN, control_arm: 'nobody' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'invalid_input',
      problems: ['control_arm: "nobody" is not one of the arms'],
    });
    const created = await analyst.request('POST', '/api/experiments', DESIGN);
    expect(created.statusCode).toBe(201);
    const x = created.json<{ id: string; status: string; version: number }>();
    experimentId = x.id;
    expect(x.status).toBe('draft');
    const edited = await analyst.request('PUT', `/api/experiments/${x.id}`, {
      ...DESIGN,
      follow_up_weeks: 52,
      version: x.version,
    });
    expect(edited.json()).toMatchObject({ design: { follow_up_weeks: 52 }, version: 2 });
    // Nobody can enrol in a draft.
    const early = await worker.request('POST', `/api/experiments/${x.id}/enrolments`, {
      case_id: cases[0],
      consent: true,
    });
    expect(early.json()).toMatchObject({ reason: 'not_enrolling' });
  });

  it('locks the design when enrolment starts: a pre-registration with a hash', async () => {
    const x = (await analyst.request('GET', `/api/experiments/${experimentId}`)).json<{ version: number }>();
    const started = await analyst.request('POST', `/api/experiments/${experimentId}/start-enrolment`, {
      version: x.version,
    });
    expect(started.statusCode).toBe(200);
    const body = started.json<{ status: string; design_hash: string; seed_id: string; version: number }>();
    expect(body.status).toBe('enrolling');
    expect(body.design_hash).toMatch(/^[0-9a-f]{64}$/);
    const edit = await analyst.request('PUT', `/api/experiments/${experimentId}`, { ...DESIGN, version: body.version });
    expect(edit.statusCode).toBe(409);
    expect(JSON.stringify(body)).not.toMatch(/seed"/);
  });

  it('lists the eligible and allocates on enrolment, consent required, each citizen once', async () => {
    const eligible = (await worker.request('GET', `/api/experiments/${experimentId}/eligible`)).json<{
      total: number;
      items: { case_id: string; stratum: string }[];
    }>();
    expect(eligible.total).toBe(14); // the two job-ready citizens are not eligible
    // Benefit since 2020 (6 years) or mid-2025 (half a year): both benefit bands occur.
    const strata = new Set(eligible.items.map((i) => i.stratum.split('|')[1]));
    expect(strata).toEqual(new Set(['benefit:3+', 'benefit:<3']));
    for (const item of eligible.items) expect(item.stratum).toMatch(/^age:(<40|40\+)\|benefit:(<3|3\+)$/);
    const noConsent = await worker.request('POST', `/api/experiments/${experimentId}/enrolments`, {
      case_id: cases[0],
      consent: false,
    });
    expect(noConsent.statusCode).toBe(400);
    const arms: string[] = [];
    for (const item of eligible.items) {
      const r = await worker.request('POST', `/api/experiments/${experimentId}/enrolments`, {
        case_id: item.case_id,
        consent: true,
      });
      expect(r.statusCode).toBe(201);
      arms.push(r.json<{ arm: string }>().arm);
    }
    expect(new Set(arms)).toEqual(new Set(['group1', 'control']));
    const again = await worker.request('POST', `/api/experiments/${experimentId}/enrolments`, {
      case_id: eligible.items[0]?.case_id,
      consent: true,
    });
    expect(again.json()).toMatchObject({ reason: 'already_enrolled' });
    const jobReady = await worker.request('POST', `/api/experiments/${experimentId}/enrolments`, {
      case_id: cases[15],
      consent: true,
    });
    expect(jobReady.json()).toMatchObject({ reason: 'not_eligible' });
    // Every allocation is logged with the seed's identity, never the seed.
    const events = await t.db.kysely
      .selectFrom('audit_event')
      .select('details')
      .where('municipality_id', '=', municipalityId)
      .where('entity', '=', 'enrolment')
      .execute();
    const seed = await t.db.kysely
      .selectFrom('experiment_seed')
      .select(['seed', 'seed_id'])
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    expect(events).toHaveLength(14);
    for (const e of events) {
      expect(e.details).toMatchObject({ seed_id: seed.seed_id });
      expect(JSON.stringify(e.details)).not.toContain(seed.seed);
    }
  });

  it('derives weekly outcomes from status periods and imported weeks, and reports them', async () => {
    type Listed = { citizen_id: string; case_id: string; pseudonym: string; arm: string; name: string | null };
    const forAnalyst = (await analyst.request('GET', `/api/experiments/${experimentId}/enrolments`)).json<{
      items: Listed[];
    }>();
    expect(forAnalyst.items.every((e) => e.name === null)).toBe(true);
    // Case staff act on the cases: their list holds the real ids (the analyst's holds stand-ins).
    const enrolments = (await worker.request('GET', `/api/experiments/${experimentId}/enrolments`)).json<{
      items: Listed[];
    }>();
    expect(forAnalyst.items.map((e) => e.pseudonym)).toEqual(enrolments.items.map((e) => e.pseudonym));
    const realIds = new Set(enrolments.items.flatMap((e) => [e.citizen_id, e.case_id]));
    expect(forAnalyst.items.filter((e) => realIds.has(e.citizen_id) || realIds.has(e.case_id))).toEqual([]);
    now = new Date('2026-03-16T09:00:00Z'); // ten whole weeks after enrolment in the week of 5 January
    // Sessions run on the injected clock too: ten weeks on, both log in again.
    await worker.login(workerUser.email, workerUser.password);
    await analyst.login(analystUser.email, analystUser.password);
    const [a, b, c] = enrolments.items;
    if (a === undefined || b === undefined || c === undefined) throw new Error('expected enrolments');
    expect(
      (
        await worker.request('POST', `/api/cases/${a.case_id}/status-periods`, {
          status: 'internship',
          start_date: '2026-01-19',
          end_date: '2026-02-08',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await worker.request('POST', `/api/cases/${a.case_id}/status-periods`, {
          status: 'ordinary_job',
          start_date: '2026-02-09',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await worker.request('POST', `/api/cases/${b.case_id}/status-periods`, {
          status: 'flexjob',
          start_date: '2026-03-01',
        })
      ).statusCode,
    ).toBe(201);
    const ended = await worker.request('POST', `/api/experiments/${experimentId}/enrolments/${c.citizen_id}/end`, {
      ended_on: '2026-02-02',
      reason: 'moved',
    });
    expect(ended.json()).toMatchObject({ end_reason: 'moved', ended_on: '2026-02-02' });

    const badImport = await analyst.request(
      'POST',
      `/api/experiments/${experimentId}/weekly-import`,
      `citizen_id,week,status\n${b.pseudonym},1,job\nUKENDT,2,none\n`,
      { 'content-type': 'text/csv' },
    );
    expect(badImport.statusCode).toBe(400);
    expect(badImport.json<{ problems: string[] }>().problems).toEqual([
      `line 2: status "job" is not one of none, active_measure, internship, subsidised_hours, flexjob, education, ordinary_job`,
      'line 3: citizen_id "UKENDT" is not enrolled in this experiment',
    ]);
    const goodImport = await analyst.request(
      'POST',
      `/api/experiments/${experimentId}/weekly-import`,
      `citizen_id,week,status\r\n${b.pseudonym},1,education\r\n${b.pseudonym},2,education\r\n`,
      { 'content-type': 'text/csv' },
    );
    expect(goodImport.json()).toEqual({ imported: 2 });

    const report = (await analyst.request('GET', `/api/experiments/${experimentId}/report`)).json<{
      interim: boolean;
      flow: { enrolled: number; arms: { arm: string; allocated: number; lost: { moved: number }; analysed: number }[] };
      evaluation: {
        n: { treatment: number; control: number };
        weeks: number;
        outcomes: Record<string, Record<string, unknown>>;
      } | null;
      curves: { arms: { arm: string; points: { week: number; cumulative_employed: number }[] }[] };
    }>();
    expect(report.interim).toBe(true);
    expect(report.flow.enrolled).toBe(14);
    expect(report.flow.arms.reduce((s, x) => s + x.lost.moved, 0)).toBe(1);
    expect(report.evaluation?.weeks).toBe(10);
    expect(report.curves.arms).toHaveLength(2);

    // The same numbers by the other road: export the data set, evaluate it with the CLI.
    const dataset = (await analyst.request('GET', `/api/experiments/${experimentId}/dataset.csv`)).body;
    const lines = dataset
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    // The export's pseudonyms are its own: the citizens are found by their weeks.
    const weeksOf = new Map<string, string[]>();
    for (const l of lines) weeksOf.set(l[0] ?? '', [...(weeksOf.get(l[0] ?? '') ?? []), l[6] ?? '']);
    const sequences = [...weeksOf.values()];
    expect(sequences).toContainEqual([
      'none',
      'none',
      'internship',
      'internship',
      'internship',
      'ordinary_job',
      'ordinary_job',
      'ordinary_job',
      'ordinary_job',
      'ordinary_job',
    ]);
    expect(
      sequences.filter(
        (w) => w.slice(0, 2).join() === 'education,education' && w.slice(7).join() === 'flexjob,flexjob,flexjob',
      ),
    ).toHaveLength(1);
    // c moved on Monday 2 February: weeks 1–4 (5 Jan–1 Feb) ended before; everyone else has 10.
    expect(sequences.map((w) => w.length).sort((x, y) => x - y)).toEqual([4, ...Array<number>(13).fill(10)]);
    const dir = tempDir();
    const people = new Map(lines.map((l) => [l[0], l]));
    writeFileSync(
      path.join(dir, 'citizens.csv'),
      `citizen_id,arm,stratum,age,years_unemployed\n${[...people.values()].map((l) => `${l[0]},${l[1]},${l[2]},${l[3]},${l[4]}`).join('\n')}\n`,
    );
    writeFileSync(
      path.join(dir, 'weekly.csv'),
      `citizen_id,week,status\n${lines.map((l) => `${l[0]},${l[5]},${l[6]}`).join('\n')}\n`,
    );
    const cli = spawnSync(
      process.execPath,
      [
        CLI,
        'evaluate',
        '--citizens',
        path.join(dir, 'citizens.csv'),
        '--weekly',
        path.join(dir, 'weekly.csv'),
        '--treatment',
        'group1',
        '--control',
        'control',
      ],
      { encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    const fromCli = JSON.parse(cli.stdout) as { outcomes: unknown; n: unknown };
    // Equal up to the last bits of floating point (strata enter the regression in another order).
    expect(differences(report.evaluation?.outcomes, fromCli.outcomes)).toEqual([]);
    expect(report.evaluation?.n).toEqual(fromCli.n);
  });

  it('downloads the report as CSV, HTML and a PDF holding the outcome table', async () => {
    const csv = await analyst.request('GET', `/api/experiments/${experimentId}/report.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe(
      'outcome,label,treatment,control,difference,ci95_low,ci95_high,interval,p,primary',
    );
    expect(csv.body).toContain('ever_job_or_education,"Job, fleksjob, løntilskud eller uddannelse"');
    const html = await analyst.request('GET', `/api/experiments/${experimentId}/report.html`);
    expect(html.body).toContain('<html lang="da">');
    expect(html.body).toContain('Foreløbig opgørelse (interim)');
    expect(html.body).toContain('<h2>Udfald</h2>');
    // For people: arms by name and the lock on the Danish clock (locked 2026-01-07T09:00Z).
    expect(html.body).toContain('Ny tilgang sammenlignet med Sædvanlig praksis');
    expect(html.body).toContain('låst 7. januar 2026 kl. 10.00');
    expect(html.body).not.toMatch(/\(group1\)|T09:00/);
    const pdf = await analyst.request('GET', `/api/experiments/${experimentId}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = await readPdf(bytes);
    expect(read.markInfo?.Marked).toBe(true);
    expect(read.info.Language).toBe('da-DK');
    expect(read.info.Title).toBe('Ansvar for eget liv – opgørelse');
    const [title, flow, outcomes, primary, degree] = positions(read.text, [
      'Ansvar for eget liv',
      'Forløb',
      'Udfald med forskel',
      'Job, fleksjob, løntilskud eller',
      'Beskæftigelsesgrad',
    ]);
    expect([title, flow, outcomes, primary, degree]).toEqual(
      [title, flow, outcomes, primary, degree].sort((a, b) => a! - b!),
    );
    expect(read.text).toContain('Ny tilgang sammenlignet med Sædvanlig praksis');
    expect(read.text).toContain('Designet låst 7. januar 2026 kl. 10.00');
    expect(read.text).toContain('Opgjort pr. 16. marts 2026');
    expect(read.text).not.toMatch(/\bgroup1\b|T\d\d:\d\d:\d\d/);
    expect(structNodes(read.structure).filter((n) => n.role === 'Figure' && n.alt !== undefined)).toHaveLength(2);
    const codebook = await analyst.request('GET', `/api/experiments/${experimentId}/codebook`);
    expect(codebook.body).toContain('| status | text |');
  });

  it('lets nobody but designers change and caseworkers enrol', async () => {
    expect((await worker.request('POST', '/api/experiments', DESIGN)).statusCode).toBe(403);
    expect(
      (
        await analyst.request('POST', `/api/experiments/${experimentId}/enrolments`, {
          case_id: cases[14],
          consent: true,
        })
      ).statusCode,
    ).toBe(403);
  });
});

/** Paths where two JSON values differ by more than 1e-9 (numbers) or at all (anything else). */
function differences(a: unknown, b: unknown, at = '$'): string[] {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 ? [] : [`${at}: ${a} vs ${b}`];
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length ? a.flatMap((x, i) => differences(x, b[i], `${at}[${i}]`)) : [`${at}: lengths differ`];
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`),
    );
  }
  return Object.is(a, b) ? [] : [`${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}
