import type { ChainedAuditEvent } from '../../../core/audit/index.js';
import type { Tenant } from '../../db/tenant.js';

/**
 * The chain head of a municipality, locked until the transaction ends, in one statement: the
 * no-op update takes the row lock and, after waiting for another writer, returns its head.
 */
export async function lockHead(trx: Tenant, genesis: string): Promise<{ seq: number; hash: string }> {
  return trx
    .insertInto('audit_head', { seq: 0, hash: genesis })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet((eb) => ({ seq: eb.ref('audit_head.seq') })))
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
}

export interface StoredEvent extends ChainedAuditEvent {
  seq: number;
  occurred_at: Date;
}

/** Inserts a run of events and moves the head to the last of them. */
export async function appendEvents(trx: Tenant, events: readonly StoredEvent[]): Promise<void> {
  const last = events[events.length - 1];
  if (last === undefined) return;
  // One round trip: the events and the new head together.
  await trx.kysely
    .with('appended', (db) =>
      db.insertInto('audit_event').values(
        events.map((event) => ({
          municipality_id: trx.municipalityId,
          seq: event.seq,
          occurred_at: event.occurred_at,
          actor_id: String(event.actor_id),
          actor_role: event.actor_role,
          citizen_id: event.citizen_id === null ? null : String(event.citizen_id),
          action: event.action,
          entity: event.entity,
          entity_id: String(event.entity_id),
          purpose: event.purpose,
          request_id: event.request_id,
          details: JSON.stringify(event.details),
          prev_hash: event.prev_hash,
          hash: event.hash,
        })),
      ),
    )
    .updateTable('audit_head')
    .set({ seq: last.seq, hash: last.hash })
    .where(trx.owns('audit_head'))
    .execute();
}

/** A page of a municipality's chain in seq order, for verification. */
export async function chainPage(db: Tenant, afterSeq: number, limit: number) {
  return db.selectFrom('audit_event').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function headOf(db: Tenant): Promise<{ seq: number; hash: string } | undefined> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
}

export interface AccessRow {
  seq: number;
  occurred_at: Date;
  actor_id: string;
  actor_name: string | null;
  actor_role: string;
  action: string;
  entity: string;
  purpose: string;
}

/** Who touched a citizen's data, newest first. */
export async function eventsForCitizen(
  db: Tenant,
  citizenId: string,
  limit: number,
  beforeSeq: number | undefined,
): Promise<AccessRow[]> {
  let query = db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', (j) =>
      j
        .onRef('u.municipality_id', '=', 'e.municipality_id')
        .on((eb) => eb(eb.cast('u.id', 'text'), '=', eb.ref('e.actor_id'))),
    )
    .select([
      'e.seq',
      'e.occurred_at',
      'e.actor_id',
      'u.name as actor_name',
      'e.actor_role',
      'e.action',
      'e.entity',
      'e.purpose',
    ])
    .where('e.citizen_id', '=', citizenId)
    .orderBy('e.seq', 'desc')
    .limit(limit);
  if (beforeSeq !== undefined) query = query.where('e.seq', '<', beforeSeq);
  return query.execute();
}
