import { useTranslation } from 'react-i18next';
import { useCase } from '../CaseContext.js';
import { StatusPeriods } from '../StatusPeriods.js';
import { CaseSection } from './CaseSection.js';

export function StatusSection() {
  const { t } = useTranslation();
  const { detail } = useCase();
  return (
    <CaseSection id="status" title={t('statusPeriods.heading')}>
      <StatusPeriods detail={detail} />
    </CaseSection>
  );
}
