import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import {
  createChainVerifier,
  GENESIS_HASH,
  hashEvent,
  type ChainBreakReason,
  type JsonObject,
} from '../../../core/audit/index.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { Tenant } from '../../db/tenant.js';
import { sha256Hex } from '../../crypto/index.js';
import { notFound } from '../../errors.js';
import { citizenIdOf } from '../users/service.js';
import * as q from './queries.js';

/** What was done to personal data. */
export type AuditAction = 'read' | 'create' | 'update' | 'reveal_cpr' | 'break_glass' | 'export';

/** What a use case says about the personal data it touched; who, when and the request come from its Ctx. */
export interface AuditNote {
  citizenId: string | null;
  action: AuditAction;
  /** The kind of record touched, e.g. `citizen`, `case`, `case_timeline`. */
  entity: string;
  entityId: string;
  /** Why: the work purpose (e.g. `case_work`) or the reason written when breaking the glass. */
  purpose: string;
  details?: JsonObject;
}

/**
 * Records what a use case did to personal data, in its transaction: then no personal data is
 * served or changed without its event.
 */
export async function record(ctx: Ctx, notes: AuditNote | readonly AuditNote[]): Promise<void> {
  const list = Array.isArray(notes) ? (notes as readonly AuditNote[]) : [notes as AuditNote];
  await recordAudits(
    ctx.db,
    list.map((n) => ({ ...n, actor: ctx.actor, requestId: ctx.requestId })),
    ctx.now,
  );
}

export interface AuditEntry {
  actor: Actor;
  citizenId: string | null;
  action: AuditAction;
  /** The kind of record touched, e.g. `citizen`, `case`, `case_timeline`. */
  entity: string;
  entityId: string;
  /** Why: the work purpose (e.g. `case_work`) or the reason written when breaking the glass. */
  purpose: string;
  requestId: string;
  details?: JsonObject;
}

/**
 * Appends events to the municipality's chain, in order. Call it in the same transaction as
 * the read or write it records: then no personal data is served or changed without its event.
 */
export async function recordAudits(db: Tenant, entries: readonly AuditEntry[], now: Date): Promise<void> {
  const first = entries[0];
  if (first === undefined) return;
  const municipalityId = db.municipalityId;
  if (entries.some((e) => e.actor.municipalityId !== municipalityId))
    throw new Error('audit events of one call must share the municipality');
  const append = async (trx: Tenant) => {
    const head = await q.lockHead(trx, GENESIS_HASH);
    let prev = head;
    const rows: q.StoredEvent[] = [];
    for (const entry of entries) {
      const event = {
        municipality_id: municipalityId,
        seq: prev.seq + 1,
        occurred_at: now,
        actor_id: entry.actor.userId,
        actor_role: [...entry.actor.roles].sort().join(','),
        citizen_id: entry.citizenId,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        purpose: entry.purpose,
        request_id: entry.requestId,
        details: entry.details ?? {},
      };
      const hash = hashEvent(prev.hash, event, sha256Hex);
      rows.push({ ...event, prev_hash: prev.hash, hash });
      prev = { seq: event.seq, hash };
    }
    await q.appendEvents(trx, rows);
  };
  if (db.kysely.isTransaction) await append(db);
  else await db.kysely.transaction().execute((trx) => append(db.with(trx)));
}

export type ChainReport =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: number; reason: ChainBreakReason | 'head_mismatch' };

/** Re-computes a municipality's whole chain, page by page, and compares its end with the head. */
export async function verifyMunicipalityChain(
  kysely: Kysely<Database>,
  municipalityId: string,
  pageSize = 5000,
): Promise<ChainReport> {
  const db = new Tenant(kysely, municipalityId);
  const verifier = createChainVerifier({ sha256Hex });
  let after = 0;
  let events = 0;
  for (;;) {
    const page = await q.chainPage(db, after, pageSize);
    for (const row of page) {
      const failure = verifier.push({ ...row, details: row.details as JsonObject });
      if (failure !== null && !failure.ok)
        return { ok: false, events, brokenAt: Number(failure.brokenAt), reason: failure.reason };
      events++;
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1]?.seq ?? after;
  }
  const result = verifier.finish();
  if (!result.ok) return { ok: false, events, brokenAt: Number(result.brokenAt), reason: result.reason };
  // Removing the newest events leaves a valid shorter chain; the head row still remembers the end.
  const head = await q.headOf(db);
  if (head !== undefined && (head.seq !== Number(result.head.seq) || head.hash !== result.head.hash)) {
    return { ok: false, events, brokenAt: Number(result.head.seq) + 1, reason: 'head_mismatch' };
  }
  return { ok: true, events };
}

/** Who touched a citizen's data, newest first (the data-protection officer's view). */
export async function accessLog(
  ctx: Ctx,
  citizenId: string,
  page: { limit?: number | undefined; before?: number | undefined },
) {
  const rows = await q.eventsForCitizen(ctx.db, citizenId, page.limit ?? 100, page.before);
  return rows.map((r) => ({
    seq: r.seq,
    occurred_at: r.occurred_at.toISOString(),
    actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
    action: r.action,
    entity: r.entity,
    purpose: r.purpose,
  }));
}

/** A citizen's own access log: who has seen my data. */
export async function myAccessLog(ctx: Ctx, page: { limit?: number | undefined; before?: number | undefined }) {
  const citizenId = await citizenIdOf(ctx.db, ctx.actor.userId);
  if (citizenId === null)
    throw notFound({ da: 'Din bruger er ikke knyttet til en borger.', en: 'Your user is not linked to a citizen.' });
  return accessLog(ctx, citizenId, page);
}
