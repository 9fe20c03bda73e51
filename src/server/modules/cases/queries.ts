import { sql, type Kysely, type Updateable } from 'kysely';
import type { ActorScope } from '../../../core/access/case-scope.js';
import type { CaseStatus } from '../../../core/vocabulary.js';
import type { CitizenCaseTable, Database } from '../../db/schema.js';
import { ALL_MUNICIPALITIES, type Tenant, type TenantRow } from '../../db/tenant.js';
import { visibleCases } from '../access/queries.js';

// citizen, citizen_case, case_event, case_change, case_number_counter. Reads join app_user and
// team only for display fields (names, a team's cap), and filter lists by access's visibleCases.

const CASE_COLUMNS = [
  'c.id',
  'c.municipality_id',
  'c.citizen_id',
  'c.caseworker_id',
  'c.team_id',
  'c.status',
  'c.registered',
  'c.benefit_start',
  'c.category',
  'c.track',
  'c.version',
] as const;

/** The case row a use case decides on and works from; `lock` holds it until the transaction ends. */
export async function caseRow(db: Tenant, caseId: string, lock: boolean) {
  const query = db.selectFrom('citizen_case as c').select(CASE_COLUMNS).where('c.id', '=', caseId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function citizenExists(db: Tenant, citizenId: string): Promise<boolean> {
  return (await db.selectFrom('citizen').select('id').where('id', '=', citizenId).executeTakeFirst()) !== undefined;
}

/** The case with its citizen, caseworker and team, as the API shows it. */
export async function caseView(db: Tenant, caseId: string) {
  return db
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', (j) =>
      j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'),
    )
    .leftJoin('app_user as w', (j) =>
      j.onRef('w.municipality_id', '=', 'c.municipality_id').onRef('w.id', '=', 'c.caseworker_id'),
    )
    .leftJoin('team as t', (j) =>
      j.onRef('t.municipality_id', '=', 'c.municipality_id').onRef('t.id', '=', 'c.team_id'),
    )
    .select([
      'c.id',
      'c.case_number',
      'c.status',
      'c.registered',
      'c.benefit',
      'c.benefit_start',
      'c.category',
      'c.category_reason',
      'c.track',
      'c.track_reason',
      'c.closed_on',
      'c.close_reason',
      'c.close_reason_text',
      'c.version',
      'c.caseworker_id',
      'w.name as caseworker_name',
      'c.team_id',
      't.name as team_name',
      't.caseload_cap',
      'z.id as citizen_id',
      'z.name',
      'z.cpr_masked',
      'z.birth_date',
      'z.address',
      'z.phone',
      'z.email',
      'z.contact_channel',
      'z.language',
      'z.interpreter_needed',
      'z.version as citizen_version',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
}

export interface CaseSearch {
  status: CaseStatus | 'all';
  /** Lower-case part of a name, an exact case number, or a birth date as masked in cpr_masked. */
  q: { name: string; caseNumber: string; cprMasked: string | null } | null;
  sort: 'name' | 'case_number' | 'registered';
  limit: number;
  offset: number;
}

/** A page of the cases the actor may see, and how many there are in all. */
export async function searchCases(db: Tenant, scope: ActorScope, search: CaseSearch) {
  let base = db
    .selectFrom('citizen_case as c')
    .innerJoin('citizen as z', (j) =>
      j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'),
    )
    .leftJoin('app_user as w', (j) =>
      j.onRef('w.municipality_id', '=', 'c.municipality_id').onRef('w.id', '=', 'c.caseworker_id'),
    )
    .where(visibleCases(scope));
  if (search.status !== 'all') base = base.where('c.status', '=', search.status);
  const q = search.q;
  if (q !== null) {
    base = base.where((eb) =>
      eb.or([
        eb(sql<string>`lower(z.name)`, 'like', `%${q.name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`),
        eb('c.case_number', '=', q.caseNumber),
        ...(q.cprMasked === null ? [] : [eb('z.cpr_masked', '=', q.cprMasked)]),
      ]),
    );
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'c.id',
      'c.case_number',
      'c.status',
      'z.id as citizen_id',
      'z.name',
      'z.cpr_masked',
      'c.category',
      'c.track',
      'c.registered',
      'c.caseworker_id',
      'w.name as caseworker_name',
    ])
    .orderBy(
      search.sort === 'name'
        ? sql`lower(z.name) COLLATE "C"`
        : search.sort === 'case_number'
          ? sql`c.case_number`
          : sql`c.registered DESC`,
    )
    .orderBy('c.id')
    .limit(search.limit)
    .offset(search.offset)
    .execute();
  return { total: total.n, rows };
}

/** The citizen with this keyed CPR hash, and their open case if any. */
export async function citizenByCprLookup(db: Tenant, lookup: string) {
  return db
    .selectFrom('citizen as z')
    .leftJoin('citizen_case as c', (j) =>
      j
        .onRef('c.municipality_id', '=', 'z.municipality_id')
        .onRef('c.citizen_id', '=', 'z.id')
        .on('c.status', '=', 'open'),
    )
    .select(['z.id', 'z.name', 'z.cpr_masked', 'c.id as case_id'])
    .where('z.cpr_lookup', '=', lookup)
    .executeTakeFirst();
}

/** The citizen's case that matters now: the open one, else the one registered last. */
export async function currentCaseOf(db: Tenant, citizenId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('citizen_case as c')
    .select('c.id')
    .where('c.citizen_id', '=', citizenId)
    .orderBy(sql`c.status = 'open'`, 'desc')
    .orderBy('c.registered', 'desc')
    .orderBy('c.id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export async function cprCiphertext(db: Tenant, citizenId: string): Promise<string> {
  return (await db.selectFrom('citizen').select('cpr_ciphertext').where('id', '=', citizenId).executeTakeFirstOrThrow())
    .cpr_ciphertext;
}

/** The next case number of the year, counted per municipality. */
export async function nextCaseNumber(db: Tenant, year: number): Promise<number> {
  const row = await db
    .insertInto('case_number_counter', { year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'year']).doUpdateSet((eb) => ({ last: eb('case_number_counter.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function insertCitizen(db: Tenant, row: TenantRow<'citizen'>): Promise<void> {
  await db.insertInto('citizen', row).execute();
}

export async function insertCase(db: Tenant, row: TenantRow<'citizen_case'>): Promise<void> {
  await db.insertInto('citizen_case', row).execute();
}

export async function insertChange(db: Tenant, row: TenantRow<'case_change'>): Promise<void> {
  await db.insertInto('case_change', row).execute();
}

export async function insertEvent(db: Tenant, row: TenantRow<'case_event'>): Promise<void> {
  await db.insertInto('case_event', row).execute();
}

/** Changes an open case from the version the caller read; counts 0 rows when stale or closed. */
export async function updateOpenCase(
  db: Tenant,
  caseId: string,
  version: number,
  changes: Updateable<CitizenCaseTable>,
) {
  return db
    .updateTable('citizen_case')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', caseId)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** Changes a case from the version the caller read, whatever its status (closing, reopening); 0 rows when stale. */
export async function updateCase(db: Tenant, caseId: string, version: number, changes: Updateable<CitizenCaseTable>) {
  return db
    .updateTable('citizen_case')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Whether the citizen has an open case other than this one (a citizen has one open case at a time). */
export async function otherOpenCase(db: Tenant, citizenId: string, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('citizen_case')
    .select('id')
    .where('citizen_id', '=', citizenId)
    .where('status', '=', 'open')
    .where('id', '!=', caseId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateCitizen(
  db: Tenant,
  citizenId: string,
  version: number,
  fields: Updateable<Database['citizen']>,
) {
  return db
    .updateTable('citizen')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('id', '=', citizenId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function eventOfCase(db: Tenant, caseId: string, eventId: string) {
  return db
    .selectFrom('case_event')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', eventId)
    .executeTakeFirst();
}

/** Voids an event from the version the caller read; counts 0 rows when stale or already voided. */
export async function voidEvent(
  db: Tenant,
  caseId: string,
  eventId: string,
  version: number,
  by: { at: Date; userId: string; reason: string },
) {
  return db
    .updateTable('case_event')
    .set((eb) => ({ voided_at: by.at, voided_by: by.userId, void_reason: by.reason, version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('id', '=', eventId)
    .where('version', '=', version)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
}

/** The events that still count, oldest first. */
export async function activeEvents(db: Tenant, caseId: string) {
  return db
    .selectFrom('case_event')
    .select(['type', 'date', 'end_date', 'held', 'mode', 'cancelled_by', 'kind'])
    .where('case_id', '=', caseId)
    .where('voided_at', 'is', null)
    .orderBy('date')
    .execute();
}

/** Notes the day the case's deadlines were last evaluated. */
export async function setDeadlinesOn(db: Tenant, caseId: string, day: string | null): Promise<void> {
  await db.updateTable('citizen_case').set({ deadlines_on: day }).where('id', '=', caseId).execute();
}

/** Marks every open case of the municipality for re-evaluation. */
export async function clearDeadlinesOfOpenCases(db: Tenant): Promise<void> {
  await db.updateTable('citizen_case').set({ deadlines_on: null }).where('status', '=', 'open').execute();
}

/** Open cases of any municipality whose deadlines were last evaluated before `today`. */
export async function staleCases(
  kysely: Kysely<Database>,
  today: string,
  limit: number,
): Promise<{ municipality_id: string; id: string }[]> {
  return kysely
    .selectFrom('citizen_case')
    .select(['municipality_id', 'id'])
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('deadlines_on', 'is', null), eb('deadlines_on', '<', today)]))
    .limit(limit)
    .modifyEnd(ALL_MUNICIPALITIES('the deadline refresh re-evaluates every municipality'))
    .execute();
}

export async function openCaseCounts(
  db: Tenant,
  caseworkerIds: readonly string[],
): Promise<{ caseworker_id: string | null; n: number }[]> {
  if (caseworkerIds.length === 0) return [];
  return db
    .selectFrom('citizen_case')
    .select((eb) => ['caseworker_id', eb.fn.countAll<number>().as('n')])
    .where('caseworker_id', 'in', caseworkerIds)
    .where('status', '=', 'open')
    .groupBy('caseworker_id')
    .execute();
}

/** The case's events, with who recorded each. */
export async function timelineEvents(db: Tenant, caseId: string) {
  return db
    .selectFrom('case_event as e')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 'e.municipality_id').onRef('u.id', '=', 'e.recorded_by'),
    )
    .selectAll('e')
    .select('u.name as recorded_by_name')
    .where('e.case_id', '=', caseId)
    .execute();
}

/** The case's changes, with who made each and, for a reassignment, the caseworkers' names. */
export async function timelineChanges(db: Tenant, caseId: string) {
  return (
    db
      .selectFrom('case_change as ch')
      .leftJoin('app_user as u', (j) =>
        j.onRef('u.municipality_id', '=', 'ch.municipality_id').onRef('u.id', '=', 'ch.actor_id'),
      )
      // A reassignment's values are user ids: its caseworkers are shown by name.
      .leftJoin('app_user as f', (j) =>
        j
          .onRef('f.municipality_id', '=', 'ch.municipality_id')
          .on('ch.kind', '=', 'reassigned')
          .on((eb) => eb(eb.cast('f.id', 'text'), '=', eb.ref('ch.from_value'))),
      )
      .leftJoin('app_user as t', (j) =>
        j
          .onRef('t.municipality_id', '=', 'ch.municipality_id')
          .on('ch.kind', '=', 'reassigned')
          .on((eb) => eb(eb.cast('t.id', 'text'), '=', eb.ref('ch.to_value'))),
      )
      .selectAll('ch')
      .select(['u.name as actor_name', 'f.name as from_name', 't.name as to_name'])
      .where('ch.case_id', '=', caseId)
      .execute()
  );
}

/** Everyone who recorded an event that still counts or changed the case. */
export async function participantIds(db: Tenant, caseId: string): Promise<string[]> {
  const events = await db
    .selectFrom('case_event')
    .select('recorded_by')
    .where('case_id', '=', caseId)
    .where('voided_at', 'is', null)
    .execute();
  const changes = await db.selectFrom('case_change').select('actor_id').where('case_id', '=', caseId).execute();
  return [...events.map((e) => e.recorded_by), ...changes.map((ch) => ch.actor_id)];
}

/** Staff among these users, with their roles (for the case's contact persons). */
export async function staffWithRoles(db: Tenant, userIds: readonly string[]) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('user_role as r', (j) =>
      j.onRef('r.municipality_id', '=', 'u.municipality_id').onRef('r.user_id', '=', 'u.id'),
    )
    .select(['u.id', 'u.name', 'r.role'])
    .where('u.id', 'in', userIds)
    .where('u.kind', '=', 'staff')
    .execute();
}
