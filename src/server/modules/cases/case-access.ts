import { randomUUID } from 'node:crypto';
import type { ActorScope } from '../../../core/access/case-scope.js';
import { caseAccess } from '../../../core/access/case-scope.js';
import { formatCpr } from '../../../core/cpr/index.js';
import type { Ctx } from '../../context.js';
import { decryptCpr } from '../../crypto/index.js';
import { notFound } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import { findByCpr } from './registration.js';

/** How long a broken glass stays open. */
export const BREAK_GLASS_HOURS = 8;

/** Opens an out-of-scope case for reading with a written reason: logged, and shown to the team leader. */
export async function breakGlass(ctx: Ctx, c: { id: string; citizenId: string }, reason: string): Promise<{ expires_at: string }> {
  const expires = new Date(ctx.now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
  await ctx.db
    .insertInto('case_access_grant')
    .values({ municipality_id: ctx.actor.municipalityId, id: randomUUID(), case_id: c.id, user_id: ctx.actor.userId, reason, expires_at: expires })
    .execute();
  await ctx.db
    .insertInto('case_change')
    .values({ municipality_id: ctx.actor.municipalityId, id: randomUUID(), case_id: c.id, kind: 'break_glass', from_value: null, to_value: ctx.actor.userId, reason, actor_id: ctx.actor.userId })
    .execute();
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId: c.citizenId, action: 'break_glass', entity: 'case', entityId: c.id, purpose: reason, requestId: ctx.requestId }, ctx.now);
  return { expires_at: expires.toISOString() };
}

/** The full CPR number, for a stated purpose; a deliberate, logged act. */
export async function revealCpr(ctx: Ctx, c: { id: string; citizenId: string }, purpose: string): Promise<string> {
  const m = ctx.actor.municipalityId;
  const row = await ctx.db.selectFrom('citizen').select('cpr_ciphertext').where('municipality_id', '=', m).where('id', '=', c.citizenId).executeTakeFirstOrThrow();
  const digits = decryptCpr(row.cpr_ciphertext, ctx.keyring, `${m}/${c.citizenId}`);
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId: c.citizenId, action: 'reveal_cpr', entity: 'citizen', entityId: c.citizenId, purpose, requestId: ctx.requestId }, ctx.now);
  return formatCpr(digits);
}

/**
 * Finds a case by whole CPR number (sent in a body, never a URL). Outside the caller's scope
 * it answers only that the case exists, so the caller can break the glass with a reason.
 */
export async function findCaseByCpr(ctx: Ctx, scope: ActorScope, cpr: string): Promise<{ case_id: string; in_scope: boolean }> {
  const found = await findByCpr(ctx, cpr);
  if (found?.openCaseId === null || found === undefined) throw notFound({ da: 'Ingen åben sag med det CPR-nummer.', en: 'No open case with that CPR number.' });
  const caseId = found.openCaseId;
  const c = await ctx.db.selectFrom('citizen_case').select(['caseworker_id', 'team_id']).where('municipality_id', '=', ctx.actor.municipalityId).where('id', '=', caseId).executeTakeFirstOrThrow();
  const access = caseAccess(scope, { id: caseId, municipalityId: ctx.actor.municipalityId, citizenId: found.citizenId, caseworkerId: c.caseworker_id, teamId: c.team_id });
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId: found.citizenId, action: 'read', entity: 'cpr_search', entityId: caseId, purpose: 'case_search', requestId: ctx.requestId }, ctx.now);
  return { case_id: caseId, in_scope: access.read };
}
