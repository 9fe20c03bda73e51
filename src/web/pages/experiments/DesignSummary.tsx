// A design read-only: the question, the arms in a table, then who may take part, the strata,
// follow-up and outcomes as a DKFDS structured list.
import { useTranslation } from 'react-i18next';
import type { Design } from '../../api/experiments.js';
import { FactsTable, type Fact } from '../../components/FactsTable.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

function useRange(): (
  low: number | null | undefined,
  high: number | null | undefined,
  unit: 'age' | 'years',
) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return (low, high, unit) => {
    const n = (value: number): string => formatNumber(value, language);
    const hasLow = low !== null && low !== undefined;
    const hasHigh = high !== null && high !== undefined;
    if (hasLow && hasHigh) return t(`experiments.summary.${unit}.between`, { low: n(low), high: n(high) });
    if (hasLow) return t(`experiments.summary.${unit}.from`, { low: n(low) });
    if (hasHigh) return t(`experiments.summary.${unit}.upTo`, { high: n(high) });
    return t(`experiments.summary.${unit}.any`);
  };
}

export function DesignSummary({ design }: { design: Design }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const range = useRange();
  const e = design.eligibility;
  const list = (values: readonly number[]): string =>
    values.length === 0 ? t('experiments.summary.noCuts') : values.map((v) => formatNumber(v, language)).join(', ');
  const rows: Fact[] = [
    { key: 'question', label: t('experiments.design.question'), value: design.question },
    {
      key: 'control',
      label: t('experiments.design.control'),
      value: design.arms.find((arm) => arm.name === design.control_arm)?.label ?? design.control_arm,
    },
    {
      key: 'categories',
      label: t('experiments.design.categories'),
      value:
        e.categories.length === 0
          ? t('experiments.summary.allCategories')
          : e.categories.map((category) => t(`vocabulary.category.${category}`)).join(', '),
    },
    { key: 'age', label: t('experiments.summary.age.label'), value: range(e.min_age, e.max_age, 'age') },
    {
      key: 'years',
      label: t('experiments.summary.years.label'),
      value: range(e.min_benefit_years, e.max_benefit_years, 'years'),
    },
    { key: 'ageCuts', label: t('experiments.design.ageCuts'), value: list(design.strata.age_cuts) },
    { key: 'yearCuts', label: t('experiments.design.yearCuts'), value: list(design.strata.benefit_year_cuts) },
    {
      key: 'followUp',
      label: t('experiments.design.followUp'),
      value: t('experiments.summary.weeks', { count: design.follow_up_weeks }),
    },
    {
      key: 'primary',
      label: t('experiments.design.primary'),
      value: t(`experiments.outcomes.${design.primary_outcome}`),
    },
    {
      key: 'secondary',
      label: t('experiments.design.secondary'),
      value:
        design.secondary_outcomes.length === 0
          ? t('common.none')
          : design.secondary_outcomes.map((outcome) => t(`experiments.outcomes.${outcome}`)).join(', '),
    },
    {
      key: 'consent',
      label: t('experiments.summary.consent'),
      value: design.consent_required ? t('common.yes') : t('common.no'),
    },
  ];
  return (
    <>
      <ScrollRegion label={t('experiments.summary.armsCaption')}>
        <table className="table table--compact arms-table">
          <caption>{t('experiments.summary.armsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('experiments.design.armLabel')}</th>
              <th scope="col">{t('experiments.design.armName')}</th>
              <th scope="col" className="align-text-right">
                {t('experiments.design.armWeight')}
              </th>
              <th scope="col">{t('experiments.design.armDescription')}</th>
              <th scope="col" className="align-text-right">
                {t('experiments.design.armCap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {design.arms.map((arm) => (
              <tr key={arm.name} data-arm={arm.name}>
                <th scope="row">
                  {arm.label}
                  {arm.name === design.control_arm && (
                    <span className="badge ml-3">{t('experiments.summary.controlBadge')}</span>
                  )}
                </th>
                <td>
                  <code>{arm.name}</code>
                </td>
                <td className="align-text-right">{formatNumber(arm.weight, language)}</td>
                <td>{arm.description === '' ? t('common.none') : arm.description}</td>
                <td className="align-text-right">
                  {arm.caseload_cap === null || arm.caseload_cap === undefined
                    ? t('common.none')
                    : formatNumber(arm.caseload_cap, language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <FactsTable caption={t('experiments.summary.caption')} rows={rows} className="design-summary" />
    </>
  );
}
