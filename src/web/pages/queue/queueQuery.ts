// The work queue's filters, sorting and page as query-string parameters (Danish names, as the
// address is part of the UI): ?regel=…&spor=…&status=…&sortering=…&orden=…&side=…
import {
  isOneOf,
  QUEUE_SORTS,
  QUEUE_STATUSES,
  SORT_ORDERS,
  TRACKS,
  type QueueSort,
  type QueueStatus,
  type SortOrder,
  type Track,
} from '../../../core/vocabulary.js';

export interface QueueFilters {
  rule: string | undefined;
  track: Track | undefined;
  status: QueueStatus | undefined;
}

export interface QueueView extends QueueFilters {
  sort: QueueSort;
  order: SortOrder;
  page: number;
}

const PARAM = {
  rule: 'regel',
  track: 'spor',
  status: 'status',
  sort: 'sortering',
  order: 'orden',
  page: 'side',
} as const;

/** Unknown or malformed values are ignored rather than sent on to the API. */
export function readQueueView(params: URLSearchParams): QueueView {
  const rule = params.get(PARAM.rule) ?? '';
  const track = params.get(PARAM.track) ?? '';
  const status = params.get(PARAM.status) ?? '';
  const sort = params.get(PARAM.sort) ?? '';
  const order = params.get(PARAM.order) ?? '';
  const page = Number(params.get(PARAM.page) ?? '1');
  return {
    rule: /^[\w.-]{1,100}$/.test(rule) ? rule : undefined,
    track: isOneOf(TRACKS, track) ? track : undefined,
    status: isOneOf(QUEUE_STATUSES, status) ? status : undefined,
    sort: isOneOf(QUEUE_SORTS, sort) ? sort : 'urgency',
    order: isOneOf(SORT_ORDERS, order) ? order : 'asc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The view as parameters; other parameters in `base` (e.g. the page's own) are kept. */
export function writeQueueView(view: QueueView, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  const set = (name: string, value: string | undefined): void => {
    if (value === undefined) params.delete(name);
    else params.set(name, value);
  };
  set(PARAM.rule, view.rule);
  set(PARAM.track, view.track);
  set(PARAM.status, view.status);
  set(PARAM.sort, view.sort === 'urgency' ? undefined : view.sort);
  set(PARAM.order, view.order === 'asc' ? undefined : view.order);
  set(PARAM.page, view.page > 1 ? String(view.page) : undefined);
  return params;
}

export function hasFilters(view: QueueFilters): boolean {
  return view.rule !== undefined || view.track !== undefined || view.status !== undefined;
}
