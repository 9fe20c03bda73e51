// The work queue: unmet deadlines of the caller's own caseload or their teams', soonest first.
import type { QueueQuery, WorkQueue } from '../../server/modules/deadlines/schema.js';
import { queryString, type ApiClient } from './client.js';

export type { QueueItem, QueueQuery, WorkQueue } from '../../server/modules/deadlines/schema.js';

export type QueueScope = NonNullable<QueueQuery['scope']>;

export function fetchWorkQueue(api: ApiClient, query: QueueQuery): Promise<WorkQueue> {
  const { limit, offset, scope, rule, track, status } = query;
  return api.request('GET', `/api/work-queue${queryString({ limit, offset, scope, rule, track, status })}`);
}
