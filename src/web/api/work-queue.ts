// The work queue: citizens of the caller's own caseload or their teams' with unmet deadlines, most urgent first.
import type { QueueQuery, WorkQueue } from '../../server/modules/deadlines/schema.js';
import { queryString, type ApiClient } from './client.js';

export type { QueueCitizen, QueueDeadline, QueueQuery, WorkQueue } from '../../server/modules/deadlines/schema.js';

export type QueueScope = NonNullable<QueueQuery['scope']>;

export function fetchWorkQueue(api: ApiClient, query: QueueQuery): Promise<WorkQueue> {
  const { limit, offset, scope, rule, track, status, sort, order } = query;
  return api.request(
    'GET',
    `/api/work-queue${queryString({ limit, offset, scope, rule, track, status, sort, order })}`,
  );
}
