import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildTeam, buildUser, nextCpr } from '../support/factories.js';
import { buildFuzzWorld, runFuzz } from '../fuzz/fuzz.js';

// Issue 12: no personal data in any log line. The app logs at trace level while it serves
// realistic traffic with known citizens (registrations, searches by name, updates, notes, bad
// input, 404s, database failures that answer 500, a fuzz run); then every captured line is
// searched for CPR-shaped numbers and for each thing known about the citizens.

interface TestCitizen {
  cpr: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  note: string;
}

const CITIZENS: Omit<TestCitizen, 'cpr'>[] = [
  {
    name: 'Birgitte Sørensen-Lindholm',
    address: 'Strandvejen 117, 2900 Hellerup',
    phone: '+45 22 33 44 55',
    email: 'birgitte.lindholm@eksempel.dk',
    note: 'Har svært ved trapper efter knæoperationen i foråret.',
  },
  {
    name: 'Mads Østergaard Kjær',
    address: 'Vestergade 9, 1. th., 8000 Aarhus C',
    phone: '61 72 83 94',
    email: 'mads.kjaer@postkasse.dk',
    note: 'Ønsker samtaler om formiddagen på grund af medicin.',
  },
  {
    name: 'Aisha Rahimi',
    address: 'Rosenvænget 4, 5000 Odense C',
    phone: '+45 50 60 70 81',
    email: 'aisha.rahimi@eksempel.dk',
    note: 'Tolk på dari ved alle møder; søster er kontaktperson.',
  },
];
// Citizens whose registration or note the test database refuses (constraints added below), so
// that the driver's error, with the values of the row in it, reaches the error handler.
const FAILING_NAME = 'Fejlfrida Zachariassen';
const FAILING_ADDRESS = 'Fejlvej 404, 9999 Nowhere';
const FAILING_NOTE = 'FEJLNOTE om Zacharias gæld og misbrug';

// Ten digits with or without the dash, valid date or not, not inside a longer number or a hex id.
const CPR_SHAPED = /(?<![\p{L}\p{N}])[0-9]{6}-?[0-9]{4}(?![\p{L}\p{N}])/u;

/** Line numbers (1-based) and the kind of what was found there; never the value. */
export function scanForPersonalData(lines: string[], needles: Map<string, string>): string[] {
  const hits: string[] = [];
  lines.forEach((line, i) => {
    if (CPR_SHAPED.test(line)) hits.push(`${i + 1}: CPR-shaped number`);
    const lower = line.toLowerCase();
    for (const [needle, kind] of needles) if (lower.includes(needle.toLowerCase())) hits.push(`${i + 1}: ${kind}`);
  });
  return hits;
}

describe.each(drivers)('no personal data in the logs on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  const lines: string[] = [];
  let partial = '';

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const parts = (partial + chunk.toString()).split('\n');
        partial = parts.pop() ?? '';
        lines.push(...parts);
        done();
      },
    });
    app = await buildTestApp(t.db, { log: { level: 'trace', stream }, clock: () => new Date('2026-02-01T12:00:00Z') });
    await t.db.rawTransaction(async (session) => {
      await session.exec(`ALTER TABLE citizen ADD CONSTRAINT log_test_name CHECK (name <> '${FAILING_NAME}')`);
      await session.exec(
        `ALTER TABLE case_event ADD CONSTRAINT log_test_note CHECK (note IS NULL OR note NOT LIKE 'FEJLNOTE%')`,
      );
    });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('holds no CPR number, name, address, phone number, e-mail, note, ciphertext or lookup hash', async () => {
    const m = await buildMunicipality(t.db.kysely);
    const worker = await buildUser(t.db.kysely, m.id, ['caseworker']);
    await buildTeam(t.db.kysely, m.id, null, [worker.id]);
    const c = new Client(app);
    expect((await c.login(worker.email, 'wrong password')).statusCode).toBe(401);
    await c.login(worker.email, worker.password);

    const citizens: TestCitizen[] = CITIZENS.map((citizen) => ({ ...citizen, cpr: nextCpr() }));
    const statuses: number[] = [];
    const send = async (...args: Parameters<Client['request']>) => {
      const response = await c.request(...args);
      statuses.push(response.statusCode);
      return response;
    };

    for (const citizen of citizens) {
      const registered = await send('POST', '/api/cases', {
        cpr: citizen.cpr,
        name: citizen.name,
        address: citizen.address,
        phone: citizen.phone,
        email: citizen.email,
        benefit: 'cash_benefit',
        benefit_start: '2024-01-01',
        registered: '2026-01-05',
      });
      expect(registered.statusCode).toBe(201);
      const { id } = registered.json<{ id: string }>();
      const digits = citizen.cpr.replace('-', '');
      // The same person again, by the CPR number without its dash: a conflict.
      await send('POST', '/api/cases', {
        cpr: digits,
        name: citizen.name,
        benefit: 'cash_benefit',
        benefit_start: '2024-01-01',
        registered: '2026-01-05',
      });
      // Bad input that carries the data: an e-mail address the schema refuses, a name too long.
      await send('POST', '/api/cases', { cpr: citizen.cpr, name: citizen.name, email: `${citizen.email} x` });
      await send('POST', '/api/cases', { cpr: citizen.cpr, name: citizen.name.repeat(20), benefit: 'nope' });
      await send('POST', '/api/cases', `{"cpr":"${citizen.cpr}","name":"${citizen.name}"`, {
        'content-type': 'application/json',
      });
      const firstName = citizen.name.split(' ')[0] ?? '';
      for (const q of [citizen.name, firstName, digits, citizen.cpr, citizen.email, citizen.phone]) {
        await send('GET', `/api/cases?q=${encodeURIComponent(q)}&status=all`);
      }
      await send('GET', `/api/cases?q=${citizen.name.repeat(10)}`);
      await send('POST', '/api/cases/find-by-cpr', { cpr: citizen.cpr });
      await send('POST', '/api/citizens/find-by-cpr', { cpr: digits });
      await send('GET', `/api/cases/${id}`);
      await send('POST', `/api/cases/${id}/reveal-cpr`, { purpose: `Brev til ${citizen.name}` });
      await send('PATCH', `/api/cases/${id}/citizen`, { address: `${citizen.address} (ny)`, version: 1 });
      await send('PATCH', `/api/cases/${id}/citizen`, { address: citizen.address, version: 1 });
      await send('POST', `/api/cases/${id}/events`, {
        type: 'conversation',
        date: '2026-01-20',
        held: true,
        mode: 'home',
        note: citizen.note,
      });
      await send('POST', `/api/cases/${id}/events`, { type: 'conversation', date: citizen.note, note: citizen.note });
      await send('GET', `/api/cases/${id}/timeline`);
      await send('GET', `/api/cases/${encodeURIComponent(citizen.name)}`);
      await send('GET', `/api/nowhere/${digits}/${encodeURIComponent(citizen.email)}`);
      await send('GET', `/cases/${encodeURIComponent(citizen.name)}?cpr=${citizen.cpr}`);
    }

    // Failures inside the database, with the citizen's values in the statement.
    const failed = await send('POST', '/api/cases', {
      cpr: nextCpr(),
      name: FAILING_NAME,
      address: FAILING_ADDRESS,
      benefit: 'cash_benefit',
      benefit_start: '2024-01-01',
      registered: '2026-01-05',
    });
    expect(failed.statusCode).toBe(500);
    const someCase = (await send('GET', '/api/cases?status=all')).json<{ items: { id: string }[] }>().items[0]?.id;
    const failedNote = await send('POST', `/api/cases/${someCase}/events`, {
      type: 'conversation',
      date: '2026-01-21',
      held: true,
      mode: 'home',
      note: FAILING_NOTE,
    });
    expect(failedNote.statusCode).toBe(500);

    // The fuzzer's traffic on top: thousands of broken requests, some carrying data.
    const world = await buildFuzzWorld(t.db.kysely, app);
    const fuzz = await runFuzz(app, { runs: 300, seed: 12, ...world });
    expect(fuzz.requests).toBeGreaterThan(0);
    statuses.push(...Object.entries(fuzz.byStatus).flatMap(([status, n]) => Array<number>(n).fill(Number(status))));

    // What the database holds about the citizens, derived from their CPR numbers.
    const stored = await t.db.rawTransaction((session) =>
      session.query<{ cpr_ciphertext: string; cpr_lookup: string; cpr_masked: string; birth_date: string }>(
        `SELECT cpr_ciphertext, cpr_lookup, cpr_masked, to_char(birth_date, 'YYYY-MM-DD') AS birth_date
           FROM citizen WHERE name = ANY($1)`,
        [citizens.map((citizen) => citizen.name)],
      ),
    );
    expect(stored).toHaveLength(citizens.length);

    const needles = new Map<string, string>();
    for (const citizen of citizens) {
      needles.set(citizen.cpr, 'CPR number');
      needles.set(citizen.cpr.replace('-', ''), 'CPR number');
      needles.set(citizen.name, 'name');
      for (const part of citizen.name.split(' ')) needles.set(part, 'part of a name');
      needles.set(citizen.address, 'address');
      needles.set(citizen.address.split(',')[0] ?? '', 'street');
      needles.set(citizen.phone, 'phone number');
      needles.set(citizen.phone.replace(/\D/g, '').slice(-8), 'phone number');
      needles.set(citizen.email, 'e-mail');
      needles.set(citizen.email.split('@')[0] ?? '', 'e-mail');
      needles.set(citizen.note, 'note');
      needles.set(citizen.note.slice(0, 20), 'note');
    }
    for (const row of stored) {
      needles.set(row.cpr_ciphertext, 'CPR ciphertext');
      needles.set(row.cpr_lookup, 'CPR lookup hash');
      needles.set(row.cpr_masked, 'masked CPR');
      needles.set(row.birth_date, 'birth date');
    }
    needles.set(FAILING_NAME, 'name');
    needles.set('Zacharias', 'part of a name');
    needles.set(FAILING_ADDRESS, 'address');
    needles.set('Fejlvej', 'street');
    needles.set('FEJLNOTE', 'note');
    needles.set(worker.email, 'e-mail');
    needles.set('Fuzz Borger', 'name');

    const hits = scanForPersonalData(lines, needles);
    const errorLines = lines.filter((line) => line.includes('"level":50'));
    process.stdout.write(
      `log privacy (${driver}): ${statuses.length} requests, ${lines.length} log lines (${errorLines.length} at error level) ` +
        `scanned for ${needles.size} values, ${hits.length} hit(s)\n`,
    );
    expect(statuses.filter((status) => status >= 400 && status < 500).length).toBeGreaterThan(50);
    expect(errorLines.length).toBeGreaterThanOrEqual(2);
    expect(lines.some((line) => line.includes('/api/cases?q=[redacted]&status=[redacted]'))).toBe(true);
    // The scan finds what it looks for: the raw traffic would have been a hit.
    expect(scanForPersonalData([`{"url":"/api/cases?q=${citizens[0]?.name ?? ''}"}`], needles)).not.toEqual([]);
    expect(scanForPersonalData(['{"msg":"0101901234"}'], new Map())).not.toEqual([]);
    expect(hits.slice(0, 20)).toEqual([]);
  });
});
