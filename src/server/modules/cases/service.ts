import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CaseAccess, CaseOwnership } from '../../../core/access/case-scope.js';
import type { CaseEvent } from '../../../core/rules/index.js';
import type { CaseStatus, Category, ChangeKind, Track } from '../../../core/vocabulary.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { Tenant } from '../../db/tenant.js';
import * as q from './queries.js';

// The cases module's use cases live beside this file, one file per concern: registration,
// reading (a case, the search, the CPR number), changes (visitation, track, events, caseworker,
// contact details) and timeline. This file holds what they share and what other modules call;
// it calls no other module's service, so access, deadlines and teams may call it without a cycle.

/** The case row a use case works on: read once in its transaction, and decided on there. */
export interface CaseRecord extends CaseOwnership {
  status: CaseStatus;
  registered: string;
  benefitStart: string;
  category: Category | null;
  track: Track | null;
  version: number;
}

/** A case as the access decision handed it to a use case: its row and what the caller may do. */
export interface CaseInHand extends CaseRecord {
  access: CaseAccess;
}

/** The case row, or undefined when the municipality has no such case; `lock` holds it until the transaction ends. */
export async function caseRecord(
  db: Tenant,
  caseId: string,
  options: { lock: boolean },
): Promise<CaseRecord | undefined> {
  const row = await q.caseRow(db, caseId, options.lock);
  if (row === undefined) return undefined;
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    citizenId: row.citizen_id,
    caseworkerId: row.caseworker_id,
    teamId: row.team_id,
    status: row.status,
    registered: row.registered,
    benefitStart: row.benefit_start,
    category: row.category,
    track: row.track,
    version: row.version,
  };
}

export async function citizenExists(db: Tenant, citizenId: string): Promise<boolean> {
  return q.citizenExists(db, citizenId);
}

/** Open cases per caseworker (0 for one who has none). */
export async function openCaseCounts(ctx: Ctx, userIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(userIds.map((id) => [id, 0]));
  for (const row of await q.openCaseCounts(ctx.db, [...new Set(userIds)])) {
    if (row.caseworker_id !== null) counts.set(row.caseworker_id, row.n);
  }
  return counts;
}

/** Keeps the case's history: what changed, from what to what, by whom and why. */
export async function recordChange(
  ctx: Ctx,
  caseId: string,
  kind: ChangeKind,
  from: string | null,
  to: string | null,
  reason: string | null,
): Promise<void> {
  await q.insertChange(ctx.db, {
    id: randomUUID(),
    case_id: caseId,
    kind,
    from_value: from,
    to_value: to,
    reason,
    actor_id: ctx.actor.userId,
  });
}

// Deadlines are the rule engine's verdict on a case: the deadlines module asks for the facts here.

/** The events that still count, oldest first, as the rule engine takes them. */
export async function engineEvents(db: Tenant, caseId: string): Promise<CaseEvent[]> {
  return (await q.activeEvents(db, caseId)).map(toEngineEvent);
}

function toEngineEvent(e: {
  type: string;
  date: string;
  end_date: string | null;
  held: boolean | null;
  mode: string | null;
  cancelled_by: string | null;
  kind: string | null;
}): CaseEvent {
  switch (e.type) {
    case 'conversation':
    case 'resource_conversation':
      return {
        type: e.type,
        date: e.date,
        held: e.held === true,
        ...(e.mode === null ? {} : { mode: e.mode }),
        ...(e.cancelled_by === null ? {} : { cancelled_by: e.cancelled_by }),
      };
    case 'activity':
      return { type: 'activity', date: e.date, kind: e.kind ?? 'other', end: e.end_date };
    case 'mentor':
      return { type: 'mentor', date: e.date, end: e.end_date };
    case 'company_consultant_contact':
    case 'rehab_team_referral':
      return { type: e.type, date: e.date };
    default:
      throw new Error(`unknown case event type ${e.type}`);
  }
}

/** Notes that the case's deadlines were evaluated on `today`. */
export async function markEvaluated(db: Tenant, caseId: string, today: string): Promise<void> {
  await q.setDeadlinesOn(db, caseId, today);
}

/** Marks every open case of the caller's municipality for re-evaluation. */
export async function markOpenCasesStale(ctx: Ctx): Promise<void> {
  await q.clearDeadlinesOfOpenCases(ctx.db);
}

/** Open cases of every municipality last evaluated before `today`, at most `limit`. */
export async function staleCases(
  kysely: Kysely<Database>,
  today: string,
  limit: number,
): Promise<{ municipalityId: string; id: string }[]> {
  return (await q.staleCases(kysely, today, limit)).map((r) => ({ municipalityId: r.municipality_id, id: r.id }));
}
