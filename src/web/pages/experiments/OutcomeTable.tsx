// The outcomes with estimates and 95 % intervals, the primary outcome first and marked.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Interval } from '../../api/experiments.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { useLanguage } from '../../i18n/index.js';
import type { Language } from '../../i18n/languages.js';
import { decimal, percent, points, pValue } from './figures.js';
import type { FigureKind, OutcomeRow } from './outcomeRows.js';

interface OutcomeTableProps {
  rows: readonly OutcomeRow[];
  treatmentLabel: string;
  controlLabel: string;
  n: { treatment: number; control: number };
}

function armValue(value: number | null, kind: FigureKind, t: TFunction, language: Language): string {
  if (value === null) return kind === 'hazard' ? t('experiments.report.notReached') : t('common.none');
  switch (kind) {
    case 'share':
      return percent(value, language);
    case 'weeks':
      return t('experiments.report.units.weeks', { value: decimal(value, language, 1) });
    case 'hazard':
      return t('experiments.report.units.weeks', { value: decimal(value, language, 0) });
  }
}

function difference(value: number | null, kind: FigureKind, t: TFunction, language: Language): string {
  if (value === null) return t('common.none');
  switch (kind) {
    case 'share':
      return t('experiments.report.units.points', { value: points(value, language) });
    case 'weeks':
      return t('experiments.report.units.weeks', { value: decimal(value, language, 1, true) });
    case 'hazard':
      return t('experiments.report.units.hazard', { value: decimal(value, language, 2) });
  }
}

function interval(value: Interval, kind: FigureKind, t: TFunction, language: Language): string {
  if (value === null) return t('common.none');
  const [low, high] = value;
  switch (kind) {
    case 'share':
      return t('experiments.report.intervalPoints', {
        low: points(low, language, false),
        high: points(high, language, false),
      });
    case 'weeks':
      return t('experiments.report.interval', { low: decimal(low, language, 1), high: decimal(high, language, 1) });
    case 'hazard':
      return t('experiments.report.interval', { low: decimal(low, language, 2), high: decimal(high, language, 2) });
  }
}

export function OutcomeTable({ rows, treatmentLabel, controlLabel, n }: OutcomeTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ScrollRegion label={t('experiments.report.outcomesCaption')}>
      <table className="table table--compact outcome-table">
        <caption className="sr-only">{t('experiments.report.outcomesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('experiments.report.columns.outcome')}</th>
            <th scope="col" className="align-text-right">
              {treatmentLabel} <span className="weight-normal">({t('experiments.report.n', { n: n.treatment })})</span>
            </th>
            <th scope="col" className="align-text-right">
              {controlLabel} <span className="weight-normal">({t('experiments.report.n', { n: n.control })})</span>
            </th>
            <th scope="col" className="align-text-right">
              {t('experiments.report.columns.difference')}
            </th>
            <th scope="col">{t('experiments.report.columns.interval')}</th>
            <th scope="col" className="align-text-right">
              {t('experiments.report.columns.p')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.outcome}
              data-outcome={row.outcome}
              data-role={row.role}
              className={row.role === 'primary' ? 'primary-outcome' : undefined}
            >
              <th scope="row">
                {t(`experiments.outcomes.${row.outcome}`)}
                {row.role !== 'other' && (
                  <>
                    {' '}
                    <strong className={row.role === 'primary' ? 'badge badge-info' : 'badge'}>
                      {t(`experiments.report.roles.${row.role}`)}
                    </strong>
                  </>
                )}
                <span className="outcome-method">{t(`experiments.report.methods.${row.method}`)}</span>
              </th>
              <td className="align-text-right text-nowrap">{armValue(row.treatment, row.kind, t, language)}</td>
              <td className="align-text-right text-nowrap">{armValue(row.control, row.kind, t, language)}</td>
              <td className="align-text-right text-nowrap" data-field="difference">
                {difference(row.difference, row.kind, t, language)}
              </td>
              <td className="text-nowrap" data-field="interval">
                {interval(row.interval, row.kind, t, language)}
              </td>
              <td className="align-text-right text-nowrap">
                {row.p === null ? t('common.none') : pValue(row.p, language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
