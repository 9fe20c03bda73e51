import { randomUUID } from 'node:crypto';
import { isIsoDate } from '../../../core/rules/index.js';
import type { Ctx } from '../../context.js';
import { expectOneUpdated } from '../../db/versioned.js';
import { invalid } from '../../errors.js';
import * as audit from '../audit/service.js';
import type { CaseInHand } from '../cases/service.js';
import * as q from './queries.js';
import type { EndPeriodInput, StatusPeriod, StatusPeriodInput } from './schema.js';

// "Ordinary job from … to …", "company internship from … to …": what the citizen was doing,
// recorded on the case. The one source of an experiment's weekly outcomes. Each use case takes
// the case as the access decision handed it (access's withCase).

const PERIOD_GONE = { da: 'Perioden findes ikke.', en: 'The period does not exist.' };

const asPeriod = ({ voided_at, ...r }: { voided_at: Date | null } & Omit<StatusPeriod, 'voided'>): StatusPeriod => ({
  ...r,
  voided: voided_at !== null,
});

async function periods(ctx: Ctx, caseId: string): Promise<StatusPeriod[]> {
  return (await q.periodsOfCase(ctx.db, caseId)).map(asPeriod);
}

/** The case's periods, latest first, read for case work (or through broken glass). */
export async function readStatusPeriods(ctx: Ctx, c: CaseInHand): Promise<StatusPeriod[]> {
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'read',
    entity: 'status_period',
    entityId: c.id,
    purpose: c.access.viaGrant ? 'break_glass' : 'case_work',
  });
  return periods(ctx, c.id);
}

function checkDates(start: string, end: string | null | undefined, today: string): void {
  if (!isIsoDate(start)) throw invalid({ da: 'start_date: ikke en gyldig dato.', en: 'start_date: not a valid date.' });
  if (start > today)
    throw invalid({
      da: 'start_date: en periode registreres, når den er begyndt.',
      en: 'start_date: a period is recorded once it has begun.',
    });
  if (end !== undefined && end !== null) {
    if (!isIsoDate(end)) throw invalid({ da: 'end_date: ikke en gyldig dato.', en: 'end_date: not a valid date.' });
    if (end < start)
      throw invalid({ da: 'end_date: slutter før den starter.', en: 'end_date: ends before it starts.' });
  }
}

/** Records a period (open-ended allowed); answers the case's periods. */
export async function addStatusPeriod(ctx: Ctx, c: CaseInHand, body: StatusPeriodInput): Promise<StatusPeriod[]> {
  checkDates(body.start_date, body.end_date, ctx.today);
  const id = randomUUID();
  await q.insertPeriod(ctx.db, {
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
  });
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'create',
    entity: 'status_period',
    entityId: id,
    purpose: 'case_work',
    details: { status: body.status },
  });
  return periods(ctx, c.id);
}

async function current(ctx: Ctx, caseId: string, periodId: string): Promise<StatusPeriod | undefined> {
  const row = await q.periodOfCase(ctx.db, caseId, periodId);
  return row === undefined ? undefined : asPeriod(row);
}

/** Changes a period from the version the caller read (409 when stale), logs it and answers the case's periods. */
async function updatePeriod(
  ctx: Ctx,
  c: CaseInHand,
  periodId: string,
  version: number,
  changes: { end_date: string } | { voided_at: Date; voided_by: string; void_reason: string },
): Promise<StatusPeriod[]> {
  const result = await q.updatePeriod(ctx.db, c.id, periodId, version, changes);
  await expectOneUpdated(result, () => current(ctx, c.id, periodId), PERIOD_GONE);
  const details: Record<string, string | boolean> =
    'end_date' in changes ? { end_date: changes.end_date } : { voided: true };
  await audit.record(ctx, {
    citizenId: c.citizenId,
    action: 'update',
    entity: 'status_period',
    entityId: periodId,
    purpose: 'case_work',
    details,
  });
  return periods(ctx, c.id);
}

export async function endStatusPeriod(
  ctx: Ctx,
  c: CaseInHand,
  periodId: string,
  body: EndPeriodInput,
): Promise<StatusPeriod[]> {
  const before = await current(ctx, c.id, periodId);
  if (before !== undefined) checkDates(before.start_date, body.end_date, ctx.today);
  return updatePeriod(ctx, c, periodId, body.version, { end_date: body.end_date });
}

export async function voidStatusPeriod(
  ctx: Ctx,
  c: CaseInHand,
  periodId: string,
  body: { reason: string; version: number },
): Promise<StatusPeriod[]> {
  return updatePeriod(ctx, c, periodId, body.version, {
    voided_at: ctx.now,
    voided_by: ctx.actor.userId,
    void_reason: body.reason,
  });
}
