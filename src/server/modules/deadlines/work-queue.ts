import { groupByCase, queueOrder, queueStatus } from '../../../core/cases/queue.js';
import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { actorScope } from '../access/service.js';
import * as audit from '../audit/service.js';
import * as q from './queries.js';
import type { QueueDeadline, QueueQuery, WorkQueue } from './schema.js';

/**
 * The citizens with open or overdue deadlines, each once with the most urgent of them first: of
 * the caseworker's own caseload (`mine`), or of the teams they work in or lead (`team`), which is
 * the default for a team leader. The rule, track and status filters choose which deadlines
 * count; a citizen with none that match is not listed. Sorted and paged by citizen.
 */
export async function workQueue(ctx: Ctx, query: QueueQuery): Promise<WorkQueue> {
  const { actor } = ctx;
  const scope = query.scope ?? (actor.roles.includes('caseworker') ? 'mine' : 'team');
  const base = {
    today: ctx.today,
    ...(query.rule === undefined ? {} : { rule: query.rule }),
    ...(query.track === undefined ? {} : { track: query.track }),
    ...(query.status === undefined ? {} : { status: query.status }),
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
  const rows = await q.queuePage(ctx.db, filter, {
    order: queueOrder(query.sort, query.order),
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  const groups = groupByCase(rows);
  await audit.record(
    ctx,
    groups.map(({ deadlines: [r] }) => ({
      citizenId: r.citizen_id,
      action: 'read' as const,
      entity: 'work_queue',
      entityId: r.case_id,
      purpose: 'case_work',
    })),
  );
  const deadline = (r: (typeof rows)[number]): QueueDeadline => ({
    rule: r.rule,
    title: r.title,
    title_en: r.title_en,
    due: r.due,
    status: queueStatus(r.due, ctx.today),
    basis: r.basis,
    explanation: r.explanation,
    explanation_en: r.explanation_en,
  });
  return {
    counts: {
      open: counts.open,
      overdue: counts.overdue,
      total: counts.open + counts.overdue,
      citizens: counts.citizens,
    },
    total: counts.listed,
    items: groups.map(({ deadlines }) => {
      const [r] = deadlines;
      return {
        case_id: r.case_id,
        case_number: r.case_number,
        citizen_name: r.citizen_name,
        category: r.category,
        track: r.track,
        caseworker: r.caseworker_id === null ? null : { id: r.caseworker_id, name: r.caseworker_name ?? '' },
        most_urgent: deadline(r),
        other_count: deadlines.length - 1,
        deadlines: deadlines.map(deadline),
      };
    }),
  };
}
