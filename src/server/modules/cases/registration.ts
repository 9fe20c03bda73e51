import { randomUUID } from 'node:crypto';
import { maskCpr, parseCpr } from '../../../core/cpr/index.js';
import { isIsoDate } from '../../../core/rules/index.js';
import type { Ctx } from '../../context.js';
import { cprLookupHash, encryptCpr } from '../../crypto/index.js';
import { AppError, invalid } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import { refreshCaseDeadlines } from './deadlines.js';
import { pseudonymFor } from './pseudonym.js';
import type { RegisterBody } from './schema.js';
import { assertAssignable } from './caseload.js';

/** Finds the citizen with this CPR number in the caller's municipality, by keyed hash. */
export async function findByCpr(ctx: Ctx, cpr: string): Promise<{ citizenId: string; openCaseId: string | null } | undefined> {
  const parsed = parseCpr(cpr);
  if (!parsed.ok) throw invalid({ da: parsed.error.message_da, en: parsed.error.message_en });
  const row = await ctx.db
    .selectFrom('citizen as z')
    .leftJoin('citizen_case as c', (j) => j.onRef('c.municipality_id', '=', 'z.municipality_id').onRef('c.citizen_id', '=', 'z.id').on('c.status', '=', 'open'))
    .select(['z.id', 'c.id as case_id'])
    .where('z.municipality_id', '=', ctx.actor.municipalityId)
    .where('z.cpr_lookup', '=', cprLookupHash(parsed.value.digits, ctx.keyring))
    .executeTakeFirst();
  return row === undefined ? undefined : { citizenId: row.id, openCaseId: row.case_id };
}

async function nextCaseNumber(ctx: Ctx, year: number): Promise<string> {
  const row = await ctx.db
    .insertInto('case_number_counter')
    .values({ municipality_id: ctx.actor.municipalityId, year, last: 1 })
    .onConflict((oc) => oc.columns(['municipality_id', 'year']).doUpdateSet((eb) => ({ last: eb('case_number_counter.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last).padStart(6, '0')}`;
}

/**
 * Registers a citizen and opens their case, in one transaction. The same CPR number twice in
 * a municipality is a duplicate: the answer names the existing case instead.
 */
export async function registerCitizen(ctx: Ctx, body: RegisterBody): Promise<string> {
  const parsed = parseCpr(body.cpr);
  if (!parsed.ok) throw invalid({ da: `cpr: ${parsed.error.message_da}`, en: `cpr: ${parsed.error.message_en}` });
  for (const field of ['registered', 'benefit_start'] as const) {
    if (!isIsoDate(body[field])) throw invalid({ da: `${field}: ikke en gyldig dato.`, en: `${field}: not a valid date.` });
    if (body[field] > ctx.today) throw invalid({ da: `${field}: må ikke ligge i fremtiden.`, en: `${field}: must not be in the future.` });
  }
  const cpr = parsed.value;
  const existing = await findByCpr(ctx, body.cpr);
  if (existing !== undefined) {
    throw new AppError(
      'conflict',
      { da: 'Borgeren er allerede registreret. Åbn den eksisterende sag.', en: 'The citizen is already registered. Open the existing case.' },
      { reason: 'duplicate_citizen', case_id: existing.openCaseId, citizen_id: existing.citizenId },
    );
  }
  const caseworkerId = body.caseworker_id ?? (ctx.actor.roles.includes('caseworker') ? ctx.actor.userId : null);
  // Every case has a caseworker from the start: a case nobody owns is a case nobody sees.
  if (caseworkerId === null) throw invalid({ da: 'caseworker_id: vælg den sagsbehandler, der skal have sagen.', en: 'caseworker_id: choose the caseworker who gets the case.' });
  const teamId = await assertAssignable(ctx, caseworkerId, 0);
  const citizenId = randomUUID();
  const caseId = randomUUID();
  const m = ctx.actor.municipalityId;
  await ctx.db
    .insertInto('citizen')
    .values({
      municipality_id: m,
      id: citizenId,
      pseudonym: pseudonymFor(citizenId),
      cpr_ciphertext: encryptCpr(cpr.digits, ctx.keyring, `${m}/${citizenId}`),
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
    })
    .execute();
  await ctx.db
    .insertInto('citizen_case')
    .values({
      municipality_id: m,
      id: caseId,
      case_number: await nextCaseNumber(ctx, Number(body.registered.slice(0, 4))),
      citizen_id: citizenId,
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
    })
    .execute();
  await ctx.db
    .insertInto('case_change')
    .values({ municipality_id: m, id: randomUUID(), case_id: caseId, kind: 'registered', from_value: null, to_value: caseworkerId, reason: null, actor_id: ctx.actor.userId })
    .execute();
  await refreshCaseDeadlines(ctx.db, m, caseId, ctx.today);
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId, action: 'create', entity: 'citizen', entityId: citizenId, purpose: 'registration', requestId: ctx.requestId }, ctx.now);
  return caseId;
}
