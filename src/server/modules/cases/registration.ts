import { randomUUID } from 'node:crypto';
import { caseAccess } from '../../../core/access/case-scope.js';
import { maskCpr, parseCpr } from '../../../core/cpr/index.js';
import { isIsoDate } from '../../../core/rules/index.js';
import type { Ctx } from '../../context.js';
import { cprLookupHash, encryptCpr } from '../../crypto/index.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { actorScope } from '../access/service.js';
import * as audit from '../audit/service.js';
import { refreshCase } from '../deadlines/service.js';
import { assertAssignable } from '../teams/service.js';
import { pseudonymFor } from './pseudonym.js';
import * as q from './queries.js';
import { caseBody } from './reading.js';
import type { CaseBody, CitizenMatch, CprMatch, RegisterBody } from './schema.js';
import { caseRecord, recordChange, type CaseRecord } from './service.js';

/** Finds the citizen with this CPR number in the caller's municipality, by keyed hash. */
async function findByCpr(ctx: Ctx, cpr: string): Promise<{ citizenId: string; openCaseId: string | null } | undefined> {
  const parsed = parseCpr(cpr);
  if (!parsed.ok) throw invalid({ da: parsed.error.message_da, en: parsed.error.message_en });
  const row = await q.citizenByCprLookup(ctx.db, cprLookupHash(parsed.value.digits, ctx.keyring));
  return row === undefined ? undefined : { citizenId: row.id, openCaseId: row.case_id };
}

/**
 * Registers a citizen and opens their case, in one transaction. The same CPR number twice in
 * a municipality is a duplicate: the answer names the existing case instead. Answers the new
 * case with what the registrar's scope grants on it (a team leader reads, the caseworker writes).
 */
export async function registerCitizen(ctx: Ctx, body: RegisterBody): Promise<CaseBody> {
  const parsed = parseCpr(body.cpr);
  if (!parsed.ok) throw invalid({ da: `cpr: ${parsed.error.message_da}`, en: `cpr: ${parsed.error.message_en}` });
  for (const field of ['registered', 'benefit_start'] as const) {
    if (!isIsoDate(body[field]))
      throw invalid({ da: `${field}: ikke en gyldig dato.`, en: `${field}: not a valid date.` });
    if (body[field] > ctx.today)
      throw invalid({ da: `${field}: må ikke ligge i fremtiden.`, en: `${field}: must not be in the future.` });
  }
  const cpr = parsed.value;
  const existing = await findByCpr(ctx, body.cpr);
  if (existing !== undefined) {
    throw new AppError(
      'conflict',
      {
        da: 'Borgeren er allerede registreret. Åbn den eksisterende sag.',
        en: 'The citizen is already registered. Open the existing case.',
      },
      { reason: 'duplicate_citizen', case_id: existing.openCaseId, citizen_id: existing.citizenId },
    );
  }
  const caseworkerId = body.caseworker_id ?? (ctx.actor.roles.includes('caseworker') ? ctx.actor.userId : null);
  // Every case has a caseworker from the start: a case nobody owns is a case nobody sees.
  if (caseworkerId === null)
    throw invalid({
      da: 'caseworker_id: vælg den sagsbehandler, der skal have sagen.',
      en: 'caseworker_id: choose the caseworker who gets the case.',
    });
  const teamId = await assertAssignable(ctx, caseworkerId, 0);
  const m = ctx.db.municipalityId;
  const c: CaseRecord = {
    id: randomUUID(),
    municipalityId: m,
    citizenId: randomUUID(),
    caseworkerId,
    teamId,
    status: 'open',
    registered: body.registered,
    benefitStart: body.benefit_start,
    category: null,
    track: null,
    version: 1,
  };
  await q.insertCitizen(ctx.db, {
    id: c.citizenId,
    pseudonym: pseudonymFor(c.citizenId),
    cpr_ciphertext: encryptCpr(cpr.digits, ctx.keyring, `${m}/${c.citizenId}`),
    cpr_lookup: cprLookupHash(cpr.digits, ctx.keyring),
    cpr_masked: maskCpr(cpr.digits),
    birth_date: cpr.birthDate,
    name: body.name.trim(),
    address: body.address ?? null,
    phone: body.phone ?? null,
    email: body.email ?? null,
    contact_channel: body.contact_channel ?? 'phone',
    language: body.language ?? 'da',
    interpreter_needed: body.interpreter_needed ?? false,
  });
  const year = Number(body.registered.slice(0, 4));
  await q.insertCase(ctx.db, {
    id: c.id,
    case_number: `${year}-${String(await q.nextCaseNumber(ctx.db, year)).padStart(6, '0')}`,
    citizen_id: c.citizenId,
    team_id: teamId,
    caseworker_id: caseworkerId,
    benefit: body.benefit,
    benefit_start: body.benefit_start,
    registered: body.registered,
    category: null,
    category_reason: null,
    track: null,
    track_reason: null,
    closed_on: null,
    deadlines_on: null,
  });
  await recordChange(ctx, c.id, 'registered', null, caseworkerId, null);
  await refreshCase(ctx.db, ctx.today, c);
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'create',
    entity: 'citizen',
    entityId: c.citizenId,
    purpose: 'registration',
  });
  return caseBody(ctx, c.id, caseAccess(await actorScope(ctx.db, ctx.actor, ctx.now), c));
}

/**
 * Finds a case by whole CPR number (sent in a body, never a URL). Outside the caller's scope
 * it answers only that the case exists, so the caller can break the glass with a reason.
 */
export async function findCaseByCpr(ctx: Ctx, cpr: string): Promise<CprMatch> {
  const found = await findByCpr(ctx, cpr);
  if (found?.openCaseId === null || found === undefined)
    throw notFound({ da: 'Ingen åben sag med det CPR-nummer.', en: 'No open case with that CPR number.' });
  const c = await caseRecord(ctx.db, found.openCaseId, { lock: false });
  if (c === undefined) throw notFound();
  const access = caseAccess(await actorScope(ctx.db, ctx.actor, ctx.now), c);
  await audit.record(ctx, {
    citizenId: found.citizenId,
    action: 'read',
    entity: 'cpr_search',
    entityId: c.id,
    purpose: 'case_search',
  });
  return { case_id: c.id, in_scope: access.read };
}

/**
 * Finds a citizen of the municipality by whole CPR number, with or without an open case, for
 * the data-protection officer's access log: the only way an administrator, who does no case
 * work, names a citizen. A deliberate, logged act, like every CPR search.
 */
export async function findCitizenByCpr(ctx: Ctx, cpr: string): Promise<CitizenMatch> {
  const parsed = parseCpr(cpr);
  if (!parsed.ok) throw invalid({ da: `cpr: ${parsed.error.message_da}`, en: `cpr: ${parsed.error.message_en}` });
  const row = await q.citizenByCprLookup(ctx.db, cprLookupHash(parsed.value.digits, ctx.keyring));
  if (row === undefined)
    throw notFound({
      da: 'Der er ingen borger med det CPR-nummer i kommunen.',
      en: 'There is no citizen with that CPR number in the municipality.',
    });
  await audit.record(ctx, {
    citizenId: row.id,
    action: 'read',
    entity: 'cpr_search',
    entityId: row.id,
    purpose: 'data_protection',
  });
  return { citizen_id: row.id, name: row.name, cpr_masked: row.cpr_masked };
}
