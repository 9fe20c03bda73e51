import { sql, type RawBuilder } from 'kysely';
import type { QueueOrderKey, QueueOrderTerm } from '../../../core/cases/queue.js';
import type { QueueStatus, Track } from '../../../core/vocabulary.js';
import type { Tenant, TenantRow } from '../../db/tenant.js';

// case_deadline, and the work queue built from it. The queue joins citizen_case, citizen and
// app_user for display fields (case number, category, names) and the sort by name.

export async function deadlinesOfCase(db: Tenant, caseId: string) {
  return db
    .selectFrom('case_deadline')
    .select(['rule', 'title', 'title_en', 'due', 'met_on', 'late', 'basis', 'explanation', 'explanation_en'])
    .where('case_id', '=', caseId)
    .orderBy('due')
    .orderBy('rule')
    .execute();
}

/** Replaces the case's deadlines with a new verdict. */
export async function replaceDeadlines(
  db: Tenant,
  caseId: string,
  rows: readonly TenantRow<'case_deadline'>[],
): Promise<void> {
  await db.deleteFrom('case_deadline').where('case_id', '=', caseId).execute();
  if (rows.length > 0) await db.insertInto('case_deadline', rows).execute();
}

// The work queue is one range scan on case_deadline's partial index (municipality,
// caseworker or team, due) over unmet deadlines. The deadlines are grouped by case where they
// are stored: each case's earliest due date is joined to citizen_case, citizen and app_user (the
// sort may be by a name), the cases are sorted and paged, and only the deadlines of the cases on
// the page come back.

export interface QueueFilter {
  /** Either one caseworker's queue or the queue of a set of teams. */
  caseworkerId?: string;
  teamIds?: readonly string[];
  rule?: string;
  track?: Track;
  status?: QueueStatus;
  today: string;
}

/** The unmet deadlines under the scope, rule and track; the status filter is left to the caller. */
function inScope(db: Tenant, f: QueueFilter) {
  let q = db.selectFrom('case_deadline as d').where('d.met_on', 'is', null);
  if (f.caseworkerId !== undefined) q = q.where('d.caseworker_id', '=', f.caseworkerId);
  if (f.teamIds !== undefined)
    q = f.teamIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('d.team_id', 'in', f.teamIds);
  if (f.rule !== undefined) q = q.where('d.rule', '=', f.rule);
  if (f.track !== undefined) q = q.where('d.track', '=', f.track);
  return q;
}

function statusCondition(f: QueueFilter): RawBuilder<boolean> {
  if (f.status === 'overdue') return sql<boolean>`d.due < ${f.today}`;
  if (f.status === 'open') return sql<boolean>`d.due >= ${f.today}`;
  return sql<boolean>`true`;
}

export interface QueueCounts {
  /** Deadlines and citizens under scope, rule and track, whatever the status filter. */
  open: number;
  overdue: number;
  citizens: number;
  /** Citizens with a deadline matching every filter, the status filter too: the pages' total. */
  listed: number;
}

export async function queueCounts(db: Tenant, f: QueueFilter): Promise<QueueCounts> {
  return inScope(db, f)
    .select([
      sql<number>`count(*) FILTER (WHERE d.due >= ${f.today})::int`.as('open'),
      sql<number>`count(*) FILTER (WHERE d.due < ${f.today})::int`.as('overdue'),
      sql<number>`count(DISTINCT d.case_id)::int`.as('citizens'),
      sql<number>`count(DISTINCT d.case_id) FILTER (WHERE ${statusCondition(f)})::int`.as('listed'),
    ])
    .executeTakeFirstOrThrow();
}

// queueOrder's terms over the page's columns. Names by code point after lower-casing, as the case
// search sorts them (compareQueueCitizens in core is the same rule).
const ORDER_TERMS: Record<QueueOrderKey, RawBuilder<unknown>> = {
  due: sql`m.due`,
  name: sql`lower(z.name) COLLATE "C"`,
  case_number: sql`c.case_number COLLATE "C"`,
  caseworker: sql`lower(w.name) COLLATE "C"`,
};

function orderBy(terms: readonly QueueOrderTerm[]): RawBuilder<unknown> {
  return sql.join(
    terms.map((t) => sql`${ORDER_TERMS[t.key]} ${sql.raw(t.descending ? 'DESC' : 'ASC')} NULLS LAST`),
    sql`, `,
  );
}

export interface QueuePage {
  order: readonly QueueOrderTerm[];
  limit: number;
  offset: number;
}

/**
 * The citizens on one page of the queue, in order, with every deadline of theirs that matches
 * the filters: one row per deadline, the page's cases in order, each case's deadlines soonest
 * first.
 */
export async function queuePage(db: Tenant, f: QueueFilter, page: QueuePage) {
  // Each case once, with the due date of its most urgent matching deadline.
  const firstDue = inScope(db, f)
    .where(statusCondition(f))
    .select(['d.case_id', sql<string>`min(d.due)`.as('due')])
    .groupBy('d.case_id');
  const cases = db.kysely
    .selectFrom(firstDue.as('m'))
    .innerJoin('citizen_case as c', (j) => j.on(db.owns('c')).onRef('c.id', '=', 'm.case_id'))
    .innerJoin('citizen as z', (j) =>
      j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'),
    )
    .leftJoin('app_user as w', (j) =>
      j.onRef('w.municipality_id', '=', 'c.municipality_id').onRef('w.id', '=', 'c.caseworker_id'),
    )
    .select([
      'm.case_id',
      'c.case_number',
      'c.category',
      'c.track',
      'z.id as citizen_id',
      'z.name as citizen_name',
      'c.caseworker_id',
      'w.name as caseworker_name',
      sql<number>`row_number() OVER (ORDER BY ${orderBy(page.order)})::int`.as('position'),
    ])
    .orderBy('position')
    .limit(page.limit)
    .offset(page.offset);
  // The page's cases are few: their deadlines come by the primary key (municipality, case, rule).
  return inScope(db, f)
    .where(statusCondition(f))
    .innerJoin(cases.as('p'), 'p.case_id', 'd.case_id')
    .select([
      'p.case_id',
      'p.case_number',
      'p.category',
      'p.track',
      'p.citizen_id',
      'p.citizen_name',
      'p.caseworker_id',
      'p.caseworker_name',
      'd.rule',
      'd.title',
      'd.title_en',
      'd.due',
      'd.basis',
      'd.explanation',
      'd.explanation_en',
    ])
    .orderBy('p.position')
    .orderBy('d.due')
    .orderBy(sql`d.rule COLLATE "C"`)
    .execute();
}
