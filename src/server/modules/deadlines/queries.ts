import { sql } from 'kysely';
import type { QueueStatus, Track } from '../../../core/vocabulary.js';
import type { Tenant, TenantRow } from '../../db/tenant.js';

// case_deadline, and the work queue built from it. The queue page joins citizen_case, citizen and
// app_user only for display fields (case number, category, names).

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
// caseworker or team, due) over unmet deadlines, joined to the few rows on the page.

export interface QueueFilter {
  /** Either one caseworker's queue or the queue of a set of teams. */
  caseworkerId?: string;
  teamIds?: readonly string[];
  rule?: string;
  track?: Track;
  status?: QueueStatus;
  today: string;
}

function filtered(db: Tenant, f: QueueFilter) {
  let q = db.selectFrom('case_deadline as d').where('d.met_on', 'is', null);
  if (f.caseworkerId !== undefined) q = q.where('d.caseworker_id', '=', f.caseworkerId);
  if (f.teamIds !== undefined)
    q = f.teamIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('d.team_id', 'in', f.teamIds);
  if (f.rule !== undefined) q = q.where('d.rule', '=', f.rule);
  if (f.track !== undefined) q = q.where('d.track', '=', f.track);
  if (f.status === 'overdue') q = q.where('d.due', '<', f.today);
  if (f.status === 'open') q = q.where('d.due', '>=', f.today);
  return q;
}

export async function queueCounts(db: Tenant, f: QueueFilter): Promise<{ open: number; overdue: number }> {
  const row = await filtered(db, f)
    .select([
      sql<number>`count(*) FILTER (WHERE d.due >= ${f.today})::int`.as('open'),
      sql<number>`count(*) FILTER (WHERE d.due < ${f.today})::int`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  return { open: row.open, overdue: row.overdue };
}

export async function queuePage(db: Tenant, f: QueueFilter, limit: number, offset: number) {
  return filtered(db, f)
    .innerJoin('citizen_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'd.municipality_id').onRef('c.id', '=', 'd.case_id'),
    )
    .innerJoin('citizen as z', (j) =>
      j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'),
    )
    .leftJoin('app_user as w', (j) =>
      j.onRef('w.municipality_id', '=', 'd.municipality_id').onRef('w.id', '=', 'd.caseworker_id'),
    )
    .select([
      'd.case_id',
      'd.rule',
      'd.title',
      'd.title_en',
      'd.due',
      'd.basis',
      'd.explanation',
      'd.explanation_en',
      'd.track',
      'c.case_number',
      'c.category',
      'z.id as citizen_id',
      'z.name as citizen_name',
      'd.caseworker_id',
      'w.name as caseworker_name',
    ])
    .orderBy('d.due')
    .orderBy('d.rule')
    .orderBy('d.case_id')
    .limit(limit)
    .offset(offset)
    .execute();
}
