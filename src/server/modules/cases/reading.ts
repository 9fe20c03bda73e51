import type { CaseAccess } from '../../../core/access/case-scope.js';
import { formatCpr } from '../../../core/cpr/index.js';
import type { Ctx } from '../../context.js';
import { decryptCpr } from '../../crypto/index.js';
import { invalid, notFound } from '../../errors.js';
import { actorScope, withCase } from '../access/service.js';
import * as audit from '../audit/service.js';
import { caseDeadlines } from '../deadlines/service.js';
import * as q from './queries.js';
import type { CaseBody, CasePage, SearchQuery } from './schema.js';
import type { CaseInHand } from './service.js';

/** The case as the API shows it, with what the caller may do (no audit: callers decide what the read is for). */
export async function caseBody(ctx: Ctx, caseId: string, access: CaseAccess): Promise<CaseBody> {
  const row = await q.caseView(ctx.db, caseId);
  if (row === undefined) throw notFound();
  return {
    id: row.id,
    case_number: row.case_number,
    status: row.status,
    registered: row.registered,
    benefit: row.benefit,
    benefit_start: row.benefit_start,
    category: row.category,
    category_reason: row.category_reason,
    track: row.track,
    track_reason: row.track_reason,
    closed_on: row.closed_on,
    close_reason: row.close_reason,
    close_reason_text: row.close_reason_text,
    version: row.version,
    caseworker: row.caseworker_id === null ? null : { id: row.caseworker_id, name: row.caseworker_name ?? '' },
    team:
      row.team_id === null ? null : { id: row.team_id, name: row.team_name ?? '', caseload_cap: row.caseload_cap ?? 0 },
    citizen: {
      id: row.citizen_id,
      name: row.name,
      cpr_masked: row.cpr_masked,
      birth_date: row.birth_date,
      address: row.address,
      phone: row.phone,
      email: row.email,
      contact_channel: row.contact_channel,
      language: row.language,
      interpreter_needed: row.interpreter_needed,
      version: row.citizen_version,
    },
    access: { write: access.write, reassign: access.reassign, close: access.close, via_grant: access.viaGrant },
    deadlines: await caseDeadlines(ctx, caseId),
  };
}

/** Reads a case for case work (or through broken glass), writing the audit event in the same transaction. */
export async function readCase(ctx: Ctx, c: CaseInHand): Promise<CaseBody> {
  const body = await caseBody(ctx, c.id, c.access);
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'read',
    entity: 'case',
    entityId: c.id,
    purpose: c.access.viaGrant ? 'break_glass' : 'case_work',
  });
  return body;
}

/**
 * The case of the citizen who is logged in, read-only: the open one, else the one closed last.
 * The citizen's own login names the citizen record; the access decision is the same as for any
 * read of a case. Logged like every read, so the citizen's own visits show in their access log too.
 */
export async function readMyCase(ctx: Ctx): Promise<CaseBody> {
  const { citizenId } = await actorScope(ctx.db, ctx.actor, ctx.now);
  const caseId = citizenId === null ? undefined : await q.currentCaseOf(ctx.db, citizenId);
  if (caseId === undefined)
    throw notFound({ da: 'Du har ingen sag hos kommunen.', en: 'You have no case with the municipality.' });
  const c = await withCase(ctx, caseId, 'read');
  const body = await caseBody(ctx, c.id, c.access);
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'read',
    entity: 'case',
    entityId: c.id,
    purpose: 'own_data',
  });
  return body;
}

// A ten-digit run in a search box is a whole CPR number: it must travel in a request body.
const WHOLE_CPR = /\d{6}-?\d{4}/;

/** Cases the actor may see, searched by name, case number or the birth-date part of the CPR number. */
export async function searchCases(ctx: Ctx, query: SearchQuery): Promise<CasePage> {
  const text = (query.q ?? '').trim();
  if (WHOLE_CPR.test(text)) {
    throw invalid({
      da: 'Søg på et helt CPR-nummer med CPR-søgningen (det må ikke stå i adressen).',
      en: 'Search by a whole CPR number with the CPR search (it must not be in the address).',
    });
  }
  const birth = /^(\d{6})(-x{0,4})?$/i.exec(text);
  const { total, rows } = await q.searchCases(ctx.db, await actorScope(ctx.db, ctx.actor, ctx.now), {
    status: query.status ?? 'open',
    q:
      text === ''
        ? null
        : { name: text.toLowerCase(), caseNumber: text, cprMasked: birth === null ? null : `${birth[1] ?? ''}-xxxx` },
    sort: query.sort ?? 'name',
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  await audit.record(
    ctx,
    rows.map((r) => ({
      citizenId: r.citizen_id,
      action: 'read' as const,
      entity: 'case_list',
      entityId: r.id,
      purpose: 'case_search',
    })),
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      case_number: r.case_number,
      status: r.status,
      citizen_name: r.name,
      cpr_masked: r.cpr_masked,
      category: r.category,
      track: r.track,
      registered: r.registered,
      caseworker: r.caseworker_id === null ? null : { id: r.caseworker_id, name: r.caseworker_name ?? '' },
    })),
  };
}

/** The full CPR number, for a stated purpose; a deliberate, logged act. */
export async function revealCpr(ctx: Ctx, c: CaseInHand, purpose: string): Promise<{ cpr: string }> {
  const digits = decryptCpr(
    await q.cprCiphertext(ctx.db, c.citizenId),
    ctx.keyring,
    `${ctx.db.municipalityId}/${c.citizenId}`,
  );
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'reveal_cpr',
    entity: 'citizen',
    entityId: c.citizenId,
    purpose,
  });
  return { cpr: formatCpr(digits) };
}
