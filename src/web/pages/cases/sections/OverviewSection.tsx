// The case's first section: its deadlines with their explanations, and the facts of the case.
import { useTranslation } from 'react-i18next';
import { CaseOverview } from '../CaseOverview.js';
import { useCase } from '../CaseContext.js';
import { DeadlinesTable } from '../DeadlinesTable.js';
import { CaseSection } from './CaseSection.js';

export function OverviewSection() {
  const { t } = useTranslation();
  const { detail } = useCase();
  return (
    <CaseSection id="overview" title={t('case.sections.overview')}>
      <h3>{t('case.deadlines.heading')}</h3>
      <p>{t('case.deadlines.intro')}</p>
      <DeadlinesTable deadlines={detail.deadlines} />
      <h3>{t('case.overview.caption')}</h3>
      <CaseOverview detail={detail} />
    </CaseSection>
  );
}
