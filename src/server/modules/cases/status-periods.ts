import { randomUUID } from 'node:crypto';
import { isIsoDate } from '../../../core/rules/index.js';
import type { Ctx } from '../../context.js';
import { expectOneUpdated } from '../../db/versioned.js';
import { invalid } from '../../errors.js';
import { recordAudit } from '../audit/service.js';

// "Ordinary job from … to …", "company internship from … to …": what the citizen was doing,
// recorded on the case. The one source of an experiment's weekly outcomes.

export type PeriodStatus = 'active_measure' | 'internship' | 'subsidised_hours' | 'flexjob' | 'education' | 'ordinary_job';

const PERIOD_GONE = { da: 'Perioden findes ikke.', en: 'The period does not exist.' };

export async function listStatusPeriods(ctx: Ctx, caseId: string) {
  const rows = await ctx.db
    .selectFrom('status_period')
    .select(['id', 'status', 'start_date', 'end_date', 'source', 'note', 'voided_at', 'version'])
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('case_id', '=', caseId)
    .orderBy('start_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
  return rows.map(({ voided_at, ...r }) => ({ ...r, status: r.status as PeriodStatus, voided: voided_at !== null }));
}

function checkDates(start: string, end: string | null | undefined, today: string): void {
  if (!isIsoDate(start)) throw invalid({ da: 'start_date: ikke en gyldig dato.', en: 'start_date: not a valid date.' });
  if (start > today) throw invalid({ da: 'start_date: en periode registreres, når den er begyndt.', en: 'start_date: a period is recorded once it has begun.' });
  if (end !== undefined && end !== null) {
    if (!isIsoDate(end)) throw invalid({ da: 'end_date: ikke en gyldig dato.', en: 'end_date: not a valid date.' });
    if (end < start) throw invalid({ da: 'end_date: slutter før den starter.', en: 'end_date: ends before it starts.' });
  }
}

export async function addStatusPeriod(ctx: Ctx, c: { id: string; citizenId: string }, body: { status: PeriodStatus; start_date: string; end_date?: string | null; note?: string }): Promise<void> {
  checkDates(body.start_date, body.end_date, ctx.today);
  const id = randomUUID();
  await ctx.db
    .insertInto('status_period')
    .values({
      municipality_id: ctx.actor.municipalityId,
      id,
      citizen_id: c.citizenId,
      case_id: c.id,
      status: body.status,
      start_date: body.start_date,
      end_date: body.end_date ?? null,
      source: 'caseworker',
      note: body.note ?? null,
      recorded_by: ctx.actor.userId,
      voided_at: null,
      voided_by: null,
      void_reason: null,
    })
    .execute();
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId: c.citizenId, action: 'create', entity: 'status_period', entityId: id, purpose: 'case_work', requestId: ctx.requestId, details: { status: body.status } }, ctx.now);
}

async function current(ctx: Ctx, caseId: string, periodId: string) {
  return (await listStatusPeriods(ctx, caseId)).find((p) => p.id === periodId);
}

/** Changes a period from the version the caller read (409 when stale) and logs it. */
async function updatePeriod(ctx: Ctx, c: { id: string; citizenId: string }, periodId: string, version: number, changes: { end_date: string } | { voided_at: Date; voided_by: string; void_reason: string }): Promise<void> {
  const result = await ctx.db
    .updateTable('status_period')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('case_id', '=', c.id)
    .where('id', '=', periodId)
    .where('version', '=', version)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  await expectOneUpdated(result, () => current(ctx, c.id, periodId), PERIOD_GONE);
  const details: Record<string, string | boolean> = 'end_date' in changes ? { end_date: changes.end_date } : { voided: true };
  await recordAudit(ctx.db, { actor: ctx.actor, citizenId: c.citizenId, action: 'update', entity: 'status_period', entityId: periodId, purpose: 'case_work', requestId: ctx.requestId, details }, ctx.now);
}

export async function endStatusPeriod(ctx: Ctx, c: { id: string; citizenId: string }, periodId: string, body: { end_date: string; version: number }): Promise<void> {
  const before = await current(ctx, c.id, periodId);
  if (before !== undefined) checkDates(before.start_date, body.end_date, ctx.today);
  await updatePeriod(ctx, c, periodId, body.version, { end_date: body.end_date });
}

export async function voidStatusPeriod(ctx: Ctx, c: { id: string; citizenId: string }, periodId: string, body: { reason: string; version: number }): Promise<void> {
  await updatePeriod(ctx, c, periodId, body.version, { voided_at: ctx.now, voided_by: ctx.actor.userId, void_reason: body.reason });
}
