// A synthetic caseload for the work queue benchmark, written with set-based SQL (generate_series,
// INSERT … SELECT) into a migrated database: municipalities, teams, caseworkers and team leaders,
// citizens with one open case each, and each case's materialised deadlines. Everything is derived
// from the row number by hash functions, so the same parameters give the same data set.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DEFAULT_RULE_SET, evaluateDeadlines, type CaseFacts } from '../src/core/rules/index.js';
import type { Db } from '../src/server/db/database.js';
import type { Database } from '../src/server/db/schema.js';

export interface CaseloadOptions {
  citizens: number;
  municipalities: number;
  /** The fixed "today" due dates spread around (±1 year) and cases are registered before. */
  today: string;
  /** One argon2 hash every staff user gets, so that any of them can log in with one password. */
  passwordHash: string;
}

export interface CaseloadReport {
  seconds: number;
  steps: { step: string; seconds: number; rows: number }[];
  rows: { citizens: number; caseworkers: number; teams: number; deadlines: number; unmetDeadlines: number };
}

// Caseworkers carry at most this many cases; teams hold this many caseworkers.
const CASELOAD_CAP = 15;
const TEAM_SIZE = 8;

const FIRST_NAMES = [
  'Anne',
  'Mette',
  'Hanne',
  'Lone',
  'Susanne',
  'Maria',
  'Fatima',
  'Sara',
  'Ida',
  'Emma',
  'Jens',
  'Peter',
  'Lars',
  'Michael',
  'Søren',
  'Thomas',
  'Ali',
  'Mads',
  'Frederik',
  'Åse',
];
const LAST_NAMES = [
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Holm',
  'Østergaard',
  'Ali',
  'Yilmaz',
];

interface RuleText {
  rule: string;
  title: string;
  titleEn: string;
  basis: string;
  /** The engine's own wording with the date counted from replaced by `{start}`. */
  explanation: string;
  explanationEn: string;
}

/** The default rule set's rules as the engine words them, taken from a few typical cases. */
function ruleTexts(): RuleText[] {
  const found = new Map<string, RuleText>();
  const scenarios: Pick<CaseFacts, 'category' | 'track'>[] = [
    { category: 'activity_ready', track: 'step_up' },
    { category: 'activity_ready', track: 'near_job_ready' },
    { category: 'activity_ready', track: 'rehab_team' },
    { category: 'job_ready', track: null },
  ];
  for (const s of scenarios) {
    const facts: CaseFacts = { registered: '2024-06-03', benefit_start: '2021-01-04', ...s, events: [] };
    for (const d of evaluateDeadlines(facts, '2025-06-02', DEFAULT_RULE_SET)) {
      if (found.has(d.rule)) continue;
      const start = (text: string) => text.split(d.counted_from).join('{start}');
      found.set(d.rule, {
        rule: d.rule,
        title: d.title,
        titleEn: d.title_en,
        basis: d.basis,
        explanation: start(d.explanation),
        explanationEn: start(d.explanation_en),
      });
    }
  }
  return DEFAULT_RULE_SET.rules.map(
    (r) =>
      found.get(r.id) ?? {
        rule: r.id,
        title: r.title.da,
        titleEn: r.title.en,
        basis: r.basis,
        explanation: r.title.da,
        explanationEn: r.title.en,
      },
  );
}

const list = (xs: readonly string[]): RawBuilder<unknown> => sql`ARRAY[${sql.join(xs)}]::text[]`;

/** A deterministic pseudo-random integer in [0, n) for row `i` and stream `salt` (SQL). */
const rnd = (i: RawBuilder<unknown>, salt: number, n: number): RawBuilder<number> =>
  sql<number>`((hashint8extended(${i}, ${sql.lit(salt)}) & 9223372036854775807) % ${sql.lit(n)})::int`;

/** 'B-' and eight characters of the pseudonym alphabet: an odd multiplier permutes [0, 2^40), so they are unique. */
function pseudonym(i: RawBuilder<unknown>): RawBuilder<string> {
  const x = sql`((${i} * 2654435761) & 1099511627775)`;
  const chars = Array.from(
    { length: 8 },
    (_, j) => sql`substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', ((${x} >> ${sql.lit(5 * j)}) & 31)::int + 1, 1)`,
  );
  return sql<string>`'B-' || ${sql.join(chars, sql` || `)}`;
}

function statements(o: CaseloadOptions): { step: string; query: RawBuilder<unknown> }[] {
  const today = sql`${o.today}::date`;
  const i = sql.ref('i');
  const rules = ruleTexts();
  const ruleRows = rules.map(
    (r, n) =>
      sql`(${n}::int, ${r.rule}::text, ${r.title}::text, ${r.titleEn}::text, ${r.basis}::text, ${r.explanation}::text, ${r.explanationEn}::text)`,
  );
  const name = (n: RawBuilder<unknown>) =>
    sql`(${list(FIRST_NAMES)})[${rnd(n, 1, FIRST_NAMES.length)} + 1] || ' ' || (${list(LAST_NAMES)})[${rnd(n, 2, LAST_NAMES.length)} + 1]`;
  const uuid = (...parts: RawBuilder<unknown>[]) => sql`md5(${sql.join(parts, sql` || ':' || `)})::uuid`;
  return [
    {
      step: 'municipalities',
      query: sql`INSERT INTO municipality (id, code, name)
        SELECT ${uuid(sql`'municipality'`, sql`m`)}, (100 + m)::text, 'Kommune ' || (100 + m) FROM generate_series(1, ${o.municipalities}::int) m`,
    },
    {
      step: 'sizes (temporary)',
      query: sql`CREATE TEMP TABLE gen_municipality AS
        SELECT m, ${uuid(sql`'municipality'`, sql`m`)} AS id, n, ceil(n / ${sql.lit(CASELOAD_CAP)}.0)::int AS workers, ceil(ceil(n / ${sql.lit(CASELOAD_CAP)}.0) / ${sql.lit(TEAM_SIZE)}.0)::int AS teams
        FROM (SELECT m, (${o.citizens}::int - m) / ${o.municipalities}::int + 1 AS n FROM generate_series(1, ${o.municipalities}::int) m) s`,
    },
    {
      step: 'staff users',
      query: sql`INSERT INTO app_user (municipality_id, id, kind, email, name, password_hash)
        SELECT g.id, ${uuid(sql`'caseworker'`, sql`g.m`, sql`w`)}, 'staff', 'sagsbehandler-' || w || '@kommune' || (100 + g.m) || '.medspiller.test', ${name(sql`g.m * 100000 + w`)}, ${o.passwordHash}
        FROM gen_municipality g, generate_series(1, g.workers) w
        UNION ALL
        SELECT g.id, ${uuid(sql`'leader'`, sql`g.m`, sql`t`)}, 'staff', 'teamleder-' || t || '@kommune' || (100 + g.m) || '.medspiller.test', ${name(sql`-(g.m * 100000 + t)`)}, ${o.passwordHash}
        FROM gen_municipality g, generate_series(1, g.teams) t`,
    },
    {
      step: 'roles',
      query: sql`INSERT INTO user_role (municipality_id, user_id, role)
        SELECT g.id, ${uuid(sql`'caseworker'`, sql`g.m`, sql`w`)}, 'caseworker' FROM gen_municipality g, generate_series(1, g.workers) w
        UNION ALL
        SELECT g.id, ${uuid(sql`'leader'`, sql`g.m`, sql`t`)}, 'team_leader' FROM gen_municipality g, generate_series(1, g.teams) t`,
    },
    {
      step: 'teams',
      query: sql`INSERT INTO team (municipality_id, id, name, leader_id, caseload_cap)
        SELECT g.id, ${uuid(sql`'team'`, sql`g.m`, sql`t`)}, 'Team ' || t, ${uuid(sql`'leader'`, sql`g.m`, sql`t`)}, ${sql.lit(CASELOAD_CAP)}
        FROM gen_municipality g, generate_series(1, g.teams) t`,
    },
    {
      step: 'team members',
      query: sql`INSERT INTO team_member (municipality_id, team_id, user_id)
        SELECT g.id, ${uuid(sql`'team'`, sql`g.m`, sql`(w - 1) / ${sql.lit(TEAM_SIZE)} + 1`)}, ${uuid(sql`'caseworker'`, sql`g.m`, sql`w`)}
        FROM gen_municipality g, generate_series(1, g.workers) w`,
    },
    {
      // Citizen i lives in municipality m and is its k-th case; cases go round-robin to the
      // caseworkers, so each caseworker's cases lie far apart on disk, as after years of intake.
      step: 'cases (temporary)',
      query: sql`CREATE TEMP TABLE gen_case AS
        SELECT s.i, s.m, s.k, g.id AS municipality_id, ${uuid(sql`'citizen'`, i)} AS citizen_id, ${uuid(sql`'case'`, i)} AS case_id,
          ${uuid(sql`'caseworker'`, sql`s.m`, sql`w.w`)} AS caseworker_id, ${uuid(sql`'team'`, sql`s.m`, sql`(w.w - 1) / ${sql.lit(TEAM_SIZE)} + 1`)} AS team_id,
          ${today} - ${rnd(i, 3, 1100)} AS registered, v.category, CASE WHEN v.category = 'activity_ready' THEN (ARRAY['near_job_ready', 'step_up', 'step_up', 'rehab_team'])[${rnd(i, 5, 4)} + 1] END AS track
        FROM (SELECT i, (i - 1) % ${o.municipalities}::int + 1 AS m, (i - 1) / ${o.municipalities}::int + 1 AS k FROM generate_series(1, ${o.citizens}::int) i) s
        JOIN gen_municipality g ON g.m = s.m
        CROSS JOIN LATERAL (SELECT (s.k - 1) % g.workers + 1 AS w) w
        CROSS JOIN LATERAL (SELECT (ARRAY['activity_ready', 'activity_ready', 'activity_ready', 'activity_ready', 'activity_ready', 'activity_ready', 'activity_ready', 'activity_ready', 'job_ready', 'job_ready', 'job_ready', NULL])[${rnd(i, 4, 12)} + 1] AS category) v
        ORDER BY g.id, ${uuid(sql`'case'`, i)}`,
    },
    {
      step: 'citizens',
      query: sql`INSERT INTO citizen (municipality_id, id, pseudonym, cpr_ciphertext, cpr_lookup, cpr_masked, birth_date, name, address, phone, contact_channel)
        SELECT municipality_id, citizen_id, ${pseudonym(i)},
          'v1:0badc0de:' || rtrim(translate(encode(sha256(('iv:' || i)::bytea) || substr(sha256(('tag:' || i)::bytea), 1, 6), 'base64'), '+/', '-_'), '='),
          encode(sha256(('lookup:' || i)::bytea), 'hex'), to_char(b.birth, 'DDMMYY') || '-xxxx', b.birth, ${name(i)},
          'Vestergade ' || (1 + ${rnd(i, 6, 120)}) || ', ' || (3000 + ${rnd(i, 7, 6000)}), '+45 ' || (20000000 + ${rnd(i, 8, 79999999)}),
          (ARRAY['phone', 'sms', 'email', 'letter', 'digital_post'])[${rnd(i, 9, 5)} + 1]
        FROM gen_case CROSS JOIN LATERAL (SELECT DATE '1960-01-01' + ${rnd(i, 10, 16000)} AS birth) b`,
    },
    {
      step: 'open cases',
      query: sql`INSERT INTO citizen_case (municipality_id, id, case_number, citizen_id, team_id, caseworker_id, benefit, benefit_start, registered, category, category_reason, track, track_reason, deadlines_on)
        SELECT municipality_id, case_id, extract(year FROM registered) || '-' || lpad(k::text, greatest(6, length(k::text)), '0'), citizen_id, team_id, caseworker_id,
          (ARRAY['cash_benefit', 'cash_benefit', 'cash_benefit', 'education_benefit', 'self_support_benefit', 'resource_course_benefit', 'sickness_benefit'])[${rnd(i, 11, 7)} + 1],
          registered - ${rnd(i, 12, 2500)}, registered, category, CASE WHEN category IS NOT NULL THEN 'Visiteret ved første samtale.' END,
          track, CASE WHEN track IS NOT NULL THEN 'Valgt ved ressourcesamtalen.' END, ${today}
        FROM gen_case`,
    },
    {
      step: 'case number counters',
      query: sql`INSERT INTO case_number_counter (municipality_id, year, last)
        SELECT municipality_id, extract(year FROM registered)::int, max(k) FROM gen_case GROUP BY 1, 2`,
    },
    {
      step: 'rules (temporary)',
      query: sql`CREATE TEMP TABLE gen_rule (n, rule, title, title_en, basis, explanation, explanation_en) AS VALUES ${sql.join(ruleRows)}`,
    },
    {
      // 4–6 distinct rules per case; due within a year either side of today; about 3 in 10 met
      // (a few of them late), the rest open or overdue.
      step: 'deadlines',
      query: sql`INSERT INTO case_deadline (municipality_id, case_id, rule, caseworker_id, team_id, track, due, met_on, late, title, title_en, basis, explanation, explanation_en, evaluated_on)
        SELECT c.municipality_id, c.case_id, r.rule, c.caseworker_id, c.team_id, c.track, d.due, m.met_on, coalesce(m.met_on > d.due, false),
          r.title, r.title_en, r.basis, replace(r.explanation, '{start}', c.registered::text), replace(r.explanation_en, '{start}', c.registered::text), ${today}
        FROM gen_case c
        CROSS JOIN LATERAL generate_series(1, 4 + ${rnd(sql`c.i`, 13, 3)}) j
        JOIN gen_rule r ON r.n = (c.i + j) % ${sql.lit(rules.length)}
        CROSS JOIN LATERAL (SELECT ${today} + ${rnd(sql`c.i * 8 + j`, 14, 731)} - 365 AS due) d
        CROSS JOIN LATERAL (SELECT CASE WHEN ${rnd(sql`c.i * 8 + j`, 15, 10)} < 3 THEN least(d.due + ${rnd(sql`c.i * 8 + j`, 16, 24)} - 20, ${today}) END AS met_on) m`,
    },
  ];
}

async function count(db: Kysely<Database>, query: RawBuilder<{ n: number }>): Promise<number> {
  const { rows } = await query.execute(db);
  return rows[0]?.n ?? 0;
}

/** Fills a freshly migrated database with the caseload, then VACUUM ANALYZE as autovacuum would after a bulk load. */
export async function generateCaseload(db: Db, o: CaseloadOptions): Promise<CaseloadReport> {
  if (!Number.isInteger(o.municipalities) || o.municipalities < 1 || o.municipalities > 9899)
    throw new Error('municipalities must be 1–9899');
  if (!Number.isInteger(o.citizens) || o.citizens < o.municipalities)
    throw new Error('need at least one citizen per municipality');
  const start = performance.now();
  const steps: CaseloadReport['steps'] = [];
  await db.kysely.connection().execute(async (conn) => {
    // Session settings for the load only; temp_buffers must be set before the first temporary table.
    if (db.driver === 'postgres') {
      for (const setting of [
        sql`SET synchronous_commit = off`,
        sql`SET temp_buffers = '512MB'`,
        sql`SET work_mem = '256MB'`,
      ])
        await setting.execute(conn);
    }
    for (const { step, query } of statements(o)) {
      const t = performance.now();
      const result = await query.execute(conn);
      steps.push({ step, seconds: (performance.now() - t) / 1000, rows: Number(result.numAffectedRows ?? 0n) });
    }
    await sql`DROP TABLE gen_case, gen_municipality, gen_rule`.execute(conn);
    if (db.driver === 'postgres')
      for (const reset of [sql`RESET synchronous_commit`, sql`RESET work_mem`]) await reset.execute(conn);
    const t = performance.now();
    await sql`VACUUM (ANALYZE) municipality, app_user, user_role, team, team_member, citizen, citizen_case, case_number_counter, case_deadline`.execute(
      conn,
    );
    steps.push({ step: 'VACUUM ANALYZE', seconds: (performance.now() - t) / 1000, rows: 0 });
  });
  const k = db.kysely;
  const rows = {
    citizens: await count(k, sql`SELECT count(*)::int AS n FROM citizen`),
    caseworkers: await count(k, sql`SELECT count(*)::int AS n FROM user_role WHERE role = 'caseworker'`),
    teams: await count(k, sql`SELECT count(*)::int AS n FROM team`),
    deadlines: await count(k, sql`SELECT count(*)::int AS n FROM case_deadline`),
    unmetDeadlines: await count(k, sql`SELECT count(*)::int AS n FROM case_deadline WHERE met_on IS NULL`),
  };
  return { seconds: (performance.now() - start) / 1000, steps, rows };
}
