import { sql, type Selectable } from 'kysely';
import type { ActorScope } from '../../../core/access/case-scope.js';
import type { Summary } from '../../../core/experiments/report.js';
import type { EndReason, WeekStatus } from '../../../core/vocabulary.js';
import type { ExperimentTable } from '../../db/schema.js';
import type { Tenant, TenantRow } from '../../db/tenant.js';
import { visibleCases } from '../access/queries.js';

// Reads status_period (status-periods module) for the set-based outcome computation below.
// Other modules' tables are read only as allowed: citizen for names and pseudonyms, citizen_case
// for the baseline of open cases (filtered by access's visibleCases where it is the actor's).

// Experiments and their locked designs.

export type ExperimentRow = Selectable<ExperimentTable>;

/** Whether the municipality has the experiment: the scope check of every experiment route. */
export async function experimentExists(db: Tenant, id: string): Promise<boolean> {
  return (await db.selectFrom('experiment').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function experimentById(db: Tenant, id: string): Promise<ExperimentRow | undefined> {
  return db.selectFrom('experiment').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The experiments of the municipality, newest first, each with its number of enrolled citizens. */
export async function experimentsWithCounts(db: Tenant) {
  return db
    .selectFrom('experiment as x')
    .select(['x.id', 'x.status', 'x.design', 'x.design_version', 'x.created_at'])
    .select((eb) =>
      eb
        .selectFrom('enrolment as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.municipality_id', '=', 'x.municipality_id')
        .whereRef('e.experiment_id', '=', 'x.id')
        .as('enrolled'),
    )
    .orderBy('x.created_at', 'desc')
    .execute();
}

export async function insertExperiment(db: Tenant, id: string, design: unknown, createdBy: string): Promise<void> {
  await db
    .insertInto('experiment', {
      id,
      design: JSON.stringify(design),
      design_hash: null,
      locked_at: null,
      seed_id: null,
      created_by: createdBy,
    })
    .execute();
}

/** Changes a draft's design if `version` is still current. */
export async function updateDraftDesign(db: Tenant, id: string, design: unknown, version: number) {
  return db
    .updateTable('experiment')
    .set((eb) => ({ design: JSON.stringify(design), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** The pre-registration: the design's hash, the allocation seed's identity, when and by whom. */
export interface DesignLock {
  hash: string;
  seedId: string;
  at: Date;
  by: string;
}

/** Draft → enrolling with the design's hash and the seed's identity, if `version` is still current. */
export async function lockDraft(db: Tenant, id: string, version: number, lock: DesignLock) {
  return db
    .updateTable('experiment')
    .set((eb) => ({
      status: 'enrolling',
      design_hash: lock.hash,
      locked_at: lock.at,
      seed_id: lock.seedId,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** Keeps the locked design as a numbered version. */
export async function insertDesignVersion(
  db: Tenant,
  experimentId: string,
  designVersion: number,
  design: unknown,
  lock: DesignLock,
): Promise<void> {
  await db
    .insertInto('experiment_design', {
      experiment_id: experimentId,
      design_version: designVersion,
      design: JSON.stringify(design),
      design_hash: lock.hash,
      locked_at: lock.at,
      locked_by: lock.by,
    })
    .execute();
}

export async function insertSeed(db: Tenant, experimentId: string, seedId: string, seed: string): Promise<void> {
  await db.insertInto('experiment_seed', { experiment_id: experimentId, seed_id: seedId, seed }).execute();
}

export async function seedOf(db: Tenant, experimentId: string): Promise<string> {
  const row = await db
    .selectFrom('experiment_seed')
    .select('seed')
    .where('experiment_id', '=', experimentId)
    .executeTakeFirstOrThrow();
  return row.seed;
}

/** Enrolling → closed, if `version` is still current. */
export async function closeEnrolling(db: Tenant, id: string, version: number) {
  return db
    .updateTable('experiment')
    .set((eb) => ({ status: 'closed', version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'enrolling')
    .executeTakeFirst();
}

/** The experiment's row, locked until the transaction ends: one enrolment at a time. */
export async function lockExperiment(db: Tenant, id: string) {
  return db
    .selectFrom('experiment')
    .select(['status', 'design', 'seed_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

// Enrolments.

export async function enrolledCount(db: Tenant, experimentId: string, stratum?: string): Promise<number> {
  let query = db
    .selectFrom('enrolment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('experiment_id', '=', experimentId);
  if (stratum !== undefined) query = query.where('stratum', '=', stratum);
  return (await query.executeTakeFirstOrThrow()).n;
}

export interface Candidate {
  case_id: string;
  citizen_id: string;
  name: string;
  pseudonym: string;
  birth_date: string;
  benefit_start: string;
  category: string | null;
}

/** Open cases the actor may see whose citizen is not enrolled in the experiment, by name. */
export async function candidates(
  db: Tenant,
  scope: ActorScope,
  experimentId: string,
  caseId?: string,
): Promise<Candidate[]> {
  let query = db
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', (j) =>
      j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'),
    )
    .select([
      'c.id as case_id',
      'z.id as citizen_id',
      'z.name',
      'z.pseudonym',
      'z.birth_date',
      'c.benefit_start',
      'c.category',
    ])
    .where(visibleCases(scope))
    .where('c.status', '=', 'open')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('enrolment as e')
            .select('e.citizen_id')
            .whereRef('e.municipality_id', '=', 'c.municipality_id')
            .whereRef('e.citizen_id', '=', 'c.citizen_id')
            .where('e.experiment_id', '=', experimentId),
        ),
      ),
    )
    .orderBy(sql`lower(z.name) COLLATE "C"`)
    .orderBy('c.id');
  if (caseId !== undefined) query = query.where('c.id', '=', caseId);
  return query.execute();
}

/** The baseline of every open case of the municipality whose citizen is not enrolled (the report's flow). */
export async function openCasesNotEnrolled(db: Tenant, experimentId: string) {
  return db
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', (j) =>
      j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'),
    )
    .select(['z.birth_date', 'c.benefit_start', 'c.category'])
    .where('c.status', '=', 'open')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('enrolment as e')
            .select('e.citizen_id')
            .whereRef('e.municipality_id', '=', 'c.municipality_id')
            .whereRef('e.citizen_id', '=', 'c.citizen_id')
            .where('e.experiment_id', '=', experimentId),
        ),
      ),
    )
    .execute();
}

export async function isCaseEnrolled(db: Tenant, experimentId: string, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enrolment')
    .select('arm')
    .where('experiment_id', '=', experimentId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertEnrolment(db: Tenant, row: TenantRow<'enrolment'>): Promise<void> {
  await db.insertInto('enrolment', row).execute();
}

/** A page of enrolments in the order of enrolment, with the citizen's name and pseudonym. */
export async function enrolments(
  db: Tenant,
  experimentId: string,
  page: { limit: number; offset: number; citizenId?: string | undefined },
) {
  let base = db
    .selectFrom('enrolment as e')
    .innerJoin('citizen as z', (j) =>
      j.onRef('z.municipality_id', '=', 'e.municipality_id').onRef('z.id', '=', 'e.citizen_id'),
    )
    .where('e.experiment_id', '=', experimentId);
  if (page.citizenId !== undefined) base = base.where('e.citizen_id', '=', page.citizenId);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'e.citizen_id',
      'e.case_id',
      'z.pseudonym',
      'z.name',
      'e.stratum',
      'e.arm',
      'e.block',
      'e.enrolled_on',
      'e.consent',
      'e.ended_on',
      'e.end_reason',
    ])
    .orderBy('e.enrolled_at')
    .orderBy('e.citizen_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: total.n, rows };
}

export async function enrolmentDates(db: Tenant, experimentId: string, citizenId: string) {
  return db
    .selectFrom('enrolment')
    .select(['enrolled_on', 'ended_on'])
    .where('experiment_id', '=', experimentId)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirst();
}

export async function endEnrolment(
  db: Tenant,
  experimentId: string,
  citizenId: string,
  endedOn: string,
  reason: EndReason,
): Promise<void> {
  await db
    .updateTable('enrolment')
    .set({ ended_on: endedOn, end_reason: reason })
    .where('experiment_id', '=', experimentId)
    .where('citizen_id', '=', citizenId)
    .execute();
}

/**
 * The arms of the caseworker's open cases' enrolments still followed, with their designs. Joins
 * citizen_case only to filter by caseworker and open status (arms drive case work).
 */
export async function armsOfCaseworker(db: Tenant, caseworkerId: string) {
  return db
    .selectFrom('enrolment as e')
    .innerJoin('citizen_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'e.municipality_id').onRef('c.id', '=', 'e.case_id'),
    )
    .innerJoin('experiment as x', (j) =>
      j.onRef('x.municipality_id', '=', 'e.municipality_id').onRef('x.id', '=', 'e.experiment_id'),
    )
    .select(['e.arm', 'x.design'])
    .distinct()
    .where('c.caseworker_id', '=', caseworkerId)
    .where('c.status', '=', 'open')
    .where('e.ended_on', 'is', null)
    .execute();
}

// Imported weekly statuses.

export async function enrolledPseudonyms(db: Tenant, experimentId: string) {
  return db
    .selectFrom('enrolment as e')
    .innerJoin('citizen as z', (j) =>
      j.onRef('z.municipality_id', '=', 'e.municipality_id').onRef('z.id', '=', 'e.citizen_id'),
    )
    .select(['z.pseudonym', 'e.citizen_id'])
    .where('e.experiment_id', '=', experimentId)
    .execute();
}

/** Replaces the imported weeks of the citizens named in `rows` with `rows`. */
export async function replaceWeeks(
  db: Tenant,
  experimentId: string,
  rows: readonly { citizen_id: string; week: number; status: WeekStatus }[],
): Promise<void> {
  const citizens = [...new Set(rows.map((r) => r.citizen_id))];
  if (citizens.length > 0) {
    await db
      .deleteFrom('weekly_status')
      .where('experiment_id', '=', experimentId)
      .where('citizen_id', 'in', citizens)
      .execute();
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto(
        'weekly_status',
        rows
          .slice(i, i + 1000)
          .map((r) => ({ experiment_id: experimentId, citizen_id: r.citizen_id, week: r.week, status: r.status })),
      )
      .execute();
  }
}

// The panel: per-citizen summaries of an experiment's follow-up, computed set-based in the
// database: observed weeks L, the weeks per status and the first employed week. Week k of a
// citizen is the k-th ISO week from the week of enrolment; it counts once it ended before the
// follow-up end (today, or the attrition date). A week's status is the imported register status
// where there is one, else the status period highest in precedence that overlaps it, else none.

export interface CitizenSummary extends Summary {
  citizen_id: string;
  pseudonym: string;
  ended_on: string | null;
}

const RANK = sql`CASE p.status WHEN 'active_measure' THEN 1 WHEN 'internship' THEN 2 WHEN 'education' THEN 3 WHEN 'subsidised_hours' THEN 4 WHEN 'flexjob' THEN 5 WHEN 'ordinary_job' THEN 6 END`;
const IMPORTED_RANK = sql`CASE i.status WHEN 'none' THEN 0 WHEN 'active_measure' THEN 1 WHEN 'internship' THEN 2 WHEN 'education' THEN 3 WHEN 'subsidised_hours' THEN 4 WHEN 'flexjob' THEN 5 WHEN 'ordinary_job' THEN 6 END`;

/** Enrolled citizens whose id is in (after, until]; `after` null for the first. */
export interface CitizenRange {
  after: string | null;
  until: string;
}

/** The enrolled citizens with their follow-up so far (`today` ends it for those still followed). */
function enrolled(db: Tenant, experimentId: string, followUp: number, today: string, page?: CitizenRange) {
  const paging =
    page === undefined
      ? sql``
      : page.after === null
        ? sql` AND e.citizen_id <= ${page.until}`
        : sql` AND e.citizen_id > ${page.after} AND e.citizen_id <= ${page.until}`;
  return sql`
    SELECT e.citizen_id, z.pseudonym, e.arm, e.stratum, e.age, e.benefit_years::float8 AS benefit_years, e.ended_on, e.end_reason,
           (e.enrolled_on - ((extract(isodow FROM e.enrolled_on)::int - 1)))::date AS week1,
           GREATEST(0, LEAST(${followUp}::int, ((COALESCE(e.ended_on, ${today}::date) - (e.enrolled_on - ((extract(isodow FROM e.enrolled_on)::int - 1)))) / 7)))::int AS weeks
    FROM enrolment e
    JOIN citizen z ON z.municipality_id = e.municipality_id AND z.id = e.citizen_id
    WHERE ${db.owns('e')} AND e.experiment_id = ${experimentId}${paging}`;
}

/** Status rank per citizen and observed week, where anything but "none" applies. */
function weekRanks(db: Tenant, experimentId: string) {
  return sql`
    period_weeks AS (
      SELECT e.citizen_id, g.week, max(${RANK}) AS rank
      FROM e
      JOIN status_period p ON ${db.owns('p')} AND p.citizen_id = e.citizen_id AND p.voided_at IS NULL
      CROSS JOIN LATERAL generate_series(
        GREATEST(1, floor((p.start_date - e.week1) / 7.0)::int + 1),
        LEAST(e.weeks, CASE WHEN p.end_date IS NULL THEN e.weeks ELSE floor((p.end_date - e.week1) / 7.0)::int + 1 END)
      ) AS g(week)
      GROUP BY e.citizen_id, g.week
    ),
    imported AS (
      SELECT i.citizen_id, i.week, ${IMPORTED_RANK} AS rank
      FROM weekly_status i JOIN e ON e.citizen_id = i.citizen_id
      WHERE ${db.owns('i')} AND i.experiment_id = ${experimentId} AND i.week <= e.weeks
    ),
    ranks AS (
      SELECT citizen_id, week, rank FROM imported
      UNION ALL
      SELECT w.citizen_id, w.week, w.rank FROM period_weeks w
      WHERE NOT EXISTS (SELECT 1 FROM imported i WHERE i.citizen_id = w.citizen_id AND i.week = w.week)
    )`;
}

export async function citizenSummaries(
  db: Tenant,
  experimentId: string,
  followUp: number,
  today: string,
): Promise<CitizenSummary[]> {
  const result = await sql<CitizenSummary>`
    WITH e AS (${enrolled(db, experimentId, followUp, today)}),
    ${weekRanks(db, experimentId)}
    SELECT e.citizen_id, e.pseudonym, e.arm, e.stratum, e.age, e.benefit_years, e.ended_on, e.end_reason, e.weeks,
      count(r.week) FILTER (WHERE r.rank = 1)::int AS active_measure,
      count(r.week) FILTER (WHERE r.rank = 2)::int AS internship,
      count(r.week) FILTER (WHERE r.rank = 4)::int AS subsidised_hours,
      count(r.week) FILTER (WHERE r.rank = 5)::int AS flexjob,
      count(r.week) FILTER (WHERE r.rank = 3)::int AS education,
      count(r.week) FILTER (WHERE r.rank = 6)::int AS ordinary_job,
      min(r.week) FILTER (WHERE r.rank >= 4) AS first_employed
    FROM e LEFT JOIN ranks r ON r.citizen_id = e.citizen_id
    GROUP BY e.citizen_id, e.pseudonym, e.arm, e.stratum, e.age, e.benefit_years, e.ended_on, e.end_reason, e.weeks
    ORDER BY e.pseudonym`.execute(db.kysely);
  return result.rows;
}

export interface WeekRow {
  citizen_id: string;
  arm: string;
  stratum: string;
  age: number;
  benefit_years: number;
  week: number;
  status: string;
}

/**
 * The next `limit` enrolled citizens after `after` (by id, which no analyst sees, so pages tell
 * nothing about order), as a range; null when none are left.
 */
export async function nextCitizens(
  db: Tenant,
  experimentId: string,
  after: string | null,
  limit: number,
): Promise<CitizenRange | null> {
  let query = db
    .selectFrom('enrolment')
    .select('citizen_id')
    .where('experiment_id', '=', experimentId)
    .orderBy('citizen_id')
    .limit(limit);
  if (after !== null) query = query.where('citizen_id', '>', after);
  const rows = await query.execute();
  const last = rows[rows.length - 1];
  return last === undefined ? null : { after, until: last.citizen_id };
}

/** The long panel, one row per citizen and observed week, for the citizens in `page`. */
export async function weeklyRows(
  db: Tenant,
  experimentId: string,
  followUp: number,
  today: string,
  page: CitizenRange,
): Promise<WeekRow[]> {
  const result = await sql<WeekRow>`
    WITH e AS (${enrolled(db, experimentId, followUp, today, page)}),
    ${weekRanks(db, experimentId)}
    SELECT e.citizen_id, e.arm, e.stratum, e.age, e.benefit_years, g.week,
      CASE COALESCE(r.rank, 0) WHEN 0 THEN 'none' WHEN 1 THEN 'active_measure' WHEN 2 THEN 'internship' WHEN 3 THEN 'education'
        WHEN 4 THEN 'subsidised_hours' WHEN 5 THEN 'flexjob' ELSE 'ordinary_job' END AS status
    FROM e CROSS JOIN LATERAL generate_series(1, e.weeks) AS g(week)
    LEFT JOIN ranks r ON r.citizen_id = e.citizen_id AND r.week = g.week
    ORDER BY e.citizen_id, g.week`.execute(db.kysely);
  return result.rows;
}
