import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import { eventProblems, type EventProblemCode } from '../../../core/cases/event.js';
import {
  trackAfterVisitation,
  visitationTrackProblem,
  type VisitationProblemCode,
} from '../../../core/cases/visitation.js';
import type { Ctx } from '../../context.js';
import type { CitizenCaseTable } from '../../db/schema.js';
import { expectOneUpdated } from '../../db/versioned.js';
import { AppError, caseClosed, invalid, type Message } from '../../errors.js';
import * as audit from '../audit/service.js';
import { refreshCase } from '../deadlines/service.js';
import { assertAssignable, caseloadOf } from '../teams/service.js';
import * as q from './queries.js';
import { caseBody } from './reading.js';
import type {
  CaseBody,
  CloseBody,
  ContactBody,
  EventBody,
  ReassignBody,
  Reassigned,
  ReopenBody,
  TrackBody,
  VisitationBody,
  VoidBody,
} from './schema.js';
import { recordChange, type CaseInHand } from './service.js';

// Changes to a case. Each works on the case row the access decision read and locked in this
// transaction (access's withCase), so nothing is read again before the change. Each carries
// the version the caller read (409 when stale), keeps its history in case_change, re-evaluates
// the case's deadlines, writes the audit event, and answers the case as it now is.

const CASE_GONE = { da: 'Sagen findes ikke.', en: 'The case does not exist.' };

async function current(ctx: Ctx, c: CaseInHand): Promise<CaseBody | undefined> {
  return caseBody(ctx, c.id, c.access).catch(() => undefined);
}

/** A closed case is read-only until it is reopened: 409 `case_closed`, whatever version the caller read. */
function assertOpen(c: CaseInHand): void {
  if (c.status !== 'open') throw caseClosed();
}

/** Updates an open case from the version the caller read; 409 with the case as it is now when stale. */
async function updateOpenCase(
  ctx: Ctx,
  c: CaseInHand,
  version: number,
  changes: Updateable<CitizenCaseTable>,
): Promise<void> {
  assertOpen(c);
  const result = await q.updateOpenCase(ctx.db, c.id, version, changes);
  await expectOneUpdated(result, () => current(ctx, c), CASE_GONE);
}

async function noteUpdate(
  ctx: Ctx,
  c: CaseInHand,
  entity: string,
  details: Record<string, string | null>,
): Promise<void> {
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'update',
    entity,
    entityId: c.id,
    purpose: 'case_work',
    details,
  });
}

/** What each problem of core's visitationTrackProblem says, after the field's name. */
const VISITATION_PROBLEM_TEXT: Record<VisitationProblemCode, Message> = {
  track_missing: {
    da: 'En aktivitetsparat borger placeres i et spor ved visitationen. Angiv sporet.',
    en: 'An activity-ready citizen is placed in a track at the visitation. Give the track.',
  },
  track_for_job_ready: {
    da: 'En jobparat borger placeres ikke i et spor. Send visitationen uden spor.',
    en: 'A job-ready citizen is not placed in a track. Send the visitation without one.',
  },
};

/**
 * The visitation and the track that follows from it, as one change: one version, a case_change
 * for the category and one for the track (so the timeline shows both), deadlines re-evaluated
 * for the new category and track, one audit event.
 */
export async function setVisitation(ctx: Ctx, c: CaseInHand, body: VisitationBody): Promise<CaseBody> {
  const problem = visitationTrackProblem(body.category, body.track);
  if (problem !== undefined) {
    const text = VISITATION_PROBLEM_TEXT[problem];
    throw invalid({ da: `track: ${text.da}`, en: `track: ${text.en}` });
  }
  const track = trackAfterVisitation(body.category, body.track);
  await updateOpenCase(ctx, c, body.version, {
    category: body.category,
    category_reason: body.reason,
    // A job-ready citizen has no track; the track's history stays in case_change.
    track,
    track_reason: track === null ? null : body.reason,
  });
  await recordChange(ctx, c.id, 'category', c.category, body.category, body.reason);
  if (track !== null || c.track !== null) await recordChange(ctx, c.id, 'track', c.track, track, body.reason);
  await refreshCase(ctx.db, ctx.today, { ...c, category: body.category, track });
  await noteUpdate(ctx, c, 'case_visitation', { category: body.category, track });
  return caseBody(ctx, c.id, c.access);
}

/** A new track alone, for a citizen already visited as activity-ready (API clients; the web app sends the visitation). */
export async function setTrack(ctx: Ctx, c: CaseInHand, body: TrackBody): Promise<CaseBody> {
  assertOpen(c);
  if (c.category !== 'activity_ready') {
    throw invalid({
      da: 'Kun aktivitetsparate borgere placeres i et spor. Visitér borgeren først.',
      en: 'Only activity-ready citizens are placed in a track. Record the visitation first.',
    });
  }
  await updateOpenCase(ctx, c, body.version, { track: body.track, track_reason: body.reason });
  await recordChange(ctx, c.id, 'track', c.track, body.track, body.reason);
  await refreshCase(ctx.db, ctx.today, { ...c, track: body.track });
  await noteUpdate(ctx, c, 'case_track', { track: body.track });
  return caseBody(ctx, c.id, c.access);
}

/** What each problem of core's eventProblems says, after the field's name. */
const EVENT_PROBLEM_TEXT: Record<EventProblemCode, Message> = {
  date_invalid: { da: 'ikke en gyldig dato.', en: 'not a valid date.' },
  date_in_future: {
    da: 'en hændelse registreres, når den er sket; datoen må ikke ligge i fremtiden.',
    en: 'an event is recorded once it happened; the date must not be in the future.',
  },
  held_missing: { da: 'angiv om samtalen blev holdt.', en: 'say whether the conversation was held.' },
  held_not_conversation: { da: 'gælder kun samtaler.', en: 'applies to conversations only.' },
  mode_not_conversation: { da: 'gælder kun samtaler.', en: 'applies to conversations only.' },
  cancelled_when_held: { da: 'en holdt samtale er ikke aflyst.', en: 'a held conversation was not cancelled.' },
  cancelled_by_missing: { da: 'angiv hvem der aflyste, eller at borgeren udeblev.', en: 'say who cancelled.' },
  kind_missing: { da: 'angiv hvilken slags aktivitet.', en: 'say what kind of activity.' },
  kind_not_activity: { da: 'gælder kun aktiviteter.', en: 'applies to activities only.' },
  end_not_span: { da: 'gælder kun aktiviteter og mentor.', en: 'applies to activities and mentor only.' },
  end_date_invalid: { da: 'ikke en gyldig dato.', en: 'not a valid date.' },
  end_before_start: { da: 'slutter før den starter.', en: 'ends before it starts.' },
};

/** Checks what the schema cannot (which fields belong to which event type, and the dates): the first problem answers 400. */
export function validateEvent(body: EventBody, today: string): void {
  const [first] = eventProblems(body, today);
  if (first === undefined) return;
  const text = EVENT_PROBLEM_TEXT[first.code];
  throw invalid({ da: `${first.field}: ${text.da}`, en: `${first.field}: ${text.en}` });
}

export async function recordEvent(ctx: Ctx, c: CaseInHand, body: EventBody): Promise<CaseBody> {
  assertOpen(c);
  validateEvent(body, ctx.today);
  const id = randomUUID();
  await q.insertEvent(ctx.db, {
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
  });
  await refreshCase(ctx.db, ctx.today, c);
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'create',
    entity: 'case_event',
    entityId: id,
    purpose: 'case_work',
    details: { type: body.type },
  });
  return caseBody(ctx, c.id, c.access);
}

export async function voidEvent(ctx: Ctx, c: CaseInHand, eventId: string, body: VoidBody): Promise<CaseBody> {
  assertOpen(c);
  const result = await q.voidEvent(ctx.db, c.id, eventId, body.version, {
    at: ctx.now,
    userId: ctx.actor.userId,
    reason: body.reason,
  });
  await expectOneUpdated(
    result,
    async () => {
      const row = await q.eventOfCase(ctx.db, c.id, eventId);
      return row === undefined
        ? undefined
        : { ...row, recorded_at: row.recorded_at.toISOString(), voided_at: row.voided_at?.toISOString() ?? null };
    },
    { da: 'Hændelsen findes ikke.', en: 'The event does not exist.' },
  );
  await refreshCase(ctx.db, ctx.today, c);
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'update',
    entity: 'case_event',
    entityId: eventId,
    purpose: 'case_work',
    details: { voided: true },
  });
  return caseBody(ctx, c.id, c.access);
}

/** Moves the case to another caseworker (and their team), within the cap unless a team leader decides otherwise. */
export async function reassign(ctx: Ctx, c: CaseInHand, body: ReassignBody): Promise<Reassigned> {
  if (body.caseworker_id === c.caseworkerId)
    throw invalid({
      da: 'caseworker_id: sagen har allerede denne sagsbehandler.',
      en: 'caseworker_id: the case already has this caseworker.',
    });
  const teamId = await assertAssignable(ctx, body.caseworker_id, 0);
  await updateOpenCase(ctx, c, body.version, { caseworker_id: body.caseworker_id, team_id: teamId });
  await recordChange(ctx, c.id, 'reassigned', c.caseworkerId, body.caseworker_id, body.reason);
  await refreshCase(ctx.db, ctx.today, { ...c, caseworkerId: body.caseworker_id, teamId });
  await noteUpdate(ctx, c, 'case_caseworker', { caseworker_id: body.caseworker_id });
  const load = await caseloadOf(ctx, body.caseworker_id);
  return { case: await caseBody(ctx, c.id, c.access), over_cap: load !== undefined && load.openCases > load.cap };
}

/** Changes the citizen's contact details from the version the caller read. */
export async function updateContact(ctx: Ctx, c: CaseInHand, body: ContactBody): Promise<CaseBody> {
  assertOpen(c);
  const { version, name, contact_channel, language, ...nullable } = body;
  if (name?.trim() === '') throw invalid({ da: 'name: skal udfyldes.', en: 'name: is required.' });
  const fields = {
    ...nullable,
    ...(name === undefined ? {} : { name: name.trim() }),
    ...(contact_channel === undefined ? {} : { contact_channel }),
    ...(language === undefined ? {} : { language }),
  };
  const result = await q.updateCitizen(ctx.db, c.citizenId, version, fields);
  await expectOneUpdated(result, async () => (await current(ctx, c))?.citizen, CASE_GONE);
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'update',
    entity: 'citizen',
    entityId: c.citizenId,
    purpose: 'case_work',
    details: { fields: Object.keys(fields).sort().join(',') },
  });
  return caseBody(ctx, c.id, c.access);
}

/**
 * Closes the case: why and on which day, as one versioned change with a case_change for the
 * timeline. A closed case has no deadlines, so it leaves the work queue and the caseloads.
 */
export async function closeCase(ctx: Ctx, c: CaseInHand, body: CloseBody): Promise<CaseBody> {
  assertOpen(c);
  if (body.closed_on > ctx.today)
    throw invalid({
      da: 'closed_on: en sag lukkes, når forløbet er slut; datoen må ikke ligge i fremtiden.',
      en: 'closed_on: a case is closed once it has ended; the date must not be in the future.',
    });
  if (body.closed_on < c.registered)
    throw invalid({
      da: 'closed_on: sagen kan ikke lukkes før den dag, den blev registreret.',
      en: 'closed_on: the case cannot be closed before the day it was registered.',
    });
  const result = await q.updateCase(ctx.db, c.id, body.version, {
    status: 'closed',
    closed_on: body.closed_on,
    close_reason: body.reason_category,
    close_reason_text: body.reason,
  });
  await expectOneUpdated(result, () => current(ctx, c), CASE_GONE);
  await recordChange(ctx, c.id, 'closed', null, body.reason_category, body.reason);
  await refreshCase(ctx.db, ctx.today, { ...c, status: 'closed' });
  await noteUpdate(ctx, c, 'case_status', { status: 'closed', reason_category: body.reason_category });
  return caseBody(ctx, c.id, c.access);
}

/** Reopens a closed case with the reason; its deadlines are evaluated again from its events. */
export async function reopenCase(ctx: Ctx, c: CaseInHand, body: ReopenBody): Promise<CaseBody> {
  if (c.status === 'open')
    throw new AppError('conflict', { da: 'Sagen er allerede åben.', en: 'The case is open already.' });
  // One open case per citizen (the database's unique index says so too): name it rather than fail on it.
  if (await q.otherOpenCase(ctx.db, c.citizenId, c.id))
    throw new AppError('conflict', {
      da: 'Borgeren har en anden åben sag. Luk den, før denne genåbnes.',
      en: 'The citizen has another open case. Close it before reopening this one.',
    });
  const result = await q.updateCase(ctx.db, c.id, body.version, {
    status: 'open',
    closed_on: null,
    close_reason: null,
    close_reason_text: null,
  });
  await expectOneUpdated(result, () => current(ctx, c), CASE_GONE);
  await recordChange(ctx, c.id, 'reopened', null, null, body.reason);
  await refreshCase(ctx.db, ctx.today, { ...c, status: 'open' });
  await noteUpdate(ctx, c, 'case_status', { status: 'open' });
  return caseBody(ctx, c.id, c.access);
}
