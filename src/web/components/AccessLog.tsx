// Who has read or changed a citizen's data, newest first, a page at a time: the citizen's own
// "Hvem har set mine data" and the data-protection officer's view of one citizen. The API pages
// by the last event seen (`before`), so the pager steps to older and back to newer events.
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessEvent, AccessLogQuery } from '../api/access-log.js';
import { asApiError } from '../api/client.js';
import { formatMoment, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/index.js';
import { isRole } from '../roles.js';
import { LoadFailed } from './LoadFailed.js';
import { ScrollRegion } from './ScrollRegion.js';
import { Spinner } from './Spinner.js';
import './access-log.css';

export const ACCESS_LOG_PAGE_SIZE = 25;

export interface AccessLogPaging {
  /** What to ask the API for: one event more than a page, to know whether older ones exist. */
  query: AccessLogQuery;
  /** 1 for the newest page. */
  page: number;
  older: (lastSeq: number) => void;
  newer: () => void;
}

/** Where in the log the reader is: the `before` of each page they stepped through. */
export function useAccessLogPaging(): AccessLogPaging {
  const [cursors, setCursors] = useState<readonly number[]>([]);
  const before = cursors[cursors.length - 1];
  return {
    query: before === undefined ? { limit: ACCESS_LOG_PAGE_SIZE + 1 } : { limit: ACCESS_LOG_PAGE_SIZE + 1, before },
    page: cursors.length + 1,
    older: (lastSeq) => {
      setCursors((previous) => [...previous, lastSeq]);
    },
    newer: () => {
      setCursors((previous) => previous.slice(0, -1));
    },
  };
}

const ACTIONS = ['read', 'create', 'update', 'reveal_cpr', 'break_glass', 'export'] as const;
const ENTITIES = [
  'case',
  'case_list',
  'case_timeline',
  'case_contact_persons',
  'case_event',
  'case_visitation',
  'case_track',
  'case_caseworker',
  'case_status',
  'citizen',
  'cpr_search',
  'status_period',
  'work_queue',
  'experiment_eligible',
  'enrolment',
  'experiment_dataset',
] as const;
const PURPOSES = [
  'case_work',
  'case_search',
  'registration',
  'break_glass',
  'experiment',
  'evaluation',
  'own_data',
  'data_protection',
] as const;

function known<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function EventRow({ event, selfId }: { event: AccessEvent; selfId: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const roles = event.actor.role
    .split(',')
    .filter(isRole)
    .map((role) => t(`start.roles.${role}.name`))
    .join(', ');
  const who = event.actor.id === selfId ? t('accessLog.you') : (event.actor.name ?? t('accessLog.unknownActor'));
  return (
    <tr data-seq={event.seq} data-action={event.action}>
      <td className="text-nowrap">{formatMoment(event.occurred_at, language)}</td>
      <td>
        {who}
        {roles !== '' && <span className="d-block small-text">{roles}</span>}
      </td>
      <td>{known(ACTIONS, event.action) ? t(`accessLog.actions.${event.action}`) : event.action}</td>
      <td>{known(ENTITIES, event.entity) ? t(`accessLog.entities.${event.entity}`) : event.entity}</td>
      {/* A written reason (breaking the glass, showing the CPR number) is shown as it was written. */}
      <td>{known(PURPOSES, event.purpose) ? t(`accessLog.purposes.${event.purpose}`) : event.purpose}</td>
    </tr>
  );
}

interface AccessLogProps {
  id: string;
  heading: string;
  headingLevel: 2 | 3;
  result: UseQueryResult<AccessEvent[]>;
  paging: AccessLogPaging;
  /** The reader's own user id, so their own visits read "Dig". */
  selfId?: string;
  /** Said under the heading: what the log is. */
  intro?: string;
  empty: string;
  /** Moves focus to the heading when the log appears, e.g. as the answer to a search. */
  takeFocus?: boolean;
}

export function AccessLog({
  id,
  heading,
  headingLevel,
  result,
  paging,
  selfId,
  intro,
  empty,
  takeFocus = false,
}: AccessLogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) headingRef.current?.focus();
  }, [takeFocus]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const events = result.data?.slice(0, ACCESS_LOG_PAGE_SIZE) ?? [];
  const hasOlder = (result.data?.length ?? 0) > ACCESS_LOG_PAGE_SIZE;
  const last = events[events.length - 1];
  const first = (paging.page - 1) * ACCESS_LOG_PAGE_SIZE + 1;
  const step = (move: () => void): void => {
    move();
    headingRef.current?.focus();
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="access-log">
      <Heading id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </Heading>
      {intro !== undefined && <p>{intro}</p>}
      {result.isError && (
        <LoadFailed error={asApiError(result.error)} onRetry={() => void result.refetch()} headingLevel={3} />
      )}
      {result.data === undefined ? (
        result.isPending && <Spinner text={t('accessLog.loading')} />
      ) : (
        <div aria-busy={result.isFetching}>
          <p aria-live="polite">
            {/* While the next page loads the rows shown are still the last page's: say so, not the next page's numbers. */}
            {result.isPlaceholderData
              ? t('accessLog.loading')
              : events.length === 0
                ? empty
                : t('accessLog.showing', {
                    first: formatNumber(first, language),
                    last: formatNumber(first + events.length - 1, language),
                  })}
          </p>
          {events.length > 0 && (
            <ScrollRegion label={t('accessLog.events')}>
              <table className="table table--compact access-log-table">
                <caption className="sr-only">{t('accessLog.events')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('accessLog.columns.when')}</th>
                    <th scope="col">{t('accessLog.columns.who')}</th>
                    <th scope="col">{t('accessLog.columns.action')}</th>
                    <th scope="col">{t('accessLog.columns.data')}</th>
                    <th scope="col">{t('accessLog.columns.purpose')}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event) => (
                    <EventRow key={event.seq} event={event} selfId={selfId} />
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {(paging.page > 1 || hasOlder) && (
            <div role="group" className="access-log-pager" aria-label={t('accessLog.pager')}>
              {paging.page > 1 && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    step(paging.newer);
                  }}
                >
                  {t('accessLog.newer')}
                </button>
              )}
              {hasOlder && last !== undefined && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    step(() => {
                      paging.older(last.seq);
                    });
                  }}
                >
                  {t('accessLog.older')}
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
