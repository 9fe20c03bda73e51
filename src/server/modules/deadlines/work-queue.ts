import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { actorScope } from '../access/service.js';
import * as audit from '../audit/service.js';
import * as q from './queries.js';
import type { QueueQuery, WorkQueue } from './schema.js';

/**
 * Open and overdue deadlines, soonest first: of the caseworker's own caseload (`mine`), or of
 * the teams they work in or lead (`team`), which is the default for a team leader.
 */
export async function workQueue(ctx: Ctx, query: QueueQuery): Promise<WorkQueue> {
  const { actor } = ctx;
  const scope = query.scope ?? (actor.roles.includes('caseworker') ? 'mine' : 'team');
  const base = {
    today: ctx.today,
    ...(query.rule === undefined ? {} : { rule: query.rule }),
    ...(query.track === undefined ? {} : { track: query.track }),
  };
  let filter: q.QueueFilter;
  if (scope === 'mine') {
    if (!actor.roles.includes('caseworker'))
      throw invalid({
        da: 'scope: kun sagsbehandlere har en egen sagsstamme.',
        en: 'scope: only caseworkers have a caseload of their own.',
      });
    filter = { ...base, caseworkerId: actor.userId };
  } else {
    const s = await actorScope(ctx.db, actor, ctx.now);
    const teams = [
      ...new Set([
        ...(actor.roles.includes('team_leader') ? s.leads : []),
        ...(actor.roles.includes('caseworker') ? s.memberOf : []),
      ]),
    ];
    filter = { ...base, teamIds: teams };
  }
  const counts = await q.queueCounts(ctx.db, filter);
  const rows = await q.queuePage(
    ctx.db,
    { ...filter, ...(query.status === undefined ? {} : { status: query.status }) },
    query.limit ?? 50,
    query.offset ?? 0,
  );
  await audit.record(
    ctx,
    [...new Map(rows.map((r) => [r.citizen_id, r])).values()].map((r) => ({
      citizenId: r.citizen_id,
      action: 'read' as const,
      entity: 'work_queue',
      entityId: r.case_id,
      purpose: 'case_work',
    })),
  );
  return {
    counts: { ...counts, total: counts.open + counts.overdue },
    items: rows.map((r) => ({
      case_id: r.case_id,
      case_number: r.case_number,
      citizen_name: r.citizen_name,
      rule: r.rule,
      title: r.title,
      title_en: r.title_en,
      due: r.due,
      status: r.due < ctx.today ? ('overdue' as const) : ('open' as const),
      basis: r.basis,
      explanation: r.explanation,
      explanation_en: r.explanation_en,
      category: r.category,
      track: r.track,
      caseworker: r.caseworker_id === null ? null : { id: r.caseworker_id, name: r.caseworker_name ?? '' },
    })),
  };
}
