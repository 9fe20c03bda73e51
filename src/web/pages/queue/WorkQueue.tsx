// The work queue: counts at the top, filters, then the citizens with unmet deadlines, the most
// urgent first, paged. Filters, sorting and page live in the query string. On the start page a
// compact form shows the first few citizens without the filters.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import { workQueueQuery } from '../../api/queries.js';
import type { QueueScope, WorkQueue as Queue } from '../../api/work-queue.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { pageCount } from '../../components/pages.js';
import { Pagination } from '../../components/Pagination.js';
import { Spinner } from '../../components/Spinner.js';
import { useSearchParams } from '../../hooks/useSearchParams.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { QueueFilters } from './QueueFilters.js';
import {
  hasFilters,
  readQueueView,
  writeQueueView,
  type QueueFilters as Filters,
  type QueueView,
} from './queueQuery.js';
import { QueueTable } from './QueueTable.js';
import { ruleOptions } from './rules.js';
import './queue.css';

export const QUEUE_PAGE_SIZE = 25;

const HEADINGS = { 2: 'h2', 3: 'h3', 4: 'h4' } as const;

interface WorkQueueProps {
  scope: QueueScope;
  /** Level of the headings inside: 2 on the queue's own page, deeper inside a start-page section. */
  headingLevel: 2 | 3 | 4;
  /** The start page's short form: the first citizens, no filters, no paging. */
  compact?: boolean;
}

export const COMPACT_SIZE = 8;

function Counts({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const items = [
    { key: 'open', value: queue.counts.open, label: t('queue.counts.open') },
    { key: 'overdue', value: queue.counts.overdue, label: t('queue.counts.overdue') },
    { key: 'citizens', value: queue.counts.citizens, label: t('queue.counts.citizens') },
  ] as const;
  return (
    <ul className="queue-counts nobullet-list" aria-label={t('queue.counts.label')}>
      {items.map((item) => (
        <li
          key={item.key}
          className={item.key === 'overdue' && item.value > 0 ? 'queue-count queue-count-alert' : 'queue-count'}
          data-count={item.key}
        >
          <span className="queue-count-number">{formatNumber(item.value, language)}</span> <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

export function WorkQueue({ scope, headingLevel, compact = false }: WorkQueueProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const view = readQueueView(params);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const Heading = HEADINGS[headingLevel];
  const alertLevel = headingLevel === 2 ? 2 : 3;
  const idPrefix = `queue-${scope}`;

  const query = {
    scope,
    rule: view.rule,
    track: view.track,
    status: view.status,
    sort: view.sort,
    order: view.order,
    limit: compact ? COMPACT_SIZE : QUEUE_PAGE_SIZE,
    offset: compact ? 0 : (view.page - 1) * QUEUE_PAGE_SIZE,
  };
  const load = useQuery(workQueueQuery(query));
  const queue = load.data;
  const failed = load.isError ? (
    <LoadFailed error={asApiError(load.error)} onRetry={() => void load.refetch()} headingLevel={alertLevel} />
  ) : null;

  const seenRules = useMemo(
    () =>
      (queue?.items ?? []).flatMap((item) =>
        item.deadlines.map((deadline) => ({ id: deadline.rule, title: { da: deadline.title, en: deadline.title_en } })),
      ),
    [queue],
  );
  const rules = useMemo(() => ruleOptions(seenRules, language), [seenRules, language]);

  const show = (next: QueueView, focusResults: boolean): void => {
    setParams(writeQueueView(next, params));
    if (focusResults) resultsHeading.current?.focus();
  };
  const applyFilters = (filters: Filters): void => {
    show({ ...view, ...filters, page: 1 }, false);
  };

  if (queue === undefined) {
    if (failed !== null) return failed;
    return <Spinner text={t('queue.loading')} />;
  }

  const matching = queue.total;
  const pages = pageCount(matching, QUEUE_PAGE_SIZE);
  const first = (view.page - 1) * QUEUE_PAGE_SIZE + 1;
  const last = first + queue.items.length - 1;
  const filterKey = `${view.rule ?? ''}|${view.track ?? ''}|${view.status ?? ''}`;
  const table = (
    <QueueTable
      items={queue.items}
      showCaseworker={scope === 'team'}
      caption={t('queue.caption')}
      sort={view.sort}
      order={view.order}
      onSort={
        compact
          ? undefined
          : (sort, order) => {
              show({ ...view, sort, order, page: 1 }, false);
            }
      }
    />
  );

  if (compact) {
    return (
      <div className="work-queue" aria-busy={load.isFetching}>
        <Counts queue={queue} />
        {failed}
        {queue.items.length === 0 ? <p>{t('queue.empty')}</p> : table}
      </div>
    );
  }

  return (
    <div className="work-queue" aria-busy={load.isFetching}>
      <Counts queue={queue} />
      <QueueFilters key={filterKey} idPrefix={idPrefix} filters={view} rules={rules} onApply={applyFilters} />
      <Heading ref={resultsHeading} tabIndex={-1} className="results-heading" id={`${idPrefix}-results`}>
        {t('queue.resultsHeading')}
      </Heading>
      {failed}
      <p aria-live="polite" className="queue-showing">
        {queue.items.length === 0
          ? hasFilters(view)
            ? t('queue.emptyFiltered')
            : t('queue.empty')
          : t('queue.showing', {
              first: formatNumber(first, language),
              last: formatNumber(last, language),
              total: formatNumber(matching, language),
            })}
      </p>
      {queue.items.length > 0 && table}
      <Pagination
        current={view.page}
        total={pages}
        label={t('queue.pagination')}
        onChange={(page) => {
          show({ ...view, page }, true);
        }}
      />
    </div>
  );
}
