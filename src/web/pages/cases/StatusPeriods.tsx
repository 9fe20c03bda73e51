// The case's "Status" section: what the citizen has been doing from when to when (ordinary
// job, flexjob, internship, …), newest first. These periods are the weekly outcomes of any
// experiment the citizen takes part in. Recording, ending and voiding need `access.write`.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseBody } from '../../api/cases.js';
import { asApiError } from '../../api/client.js';
import { statusPeriodsQuery } from '../../api/queries.js';
import type { StatusPeriod } from '../../api/status-periods.js';
import { Alert } from '../../components/Alert.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { useNotify } from '../../components/Notices.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { Spinner } from '../../components/Spinner.js';
import { useConflict } from '../../hooks/useConflict.js';
import { formatIsoDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { AddStatusPeriodForm, EndStatusPeriodForm, VoidStatusPeriodForm } from './StatusPeriodForms.js';
import './status-periods.css';

type Editing = { id: string; action: 'end' | 'void' } | null;

export function StatusPeriods({ detail }: { detail: CaseBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const periodsQuery = statusPeriodsQuery(detail.id);
  const query = useQuery(periodsQuery);
  const [editing, setEditing] = useState<Editing>(null);
  // A conflict carries the period, not the list: load the list again.
  const conflict = useConflict(() => {
    setEditing(null);
    void client.invalidateQueries({ queryKey: periodsQuery.queryKey });
  });
  const write = detail.access.write && detail.status === 'open';
  const notify = useNotify();

  const saved = (periods: StatusPeriod[]): void => {
    setEditing(null);
    conflict.clear();
    client.setQueryData(periodsQuery.queryKey, periods);
    // Periods are the weekly outcomes of experiments: their enrolment lists follow.
    void client.invalidateQueries({ queryKey: ['experiment'] });
  };
  const source = (value: StatusPeriod['source']): string => t(`statusPeriods.sources.${value}`);
  const describe = (period: StatusPeriod): string =>
    `${t(`vocabulary.periodStatus.${period.status}`)}, ${formatIsoDate(period.start_date, language)}${period.end_date === null ? '' : ` – ${formatIsoDate(period.end_date, language)}`}`;

  /** Saves the list and confirms what happened to the period (found in the new list by its id). */
  const confirm = (periods: StatusPeriod[], heading: string, id: string | undefined): void => {
    saved(periods);
    const period = periods.find((candidate) => candidate.id === id);
    notify(heading, period === undefined ? undefined : t('statusPeriods.saved.text', { period: describe(period) }));
  };
  const added = (periods: StatusPeriod[]): void => {
    const before = new Set((query.data ?? []).map((period) => period.id));
    const period = periods.find((candidate) => !before.has(candidate.id));
    confirm(periods, t('statusPeriods.saved.added'), period?.id);
  };

  const periods = query.data;
  return (
    <>
      <p>{t('statusPeriods.intro')}</p>
      {conflict.shown && <Alert variant="warning" heading={t('statusPeriods.conflict')} headingLevel={3} />}
      {query.isError && (
        <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} headingLevel={3} />
      )}
      {periods === undefined ? (
        query.isPending && <Spinner text={t('statusPeriods.loading')} />
      ) : periods.length === 0 ? (
        <p>{t('statusPeriods.none')}</p>
      ) : (
        <ScrollRegion label={t('statusPeriods.caption')}>
          <table className="table table--compact status-periods">
            <caption className="sr-only">{t('statusPeriods.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statusPeriods.status')}</th>
                <th scope="col">{t('statusPeriods.from')}</th>
                <th scope="col">{t('statusPeriods.to')}</th>
                <th scope="col">{t('statusPeriods.source')}</th>
                {write && (
                  <th scope="col">
                    <span className="sr-only">{t('experiments.columns.action')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => {
                const label = describe(period);
                const form = editing?.id === period.id ? editing.action : null;
                const props = {
                  caseId: detail.id,
                  period,
                  label,
                  onSaved: (next: StatusPeriod[]) => {
                    confirm(
                      next,
                      t(form === 'end' ? 'statusPeriods.saved.ended' : 'statusPeriods.saved.voided'),
                      period.id,
                    );
                  },
                  onConflict: conflict.onConflict,
                  onCancel: () => setEditing(null),
                };
                return (
                  <tr
                    key={period.id}
                    data-period={period.id}
                    data-status={period.status}
                    data-voided={period.voided ? 'true' : 'false'}
                  >
                    <th scope="row">
                      <span className={period.voided ? 'period-voided' : undefined}>
                        {t(`vocabulary.periodStatus.${period.status}`)}
                      </span>
                      {period.voided && <span className="badge badge-warning ml-3">{t('statusPeriods.voided')}</span>}
                      {period.note !== null && <span className="period-note">{period.note}</span>}
                    </th>
                    <td className="text-nowrap">{formatIsoDate(period.start_date, language)}</td>
                    <td className="text-nowrap">
                      {period.end_date === null ? t('statusPeriods.ongoing') : formatIsoDate(period.end_date, language)}
                    </td>
                    <td>{source(period.source)}</td>
                    {write && (
                      <td>
                        {!period.voided && form === null && (
                          <div className="button-group">
                            {period.end_date === null && (
                              <button
                                type="button"
                                className="function-link"
                                onClick={() => setEditing({ id: period.id, action: 'end' })}
                              >
                                {t('statusPeriods.end')}
                                <span className="sr-only">: {label}</span>
                              </button>
                            )}
                            <button
                              type="button"
                              className="function-link"
                              onClick={() => setEditing({ id: period.id, action: 'void' })}
                            >
                              {t('statusPeriods.void')}
                              <span className="sr-only">: {label}</span>
                            </button>
                          </div>
                        )}
                        {form === 'end' && <EndStatusPeriodForm {...props} />}
                        {form === 'void' && <VoidStatusPeriodForm {...props} />}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {write && <AddStatusPeriodForm caseId={detail.id} onSaved={added} />}
    </>
  );
}
