import type { Tenant, TenantRow } from '../../db/tenant.js';

// status_period: what the citizen was doing from when to when, recorded on a case.

const COLUMNS = ['id', 'status', 'start_date', 'end_date', 'source', 'note', 'voided_at', 'version'] as const;

/** The case's periods, latest start first. */
export async function periodsOfCase(db: Tenant, caseId: string) {
  return db
    .selectFrom('status_period')
    .select(COLUMNS)
    .where('case_id', '=', caseId)
    .orderBy('start_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function periodOfCase(db: Tenant, caseId: string, periodId: string) {
  return db
    .selectFrom('status_period')
    .select(COLUMNS)
    .where('case_id', '=', caseId)
    .where('id', '=', periodId)
    .executeTakeFirst();
}

export async function insertPeriod(db: Tenant, row: TenantRow<'status_period'>): Promise<void> {
  await db.insertInto('status_period', row).execute();
}

/** Ends or voids a period from the version the caller read; counts 0 rows when stale or voided. */
export async function updatePeriod(
  db: Tenant,
  caseId: string,
  periodId: string,
  version: number,
  changes: { end_date: string } | { voided_at: Date; voided_by: string; void_reason: string },
) {
  return db
    .updateTable('status_period')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('id', '=', periodId)
    .where('version', '=', version)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
}
