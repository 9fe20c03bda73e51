import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ChainedAuditEvent } from '../../../core/audit/index.js';

type Q = Kysely<Database>;

/**
 * The chain head of a municipality, locked until the transaction ends, in one statement: the
 * no-op update takes the row lock and, after waiting for another writer, returns its head.
 */
export async function lockHead(trx: Q, municipalityId: string, genesis: string): Promise<{ seq: number; hash: string }> {
  return trx
    .insertInto('audit_head')
    .values({ municipality_id: municipalityId, seq: 0, hash: genesis })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet((eb) => ({ seq: eb.ref('audit_head.seq') })))
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
}

export interface StoredEvent extends ChainedAuditEvent {
  seq: number;
  occurred_at: Date;
}

/** Inserts a run of events and moves the head to the last of them. */
export async function appendEvents(trx: Q, events: readonly StoredEvent[]): Promise<void> {
  const last = events[events.length - 1];
  if (last === undefined) return;
  // One round trip: the events and the new head together.
  await trx
    .with('appended', (db) =>
      db.insertInto('audit_event').values(
      events.map((event) => ({
        municipality_id: String(event.municipality_id),
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
    .where('municipality_id', '=', String(last.municipality_id))
    .execute();
}

/** A page of a municipality's chain in seq order, for verification. */
export async function chainPage(db: Q, municipalityId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_event')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function headOf(db: Q, municipalityId: string): Promise<{ seq: number; hash: string } | undefined> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('municipality_id', '=', municipalityId).executeTakeFirst();
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
export async function eventsForCitizen(db: Q, municipalityId: string, citizenId: string, limit: number, beforeSeq: number | undefined): Promise<AccessRow[]> {
  let query = db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'e.municipality_id').on((eb) => eb(eb.cast('u.id', 'text'), '=', eb.ref('e.actor_id'))))
    .select(['e.seq', 'e.occurred_at', 'e.actor_id', 'u.name as actor_name', 'e.actor_role', 'e.action', 'e.entity', 'e.purpose'])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.citizen_id', '=', citizenId)
    .orderBy('e.seq', 'desc')
    .limit(limit);
  if (beforeSeq !== undefined) query = query.where('e.seq', '<', beforeSeq);
  return query.execute();
}
