// The work queue: counts at the top, filters, then the unmet deadlines soonest first with their
// explanations, paged. Filters and page live in the query string.
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { fetchWorkQueue, type QueueScope, type WorkQueue as Queue } from '../../api/work-queue.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { pageCount } from '../../components/pages.js';
import { Pagination } from '../../components/Pagination.js';
import { Spinner } from '../../components/Spinner.js';
import { useLoad } from '../../hooks/useLoad.js';
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
}

function Counts({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const items = [
    { key: 'open', value: queue.counts.open, label: t('queue.counts.open') },
    { key: 'overdue', value: queue.counts.overdue, label: t('queue.counts.overdue') },
    { key: 'total', value: queue.counts.total, label: t('queue.counts.total') },
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

export function WorkQueue({ scope, headingLevel }: WorkQueueProps) {
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
    limit: QUEUE_PAGE_SIZE,
    offset: (view.page - 1) * QUEUE_PAGE_SIZE,
  };
  const [load, reload] = useLoad(() => fetchWorkQueue(api, query), JSON.stringify(query));
  const queue = load.value;

  const seenRules = useMemo(
    () => (queue?.items ?? []).map((item) => ({ id: item.rule, title: { da: item.title, en: item.title_en } })),
    [queue],
  );
  const rules = useMemo(() => ruleOptions(seenRules, language), [seenRules, language]);

  const show = (next: QueueView, focusResults: boolean): void => {
    setParams(writeQueueView(next, params));
    if (focusResults) resultsHeading.current?.focus();
  };
  const applyFilters = (filters: Filters): void => {
    show({ ...filters, page: 1 }, false);
  };

  if (queue === undefined) {
    if (load.status === 'failed') return <LoadFailed error={load.error} onRetry={reload} headingLevel={alertLevel} />;
    return <Spinner text={t('queue.loading')} />;
  }

  const matching = view.status === undefined ? queue.counts.total : queue.counts[view.status];
  const pages = pageCount(matching, QUEUE_PAGE_SIZE);
  const first = (view.page - 1) * QUEUE_PAGE_SIZE + 1;
  const last = first + queue.items.length - 1;
  const filterKey = `${view.rule ?? ''}|${view.track ?? ''}|${view.status ?? ''}`;

  return (
    <div className="work-queue" aria-busy={load.status === 'loading'}>
      <Counts queue={queue} />
      <QueueFilters key={filterKey} idPrefix={idPrefix} filters={view} rules={rules} onApply={applyFilters} />
      <Heading ref={resultsHeading} tabIndex={-1} className="results-heading" id={`${idPrefix}-results`}>
        {t('queue.resultsHeading')}
      </Heading>
      {load.status === 'failed' && <LoadFailed error={load.error} onRetry={reload} headingLevel={alertLevel} />}
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
      {queue.items.length > 0 && (
        <QueueTable items={queue.items} showCaseworker={scope === 'team'} caption={t('queue.caption')} />
      )}
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
