import type { Ctx } from '../../context.js';
import * as audit from '../audit/service.js';
import * as q from './queries.js';
import type { ContactPerson, TimelineItem, TimelinePage } from './schema.js';
import type { CaseInHand } from './service.js';

// One chronological view of a case: what happened (case_event) and what changed on the case
// (case_change), newest first, filterable by type.

const person = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export async function timeline(
  ctx: Ctx,
  c: CaseInHand,
  options: { types: string[] | undefined; limit: number; offset: number },
): Promise<TimelinePage> {
  const events = await q.timelineEvents(ctx.db, c.id);
  const changes = await q.timelineChanges(ctx.db, c.id);
  const items: TimelineItem[] = [
    ...events.map((e) => ({
      id: e.id,
      source: 'event' as const,
      type: e.type,
      date: e.date,
      at: e.recorded_at.toISOString(),
      actor: person(e.recorded_by, e.recorded_by_name),
      details: {
        end_date: e.end_date,
        held: e.held,
        mode: e.mode,
        cancelled_by: e.cancelled_by,
        kind: e.kind,
        note: e.note,
        void_reason: e.void_reason,
      },
      voided: e.voided_at !== null,
      version: e.version,
    })),
    ...changes.map((ch) => ({
      id: ch.id,
      source: 'change' as const,
      type: ch.kind,
      date: ch.occurred_at.toISOString().slice(0, 10),
      at: ch.occurred_at.toISOString(),
      actor: person(ch.actor_id, ch.actor_name),
      // A reassignment names its caseworkers (the query finds names for those only).
      details: { from: ch.from_name ?? ch.from_value, to: ch.to_name ?? ch.to_value, reason: ch.reason },
      voided: false,
      version: 1,
    })),
  ];
  const wanted = options.types === undefined ? items : items.filter((i) => options.types?.includes(i.type));
  // Newest first: by the day it happened, then by when it was written down.
  wanted.sort((a, b) => (a.date === b.date ? b.at.localeCompare(a.at) : b.date.localeCompare(a.date)));
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'read',
    entity: 'case_timeline',
    entityId: c.id,
    purpose: 'case_work',
  });
  return { total: wanted.length, items: wanted.slice(options.offset, options.offset + options.limit) };
}

/** The distinct staff involved in a case (the principle: as few as possible). */
export async function contactPersons(ctx: Ctx, c: CaseInHand): Promise<ContactPerson[]> {
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'read',
    entity: 'case_contact_persons',
    entityId: c.id,
    purpose: 'case_work',
  });
  const ids = new Set<string>();
  if (c.caseworkerId !== null) ids.add(c.caseworkerId);
  for (const id of await q.participantIds(ctx.db, c.id)) ids.add(id);
  if (ids.size === 0) return [];
  const byId = new Map<string, ContactPerson>();
  for (const u of await q.staffWithRoles(ctx.db, [...ids])) {
    const entry = byId.get(u.id) ?? { id: u.id, name: u.name, roles: [] };
    if (u.role !== null) entry.roles.push(u.role);
    byId.set(u.id, entry);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
