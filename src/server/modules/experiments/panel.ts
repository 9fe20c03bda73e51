import { sql, type Kysely } from 'kysely';
import type { Summary } from '../../../core/experiments/report.js';
import type { Database } from '../../db/schema.js';

// Per-citizen summaries of an experiment's follow-up, computed set-based in the database:
// observed weeks L, the weeks per status and the first employed week. Week k of a citizen is
// the k-th ISO week from the week of enrolment; it counts once it ended before the follow-up
// end (today, or the attrition date). A week's status is the imported register status where
// there is one, else the status period highest in precedence that overlaps it, else none.

export interface CitizenSummary extends Summary {
  citizen_id: string;
  pseudonym: string;
  ended_on: string | null;
}

const RANK = sql`CASE p.status WHEN 'active_measure' THEN 1 WHEN 'internship' THEN 2 WHEN 'education' THEN 3 WHEN 'subsidised_hours' THEN 4 WHEN 'flexjob' THEN 5 WHEN 'ordinary_job' THEN 6 END`;
const IMPORTED_RANK = sql`CASE i.status WHEN 'none' THEN 0 WHEN 'active_measure' THEN 1 WHEN 'internship' THEN 2 WHEN 'education' THEN 3 WHEN 'subsidised_hours' THEN 4 WHEN 'flexjob' THEN 5 WHEN 'ordinary_job' THEN 6 END`;

/** The enrolled citizens with their follow-up so far (`today` ends it for those still followed). */
function enrolled(m: string, experimentId: string, followUp: number, today: string, page?: PseudonymRange) {
  const paging = page === undefined ? sql`` : sql` AND z.pseudonym > ${page.after} AND z.pseudonym <= ${page.until}`;
  return sql`
    SELECT e.citizen_id, z.pseudonym, e.arm, e.stratum, e.age, e.benefit_years::float8 AS benefit_years, e.ended_on, e.end_reason,
           (e.enrolled_on - ((extract(isodow FROM e.enrolled_on)::int - 1)))::date AS week1,
           GREATEST(0, LEAST(${followUp}::int, ((COALESCE(e.ended_on, ${today}::date) - (e.enrolled_on - ((extract(isodow FROM e.enrolled_on)::int - 1)))) / 7)))::int AS weeks
    FROM enrolment e
    JOIN citizen z ON z.municipality_id = e.municipality_id AND z.id = e.citizen_id
    WHERE e.municipality_id = ${m} AND e.experiment_id = ${experimentId}${paging}`;
}

/** Status rank per citizen and observed week, where anything but "none" applies. */
function weekRanks(m: string, experimentId: string) {
  return sql`
    period_weeks AS (
      SELECT e.citizen_id, g.week, max(${RANK}) AS rank
      FROM e
      JOIN status_period p ON p.municipality_id = ${m} AND p.citizen_id = e.citizen_id AND p.voided_at IS NULL
      CROSS JOIN LATERAL generate_series(
        GREATEST(1, floor((p.start_date - e.week1) / 7.0)::int + 1),
        LEAST(e.weeks, CASE WHEN p.end_date IS NULL THEN e.weeks ELSE floor((p.end_date - e.week1) / 7.0)::int + 1 END)
      ) AS g(week)
      GROUP BY e.citizen_id, g.week
    ),
    imported AS (
      SELECT i.citizen_id, i.week, ${IMPORTED_RANK} AS rank
      FROM weekly_status i JOIN e ON e.citizen_id = i.citizen_id
      WHERE i.municipality_id = ${m} AND i.experiment_id = ${experimentId} AND i.week <= e.weeks
    ),
    ranks AS (
      SELECT citizen_id, week, rank FROM imported
      UNION ALL
      SELECT w.citizen_id, w.week, w.rank FROM period_weeks w
      WHERE NOT EXISTS (SELECT 1 FROM imported i WHERE i.citizen_id = w.citizen_id AND i.week = w.week)
    )`;
}

export async function citizenSummaries(db: Kysely<Database>, m: string, experimentId: string, followUp: number, today: string): Promise<CitizenSummary[]> {
  const result = await sql<CitizenSummary>`
    WITH e AS (${enrolled(m, experimentId, followUp, today)}),
    ${weekRanks(m, experimentId)}
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
    ORDER BY e.pseudonym`.execute(db);
  return result.rows;
}

export interface WeekRow {
  pseudonym: string;
  arm: string;
  stratum: string;
  age: number;
  benefit_years: number;
  week: number;
  status: string;
}

/** Citizens with a pseudonym in (after, until]. */
export interface PseudonymRange {
  after: string;
  until: string;
}

/** The next `limit` pseudonyms of the experiment after `after`, as a range; null when none are left. */
export async function nextPseudonyms(db: Kysely<Database>, m: string, experimentId: string, after: string, limit: number): Promise<PseudonymRange | null> {
  const rows = await db
    .selectFrom('enrolment as e')
    .innerJoin('citizen as z', (j) => j.onRef('z.municipality_id', '=', 'e.municipality_id').onRef('z.id', '=', 'e.citizen_id'))
    .select('z.pseudonym')
    .where('e.municipality_id', '=', m)
    .where('e.experiment_id', '=', experimentId)
    .where('z.pseudonym', '>', after)
    .orderBy('z.pseudonym')
    .limit(limit)
    .execute();
  const last = rows[rows.length - 1];
  return last === undefined ? null : { after, until: last.pseudonym };
}

/** The long panel, one row per citizen and observed week, for the citizens in `page`. */
export async function weeklyRows(db: Kysely<Database>, m: string, experimentId: string, followUp: number, today: string, page: PseudonymRange): Promise<WeekRow[]> {
  const result = await sql<WeekRow>`
    WITH e AS (${enrolled(m, experimentId, followUp, today, page)}),
    ${weekRanks(m, experimentId)}
    SELECT e.pseudonym, e.arm, e.stratum, e.age, e.benefit_years, g.week,
      CASE COALESCE(r.rank, 0) WHEN 0 THEN 'none' WHEN 1 THEN 'active_measure' WHEN 2 THEN 'internship' WHEN 3 THEN 'education'
        WHEN 4 THEN 'subsidised_hours' WHEN 5 THEN 'flexjob' ELSE 'ordinary_job' END AS status
    FROM e CROSS JOIN LATERAL generate_series(1, e.weeks) AS g(week)
    LEFT JOIN ranks r ON r.citizen_id = e.citizen_id AND r.week = g.week
    ORDER BY e.pseudonym, g.week`.execute(db);
  return result.rows;
}
