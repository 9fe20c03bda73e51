// The case's "Status" section: what the citizen has been doing from when to when (ordinary
// job, flexjob, internship, …), newest first. These periods are the weekly outcomes of any
// experiment the citizen takes part in. Recording, ending and voiding need `access.write`.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import type { CaseBody } from '../../api/cases.js';
import { fetchStatusPeriods, type StatusPeriod } from '../../api/status-periods.js';
import { Alert } from '../../components/Alert.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { Spinner } from '../../components/Spinner.js';
import { useConflict } from '../../hooks/useConflict.js';
import { useLoad } from '../../hooks/useLoad.js';
import { formatIsoDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { AddStatusPeriodForm, EndStatusPeriodForm, VoidStatusPeriodForm } from './StatusPeriodForms.js';
import './status-periods.css';

type Editing = { id: string; action: 'end' | 'void' } | null;

export function StatusPeriods({ detail }: { detail: CaseBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [attempt, setAttempt] = useState(0);
  const [load, reload, replace] = useLoad(() => fetchStatusPeriods(api, detail.id), `${detail.id}|${String(attempt)}`);
  const [editing, setEditing] = useState<Editing>(null);
  // A conflict carries the period, not the list: load the list again.
  const conflict = useConflict(() => {
    setEditing(null);
    setAttempt((n) => n + 1);
  });
  const write = detail.access.write && detail.status === 'open';

  const saved = (periods: StatusPeriod[]): void => {
    setEditing(null);
    conflict.clear();
    replace(periods);
  };
  const source = (value: StatusPeriod['source']): string =>
    value === 'caseworker' ? t('statusPeriods.sources.caseworker') : value;
  const describe = (period: StatusPeriod): string =>
    `${t(`vocabulary.periodStatus.${period.status}`)}, ${formatIsoDate(period.start_date, language)}${period.end_date === null ? '' : ` – ${formatIsoDate(period.end_date, language)}`}`;

  const periods = load.value;
  return (
    <>
      <p>{t('statusPeriods.intro')}</p>
      {conflict.shown && <Alert variant="warning" heading={t('statusPeriods.conflict')} headingLevel={3} />}
      {load.status === 'failed' && <LoadFailed error={load.error} onRetry={reload} headingLevel={3} />}
      {periods === undefined ? (
        load.status === 'loading' && <Spinner text={t('statusPeriods.loading')} />
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
                  onSaved: saved,
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
      {write && <AddStatusPeriodForm caseId={detail.id} onSaved={saved} />}
    </>
  );
}
