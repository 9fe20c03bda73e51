import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { CitizenCaseTable } from '../../db/schema.js';
import { isIsoDate } from '../../../core/rules/index.js';
import type { CaseAccess } from '../../../core/access/case-scope.js';
import type { Ctx } from '../../context.js';
import { expectOneUpdated } from '../../db/versioned.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import { loadCase } from './case-read.js';
import { assertAssignable, caseloadOf } from './caseload.js';
import { refreshCaseDeadlines } from './deadlines.js';
import type { EventBody } from './schema.js';

// Changes to a case. Each carries the version the caller read (409 when stale), keeps its
// history in case_change, re-evaluates the case's deadlines and writes the audit event, all in
// the caller's transaction.

const CASE_GONE = { da: 'Sagen findes ikke.', en: 'The case does not exist.' };

async function change(ctx: Ctx, caseId: string, kind: string, from: string | null, to: string | null, reason: string | null): Promise<void> {
  await ctx.db
    .insertInto('case_change')
    .values({ municipality_id: ctx.actor.municipalityId, id: randomUUID(), case_id: caseId, kind, from_value: from, to_value: to, reason, actor_id: ctx.actor.userId })
    .execute();
}

async function current(ctx: Ctx, caseId: string, access: CaseAccess) {
  return loadCase(ctx, caseId, access).catch(() => undefined);
}

/** Updates an open case from the version the caller read; 409 with the case as it is now when stale. */
async function updateOpenCase(ctx: Ctx, c: { id: string; access: CaseAccess }, version: number, changes: Updateable<CitizenCaseTable>): Promise<void> {
  const result = await ctx.db
    .updateTable('citizen_case')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('id', '=', c.id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  await expectOneUpdated(result, () => current(ctx, c.id, c.access), CASE_GONE);
}

async function audit(ctx: Ctx, caseId: string, citizenId: string, entity: string, details: Record<string, string | null> = {}): Promise<void> {
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId, action: 'update', entity, entityId: caseId, purpose: 'case_work', requestId: ctx.requestId, details }, ctx.now);
}

export async function setVisitation(ctx: Ctx, c: { id: string; citizenId: string; access: CaseAccess }, body: { category: 'job_ready' | 'activity_ready'; reason: string; version: number }): Promise<void> {
  const before = await current(ctx, c.id, c.access);
  if (before === undefined) throw notFound(CASE_GONE);
  await updateOpenCase(ctx, c, body.version, {
    category: body.category,
    category_reason: body.reason,
    // A job-ready citizen has no track; the track's history stays in case_change.
    ...(body.category === 'job_ready' ? { track: null, track_reason: null } : {}),
  });
  await change(ctx, c.id, 'category', before.category, body.category, body.reason);
  if (body.category === 'job_ready' && before.track !== null) await change(ctx, c.id, 'track', before.track, null, body.reason);
  await refreshCaseDeadlines(ctx.db, ctx.actor.municipalityId, c.id, ctx.today);
  await audit(ctx, c.id, c.citizenId, 'case_visitation', { category: body.category });
}

export async function setTrack(ctx: Ctx, c: { id: string; citizenId: string; access: CaseAccess }, body: { track: 'near_job_ready' | 'step_up' | 'rehab_team'; reason: string; version: number }): Promise<void> {
  const before = await current(ctx, c.id, c.access);
  if (before === undefined) throw notFound(CASE_GONE);
  if (before.category !== 'activity_ready') {
    throw invalid({ da: 'Kun aktivitetsparate borgere placeres i et spor. Visitér borgeren først.', en: 'Only activity-ready citizens are placed in a track. Record the visitation first.' });
  }
  await updateOpenCase(ctx, c, body.version, { track: body.track, track_reason: body.reason });
  await change(ctx, c.id, 'track', before.track, body.track, body.reason);
  await refreshCaseDeadlines(ctx.db, ctx.actor.municipalityId, c.id, ctx.today);
  await audit(ctx, c.id, c.citizenId, 'case_track', { track: body.track });
}

const CONVERSATIONS = new Set(['conversation', 'resource_conversation']);

/** Checks what the schema cannot: which fields belong to which event type, and the dates. */
export function validateEvent(body: EventBody, today: string): void {
  const isConversation = CONVERSATIONS.has(body.type);
  const fail = (field: string, da: string, en: string): never => {
    throw invalid({ da: `${field}: ${da}`, en: `${field}: ${en}` });
  };
  if (!isIsoDate(body.date)) fail('date', 'ikke en gyldig dato.', 'not a valid date.');
  if (body.date > today) fail('date', 'en hændelse registreres, når den er sket; datoen må ikke ligge i fremtiden.', 'an event is recorded once it happened; the date must not be in the future.');
  if (isConversation && body.held === undefined) fail('held', 'angiv om samtalen blev holdt.', 'say whether the conversation was held.');
  if (!isConversation && body.held !== undefined) fail('held', 'gælder kun samtaler.', 'applies to conversations only.');
  if (!isConversation && (body.mode !== undefined || body.cancelled_by !== undefined)) fail('mode', 'gælder kun samtaler.', 'applies to conversations only.');
  if (body.held === true && body.cancelled_by !== undefined) fail('cancelled_by', 'en holdt samtale er ikke aflyst.', 'a held conversation was not cancelled.');
  if (body.held === false && body.cancelled_by === undefined) fail('cancelled_by', 'angiv hvem der aflyste, eller at borgeren udeblev.', 'say who cancelled.');
  if (body.type === 'activity' && body.kind === undefined) fail('kind', 'angiv hvilken slags aktivitet.', 'say what kind of activity.');
  if (body.type !== 'activity' && body.kind !== undefined) fail('kind', 'gælder kun aktiviteter.', 'applies to activities only.');
  const spans = body.type === 'activity' || body.type === 'mentor';
  if (!spans && body.end_date !== undefined && body.end_date !== null) fail('end_date', 'gælder kun aktiviteter og mentor.', 'applies to activities and mentor only.');
  if (body.end_date !== undefined && body.end_date !== null) {
    if (!isIsoDate(body.end_date)) fail('end_date', 'ikke en gyldig dato.', 'not a valid date.');
    if (body.end_date < body.date) fail('end_date', 'slutter før den starter.', 'ends before it starts.');
  }
}

export async function recordEvent(ctx: Ctx, c: { id: string; citizenId: string }, body: EventBody): Promise<string> {
  validateEvent(body, ctx.today);
  const open = await ctx.db.selectFrom('citizen_case').select('status').where('municipality_id', '=', ctx.actor.municipalityId).where('id', '=', c.id).executeTakeFirst();
  if (open?.status !== 'open') throw new AppError('conflict', { da: 'Sagen er lukket.', en: 'The case is closed.' });
  const id = randomUUID();
  await ctx.db
    .insertInto('case_event')
    .values({
      municipality_id: ctx.actor.municipalityId,
      id,
      case_id: c.id,
      type: body.type,
      date: body.date,
      end_date: body.end_date ?? null,
      held: body.held ?? null,
      mode: body.mode ?? null,
      cancelled_by: body.cancelled_by ?? null,
      kind: body.kind ?? null,
      note: body.note ?? null,
      recorded_by: ctx.actor.userId,
      voided_at: null,
      voided_by: null,
      void_reason: null,
    })
    .execute();
  await refreshCaseDeadlines(ctx.db, ctx.actor.municipalityId, c.id, ctx.today);
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId: c.citizenId, action: 'create', entity: 'case_event', entityId: id, purpose: 'case_work', requestId: ctx.requestId, details: { type: body.type } }, ctx.now);
  return id;
}

export async function voidEvent(ctx: Ctx, c: { id: string; citizenId: string }, eventId: string, body: { reason: string; version: number }): Promise<void> {
  const m = ctx.actor.municipalityId;
  const find = () => ctx.db.selectFrom('case_event').selectAll().where('municipality_id', '=', m).where('case_id', '=', c.id).where('id', '=', eventId).executeTakeFirst();
  const result = await ctx.db
    .updateTable('case_event')
    .set((eb) => ({ voided_at: ctx.now, voided_by: ctx.actor.userId, void_reason: body.reason, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', m)
    .where('case_id', '=', c.id)
    .where('id', '=', eventId)
    .where('version', '=', body.version)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  await expectOneUpdated(result, async () => {
    const row = await find();
    return row === undefined ? undefined : { ...row, recorded_at: row.recorded_at.toISOString(), voided_at: row.voided_at?.toISOString() ?? null };
  }, { da: 'Hændelsen findes ikke.', en: 'The event does not exist.' });
  await refreshCaseDeadlines(ctx.db, m, c.id, ctx.today);
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId: c.citizenId, action: 'update', entity: 'case_event', entityId: eventId, purpose: 'case_work', requestId: ctx.requestId, details: { voided: true } }, ctx.now);
}

export async function reassign(ctx: Ctx, c: { id: string; citizenId: string; access: CaseAccess; caseworkerId: string | null }, body: { caseworker_id: string; reason: string; version: number }): Promise<{ overCap: boolean }> {
  if (body.caseworker_id === c.caseworkerId) throw invalid({ da: 'caseworker_id: sagen har allerede denne sagsbehandler.', en: 'caseworker_id: the case already has this caseworker.' });
  const teamId = await assertAssignable(ctx, body.caseworker_id, 0);
  await updateOpenCase(ctx, c, body.version, { caseworker_id: body.caseworker_id, team_id: teamId });
  await change(ctx, c.id, 'reassigned', c.caseworkerId, body.caseworker_id, body.reason);
  await refreshCaseDeadlines(ctx.db, ctx.actor.municipalityId, c.id, ctx.today);
  await audit(ctx, c.id, c.citizenId, 'case_caseworker', { caseworker_id: body.caseworker_id });
  const load = await caseloadOf(ctx, body.caseworker_id);
  return { overCap: load !== undefined && load.openCases > load.cap };
}

type ContactChange = Partial<Record<'name' | 'address' | 'phone' | 'email' | 'contact_channel' | 'language', string | null>> & { interpreter_needed?: boolean; version: number };

export async function updateContact(ctx: Ctx, c: { id: string; citizenId: string; access: CaseAccess }, body: ContactChange): Promise<void> {
  const { version, name, contact_channel, language, ...nullable } = body;
  if (name !== undefined && (name === null || name.trim() === '')) throw invalid({ da: 'name: skal udfyldes.', en: 'name: is required.' });
  const fields = {
    ...nullable,
    ...(typeof name === 'string' ? { name: name.trim() } : {}),
    ...(typeof contact_channel === 'string' ? { contact_channel } : {}),
    ...(typeof language === 'string' ? { language } : {}),
  };
  const result = await ctx.db
    .updateTable('citizen')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('id', '=', c.citizenId)
    .where('version', '=', version)
    .executeTakeFirst();
  await expectOneUpdated(result, async () => (await current(ctx, c.id, c.access))?.citizen, CASE_GONE);
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId: c.citizenId, action: 'update', entity: 'citizen', entityId: c.citizenId, purpose: 'case_work', requestId: ctx.requestId, details: { fields: Object.keys(fields).sort().join(',') } }, ctx.now);
}
