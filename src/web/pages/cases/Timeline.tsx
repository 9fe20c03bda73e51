// Everything that happened on the case, newest first, filterable by type. A wrongly recorded
// event can be voided with a reason; it stays in the history, marked.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANGE_KINDS, EVENT_TYPES } from '../../../core/vocabulary.js';
import { api } from '../../api/browser.js';
import { voidEvent } from '../../api/cases.js';
import { asApiError } from '../../api/client.js';
import { timelineQuery } from '../../api/queries.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { useNotify } from '../../components/Notices.js';
import { pageCount } from '../../components/pages.js';
import { Pagination } from '../../components/Pagination.js';
import { SelectField } from '../../components/SelectField.js';
import { Spinner } from '../../components/Spinner.js';
import { useSearchParams } from '../../hooks/useSearchParams.js';
import { formatIsoDate, formatMoment } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import type { CaseFormProps } from './caseForm.js';
import { ReasonForm } from './ReasonForm.js';
import { entryDetails, entryName, TIMELINE_FILTERS } from './timelineText.js';

const PAGE_SIZE = 20;

export function Timeline({ detail, onSaved, onConflict }: CaseFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The filter and page live in the address (?type=…&side=…), so a reload or a link shows the same entries.
  const [params, setParams] = useSearchParams();
  const asked = params.get('type') ?? '';
  const filter = TIMELINE_FILTERS.some((value) => value === asked) ? asked : '';
  const askedPage = Number(params.get('side') ?? '1');
  const page = Number.isInteger(askedPage) && askedPage >= 1 ? askedPage : 1;
  const [draftFilter, setDraftFilter] = useState(filter);
  const show = (nextFilter: string, nextPage: number): void => {
    const next = new URLSearchParams();
    if (nextFilter !== '') next.set('type', nextFilter);
    if (nextPage > 1) next.set('side', String(nextPage));
    setParams(next);
  };
  const [voiding, setVoiding] = useState<string | null>(null);
  const options = { types: filter === '' ? undefined : filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const query = useQuery(timelineQuery(detail.id, options));
  const notify = useNotify();

  const filterLabel = (value: string): string => {
    const type = EVENT_TYPES.find((candidate) => candidate === value);
    if (type !== undefined) return t(`vocabulary.eventType.${type}`);
    const kind = CHANGE_KINDS.find((candidate) => candidate === value);
    return kind === undefined ? value : t(`vocabulary.changeKind.${kind}`);
  };

  const result = query.data;
  return (
    <>
      <form
        className="form timeline-filter"
        noValidate
        aria-label={t('timeline.filterLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          show(draftFilter, 1);
        }}
      >
        <SelectField
          id="timeline-filter"
          label={t('timeline.filter')}
          value={draftFilter}
          options={[
            { value: '', label: t('timeline.all') },
            ...TIMELINE_FILTERS.map((value) => ({ value, label: filterLabel(value) })),
          ]}
          onChange={(event) => {
            setDraftFilter(event.target.value);
          }}
        />
        <button type="submit" className="button button-secondary mt-4">
          {t('timeline.apply')}
        </button>
      </form>
      {query.isError && (
        <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} headingLevel={3} />
      )}
      {result === undefined ? (
        query.isPending && <Spinner text={t('timeline.loading')} />
      ) : result.items.length === 0 ? (
        <p aria-live="polite">{t('timeline.empty')}</p>
      ) : (
        <div aria-busy={query.isFetching}>
          <ol className="nobullet-list timeline" aria-label={t('timeline.listLabel')}>
            {result.items.map((item) => (
              <li
                key={item.id}
                className={item.voided ? 'timeline-item timeline-voided' : 'timeline-item'}
                data-type={item.type}
              >
                <p className="timeline-head">
                  <strong>{entryName(item, t)}</strong>
                  {item.voided && <span className="badge badge-warning ml-3">{t('timeline.voided')}</span>}
                  <br />
                  <span className="timeline-when">
                    {formatIsoDate(item.date, language)}
                    {item.actor !== null && ` · ${t('timeline.by', { name: item.actor.name })}`}
                    <span className="sr-only">
                      , {t('timeline.recordedAt', { at: formatMoment(item.at, language) })}
                    </span>
                  </span>
                </p>
                {entryDetails(item, t, language).map((line) => (
                  <p key={line} className="timeline-detail">
                    {line}
                  </p>
                ))}
                {item.source === 'event' && !item.voided && detail.access.write && voiding !== item.id && (
                  <button
                    type="button"
                    className="function-link"
                    onClick={() => {
                      setVoiding(item.id);
                    }}
                  >
                    {t('timeline.void')}
                    <span className="sr-only">
                      : {entryName(item, t)}, {formatIsoDate(item.date, language)}
                    </span>
                  </button>
                )}
                {voiding === item.id && (
                  <ReasonForm
                    id={`void-${item.id}-reason`}
                    formLabel={t('timeline.voidLabel')}
                    label={t('timeline.voidReasonLabel')}
                    missing={t('timeline.voidReasonMissing')}
                    submit={t('timeline.voidSubmit')}
                    send={async (reason) => {
                      const next = await voidEvent(api, detail.id, item.id, { reason, version: item.version });
                      setVoiding(null);
                      onSaved(next);
                      notify(
                        t('timeline.voidedNotice'),
                        t('timeline.voidedNoticeText', {
                          entry: entryName(item, t),
                          date: formatIsoDate(item.date, language),
                        }),
                      );
                    }}
                    onConflict={(error) => {
                      const handled = onConflict(error);
                      if (handled) setVoiding(null);
                      return handled;
                    }}
                    onCancel={() => {
                      setVoiding(null);
                    }}
                  />
                )}
              </li>
            ))}
          </ol>
          <Pagination
            current={page}
            total={pageCount(result.total, PAGE_SIZE)}
            label={t('timeline.pagination')}
            onChange={(next) => {
              show(filter, next);
            }}
          />
        </div>
      )}
    </>
  );
}
