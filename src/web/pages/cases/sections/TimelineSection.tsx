import { useTranslation } from 'react-i18next';
import { useCase } from '../CaseContext.js';
import { Timeline } from '../Timeline.js';
import { CaseSection } from './CaseSection.js';

export function TimelineSection() {
  const { t } = useTranslation();
  const { detail, onSaved, onConflict } = useCase();
  return (
    <CaseSection id="timeline" title={t('timeline.heading')}>
      <Timeline detail={detail} onSaved={onSaved} onConflict={onConflict} />
    </CaseSection>
  );
}
