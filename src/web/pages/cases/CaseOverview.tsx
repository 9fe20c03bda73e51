// The facts of the case as a DKFDS structured list, below the summary: team, placement, benefit, dates.
import { useTranslation } from 'react-i18next';
import type { CaseBody } from '../../api/cases.js';
import { FactsTable, type Fact } from '../../components/FactsTable.js';
import { formatIsoDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

export function CaseOverview({ detail }: { detail: CaseBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Case number, CPR number, caseworker and status stand in the summary above every section.
  const rows: Fact[] = [
    { key: 'team', label: t('case.overview.team'), value: detail.team?.name ?? t('common.none') },
    {
      key: 'category',
      label: t('case.overview.category'),
      value: detail.category === null ? t('case.overview.notVisited') : t(`vocabulary.category.${detail.category}`),
    },
    {
      key: 'track',
      label: t('case.overview.track'),
      value: detail.track === null ? t('common.none') : t(`vocabulary.track.${detail.track}`),
    },
    { key: 'benefit', label: t('case.overview.benefit'), value: t(`vocabulary.benefit.${detail.benefit}`) },
    {
      key: 'benefitStart',
      label: t('case.overview.benefitStart'),
      value: formatIsoDate(detail.benefit_start, language),
    },
    { key: 'registered', label: t('case.overview.registered'), value: formatIsoDate(detail.registered, language) },
  ];
  return <FactsTable caption={t('case.overview.caption')} rows={rows} className="case-overview" />;
}
