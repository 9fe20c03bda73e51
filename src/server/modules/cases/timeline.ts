import type { Ctx } from '../../context.js';
import { recordAudit } from '../audit/service.js';

// One chronological view of a case: what happened (case_event) and what changed on the case
// (case_change), newest first, filterable by type.

export interface TimelineItem {
  id: string;
  source: 'event' | 'change';
  type: string;
  date: string;
  at: string;
  actor: { id: string; name: string } | null;
  details: Record<string, string | boolean | null>;
  voided: boolean;
  version: number;
}

export async function timeline(ctx: Ctx, c: { id: string; citizenId: string }, options: { types: string[] | undefined; limit: number; offset: number }): Promise<{ total: number; items: TimelineItem[] }> {
  const m = ctx.actor.municipalityId;
  const names = new Map(
    (await ctx.db.selectFrom('app_user').select(['id', 'name']).where('municipality_id', '=', m).execute()).map((u) => [u.id, u.name]),
  );
  const person = (id: string | null) => (id === null ? null : { id, name: names.get(id) ?? '' });
  const events = await ctx.db.selectFrom('case_event').selectAll().where('municipality_id', '=', m).where('case_id', '=', c.id).execute();
  const changes = await ctx.db.selectFrom('case_change').selectAll().where('municipality_id', '=', m).where('case_id', '=', c.id).execute();
  const items: TimelineItem[] = [
    ...events.map((e) => ({
      id: e.id,
      source: 'event' as const,
      type: e.type,
      date: e.date,
      at: e.recorded_at.toISOString(),
      actor: person(e.recorded_by),
      details: { end_date: e.end_date, held: e.held, mode: e.mode, cancelled_by: e.cancelled_by, kind: e.kind, note: e.note, void_reason: e.void_reason },
      voided: e.voided_at !== null,
      version: e.version,
    })),
    ...changes.map((ch) => ({
      id: ch.id,
      source: 'change' as const,
      type: ch.kind,
      date: ch.occurred_at.toISOString().slice(0, 10),
      at: ch.occurred_at.toISOString(),
      actor: person(ch.actor_id),
      details: {
        from: ch.kind === 'reassigned' && ch.from_value !== null ? (names.get(ch.from_value) ?? ch.from_value) : ch.from_value,
        to: ch.kind === 'reassigned' && ch.to_value !== null ? (names.get(ch.to_value) ?? ch.to_value) : ch.to_value,
        reason: ch.reason,
      },
      voided: false,
      version: 1,
    })),
  ];
  const wanted = options.types === undefined ? items : items.filter((i) => options.types?.includes(i.type));
  // Newest first: by the day it happened, then by when it was written down.
  wanted.sort((a, b) => (a.date === b.date ? b.at.localeCompare(a.at) : b.date.localeCompare(a.date)));
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId: c.citizenId, action: 'read', entity: 'case_timeline', entityId: c.id, purpose: 'case_work', requestId: ctx.requestId }, ctx.now);
  return { total: wanted.length, items: wanted.slice(options.offset, options.offset + options.limit) };
}

/** The distinct staff involved in a case (the principle: as few as possible). */
export async function contactPersons(ctx: Ctx, c: { id: string; citizenId: string; caseworkerId: string | null }): Promise<{ id: string; name: string; roles: string[] }[]> {
  const m = ctx.actor.municipalityId;
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId: c.citizenId, action: 'read', entity: 'case_contact_persons', entityId: c.id, purpose: 'case_work', requestId: ctx.requestId }, ctx.now);
  const ids = new Set<string>();
  if (c.caseworkerId !== null) ids.add(c.caseworkerId);
  for (const e of await ctx.db.selectFrom('case_event').select('recorded_by').where('municipality_id', '=', m).where('case_id', '=', c.id).where('voided_at', 'is', null).execute()) ids.add(e.recorded_by);
  for (const ch of await ctx.db.selectFrom('case_change').select('actor_id').where('municipality_id', '=', m).where('case_id', '=', c.id).execute()) ids.add(ch.actor_id);
  if (ids.size === 0) return [];
  const users = await ctx.db
    .selectFrom('app_user as u')
    .leftJoin('user_role as r', (j) => j.onRef('r.municipality_id', '=', 'u.municipality_id').onRef('r.user_id', '=', 'u.id'))
    .select(['u.id', 'u.name', 'u.kind', 'r.role'])
    .where('u.municipality_id', '=', m)
    .where('u.id', 'in', [...ids])
    .execute();
  const byId = new Map<string, { id: string; name: string; roles: string[] }>();
  for (const u of users) {
    if (u.kind !== 'staff') continue;
    const entry = byId.get(u.id) ?? { id: u.id, name: u.name, roles: [] };
    if (u.role !== null) entry.roles.push(u.role);
    byId.set(u.id, entry);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
