// The work queue: unmet deadlines of the caller's own caseload or their teams', soonest first.
import type { ApiClient } from './client.js';
import { integer, list, object, oneOf, personOrNull, text, textOrNull, type PersonRef } from './json.js';
import { TRACKS, type Track } from './vocabulary.js';

export const QUEUE_STATUSES = ['open', 'overdue'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export type QueueScope = 'mine' | 'team';

export interface QueueItem {
  case_id: string;
  case_number: string;
  citizen_name: string;
  rule: string;
  title: string;
  title_en: string;
  due: string;
  status: QueueStatus;
  basis: string;
  explanation: string;
  explanation_en: string;
  category: string | null;
  track: string | null;
  caseworker: PersonRef | null;
}

export interface QueueCounts {
  open: number;
  overdue: number;
  total: number;
}

export interface WorkQueue {
  counts: QueueCounts;
  items: QueueItem[];
}

export interface QueueQuery {
  scope?: QueueScope;
  rule?: string;
  track?: Track;
  status?: QueueStatus;
  limit: number;
  offset: number;
}

function parseItem(value: unknown): QueueItem {
  const item = object(value, 'queue item');
  return {
    case_id: text(item, 'case_id'),
    case_number: text(item, 'case_number'),
    citizen_name: text(item, 'citizen_name'),
    rule: text(item, 'rule'),
    title: text(item, 'title'),
    title_en: text(item, 'title_en'),
    due: text(item, 'due'),
    status: oneOf(item, 'status', QUEUE_STATUSES),
    basis: text(item, 'basis'),
    explanation: text(item, 'explanation'),
    explanation_en: text(item, 'explanation_en'),
    category: textOrNull(item, 'category'),
    track: textOrNull(item, 'track'),
    caseworker: personOrNull(item.caseworker),
  };
}

export function parseWorkQueue(json: unknown): WorkQueue {
  const body = object(json, 'work queue');
  const counts = object(body.counts, 'counts');
  return {
    counts: { open: integer(counts, 'open'), overdue: integer(counts, 'overdue'), total: integer(counts, 'total') },
    items: list(body.items, 'items', parseItem),
  };
}

export function isTrack(value: string): value is Track {
  return (TRACKS as readonly string[]).includes(value);
}

export function fetchWorkQueue(api: ApiClient, query: QueueQuery): Promise<WorkQueue> {
  const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.scope !== undefined) params.set('scope', query.scope);
  if (query.rule !== undefined) params.set('rule', query.rule);
  if (query.track !== undefined) params.set('track', query.track);
  if (query.status !== undefined) params.set('status', query.status);
  return api.request('GET', `/api/work-queue?${params.toString()}`, { parse: parseWorkQueue });
}
