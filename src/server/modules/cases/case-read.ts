import { sql } from 'kysely';
import type { CaseAccess } from '../../../core/access/case-scope.js';
import type { ActorScope } from '../../../core/access/case-scope.js';
import type { Ctx } from '../../context.js';
import { invalid, notFound } from '../../errors.js';
import { recordAudit, recordAudits } from '../audit/service.js';
import type { CaseBody, SearchQuery } from './schema.js';
import { visibleCases } from './scope.js';

type DeadlineStatus = 'met' | 'late' | 'open' | 'overdue';

export function statusOf(d: { due: string; met_on: string | null; late: boolean }, today: string): DeadlineStatus {
  if (d.met_on !== null) return d.late ? 'late' : 'met';
  return d.due < today ? 'overdue' : 'open';
}

export async function caseDeadlines(ctx: Ctx, caseId: string): Promise<CaseBody['deadlines']> {
  const rows = await ctx.db
    .selectFrom('case_deadline')
    .select(['rule', 'title', 'title_en', 'due', 'met_on', 'late', 'basis', 'explanation', 'explanation_en'])
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('case_id', '=', caseId)
    .orderBy('due')
    .orderBy('rule')
    .execute();
  return rows.map(({ late, ...d }) => ({ ...d, status: statusOf({ ...d, late }, ctx.today) }));
}

/** The case as the API shows it (no audit: callers decide what the read is for). */
export async function loadCase(ctx: Ctx, caseId: string, access: CaseAccess): Promise<CaseBody> {
  const m = ctx.actor.municipalityId;
  const row = await ctx.db
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', (j) => j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'))
    .leftJoin('app_user as w', (j) => j.onRef('w.municipality_id', '=', 'c.municipality_id').onRef('w.id', '=', 'c.caseworker_id'))
    .leftJoin('team as t', (j) => j.onRef('t.municipality_id', '=', 'c.municipality_id').onRef('t.id', '=', 'c.team_id'))
    .select([
      'c.id', 'c.case_number', 'c.status', 'c.registered', 'c.benefit', 'c.benefit_start', 'c.category', 'c.category_reason',
      'c.track', 'c.track_reason', 'c.version', 'c.caseworker_id', 'w.name as caseworker_name', 'c.team_id', 't.name as team_name',
      't.caseload_cap', 'z.id as citizen_id', 'z.name', 'z.cpr_masked', 'z.birth_date', 'z.address', 'z.phone', 'z.email',
      'z.contact_channel', 'z.language', 'z.interpreter_needed', 'z.version as citizen_version',
    ])
    .where('c.municipality_id', '=', m)
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (row === undefined) throw notFound();
  return {
    id: row.id,
    case_number: row.case_number,
    status: row.status,
    registered: row.registered,
    benefit: row.benefit,
    benefit_start: row.benefit_start,
    category: row.category as CaseBody['category'],
    category_reason: row.category_reason,
    track: row.track as CaseBody['track'],
    track_reason: row.track_reason,
    version: row.version,
    caseworker: row.caseworker_id === null ? null : { id: row.caseworker_id, name: row.caseworker_name ?? '' },
    team: row.team_id === null ? null : { id: row.team_id, name: row.team_name ?? '', caseload_cap: row.caseload_cap ?? 0 },
    citizen: {
      id: row.citizen_id,
      name: row.name,
      cpr_masked: row.cpr_masked,
      birth_date: row.birth_date,
      address: row.address,
      phone: row.phone,
      email: row.email,
      contact_channel: row.contact_channel,
      language: row.language,
      interpreter_needed: row.interpreter_needed,
      version: row.citizen_version,
    },
    access: { write: access.write, reassign: access.reassign, via_grant: access.viaGrant },
    deadlines: await caseDeadlines(ctx, caseId),
  };
}

/** Reads a case for case work, writing the audit event in the same transaction. */
export async function readCase(ctx: Ctx, caseId: string, access: CaseAccess): Promise<CaseBody> {
  const body = await loadCase(ctx, caseId, access);
  await recordAudit(
    ctx.db,
    { actor: ctx.actor, citizenId: body.citizen.id, action: 'read', entity: 'case', entityId: caseId, purpose: access.viaGrant ? 'break_glass' : 'case_work', requestId: ctx.requestId },
    ctx.now,
  );
  return body;
}

// A ten-digit run in a search box is a whole CPR number: it must travel in a request body.
const WHOLE_CPR = /\d{6}-?\d{4}/;

/** Cases the actor may see, searched by name, case number or the birth-date part of the CPR number. */
export async function searchCases(ctx: Ctx, scope: ActorScope, query: SearchQuery) {
  const q = (query.q ?? '').trim();
  if (WHOLE_CPR.test(q)) {
    throw invalid({ da: 'Søg på et helt CPR-nummer med CPR-søgningen (det må ikke stå i adressen).', en: 'Search by a whole CPR number with the CPR search (it must not be in the address).' });
  }
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  let base = ctx.db
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', (j) => j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'))
    .leftJoin('app_user as w', (j) => j.onRef('w.municipality_id', '=', 'c.municipality_id').onRef('w.id', '=', 'c.caseworker_id'))
    .where(visibleCases(scope));
  const status = query.status ?? 'open';
  if (status !== 'all') base = base.where('c.status', '=', status);
  if (q !== '') {
    const birth = /^(\d{6})(-x{0,4})?$/i.exec(q);
    base = base.where((eb) =>
      eb.or([
        eb(sql<string>`lower(z.name)`, 'like', `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`),
        eb('c.case_number', '=', q),
        ...(birth === null ? [] : [eb('z.cpr_masked', '=', `${birth[1] ?? ''}-xxxx`)]),
      ]),
    );
  }
  const sort = query.sort ?? 'name';
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['c.id', 'c.case_number', 'c.status', 'z.id as citizen_id', 'z.name', 'z.cpr_masked', 'c.category', 'c.track', 'c.registered', 'c.caseworker_id', 'w.name as caseworker_name'])
    .orderBy(sort === 'name' ? sql`lower(z.name) COLLATE "C"` : sort === 'case_number' ? sql`c.case_number` : sql`c.registered DESC`)
    .orderBy('c.id')
    .limit(limit)
    .offset(offset)
    .execute();
  await recordAudits(
    ctx.db,
    rows.map((r) => ({ actor: ctx.actor, citizenId: r.citizen_id, action: 'read' as const, entity: 'case_list', entityId: r.id, purpose: 'case_search', requestId: ctx.requestId })),
    ctx.now,
  );
  return {
    total: total.n,
    items: rows.map((r) => ({
      id: r.id,
      case_number: r.case_number,
      status: r.status,
      citizen_name: r.name,
      cpr_masked: r.cpr_masked,
      category: r.category,
      track: r.track,
      registered: r.registered,
      caseworker: r.caseworker_id === null ? null : { id: r.caseworker_id, name: r.caseworker_name ?? '' },
    })),
  };
}
