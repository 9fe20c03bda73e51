// How alike the two arms were at enrolment: means of the baseline variables with the
// standardised mean difference, and how many of each arm are in each stratum.
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../api/experiments.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { decimal } from './figures.js';
import { useStratumText } from './StratumText.js';

interface BalanceTablesProps {
  evaluation: Evaluation;
  treatmentLabel: string;
  controlLabel: string;
}

const KNOWN_VARIABLES = ['age', 'years_on_benefit', 'years_unemployed'] as const;

export function BalanceTables({ evaluation, treatmentLabel, controlLabel }: BalanceTablesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stratum = useStratumText();
  const variable = (name: string): string => {
    const known = KNOWN_VARIABLES.find((candidate) => candidate === name);
    return known === undefined ? name : t(`experiments.report.variables.${known}`);
  };
  const mean = (value: number | null): string => (value === null ? t('common.none') : decimal(value, language, 1));
  return (
    <>
      <p>{t('experiments.report.balanceIntro')}</p>
      <ScrollRegion label={t('experiments.report.balanceCaption')}>
        <table className="table table--compact balance-table">
          <caption>{t('experiments.report.balanceCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('experiments.report.columns.variable')}</th>
              <th scope="col" className="align-text-right">
                {treatmentLabel}
              </th>
              <th scope="col" className="align-text-right">
                {controlLabel}
              </th>
              <th scope="col" className="align-text-right">
                {t('experiments.report.columns.smd')}
              </th>
            </tr>
          </thead>
          <tbody>
            {evaluation.balance.map((row) => (
              <tr key={row.variable} data-variable={row.variable}>
                <th scope="row">{variable(row.variable)}</th>
                <td className="align-text-right">{mean(row.treatment_mean)}</td>
                <td className="align-text-right">{mean(row.control_mean)}</td>
                <td className="align-text-right">
                  {row.smd === null ? t('common.none') : decimal(row.smd, language, 2, true)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ScrollRegion label={t('experiments.report.strataCaption')}>
        <table className="table table--compact strata-table">
          <caption>{t('experiments.report.strataCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('experiments.columns.stratum')}</th>
              <th scope="col" className="align-text-right">
                {treatmentLabel}
              </th>
              <th scope="col" className="align-text-right">
                {controlLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {evaluation.strata.map((row) => (
              <tr key={row.stratum} data-stratum={row.stratum}>
                <th scope="row">{stratum(row.stratum)}</th>
                <td className="align-text-right">{formatNumber(row.treatment, language)}</td>
                <td className="align-text-right">{formatNumber(row.control, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
