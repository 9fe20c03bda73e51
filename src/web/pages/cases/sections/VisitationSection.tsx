// Visitation (job-ready or activity-ready) and, for an activity-ready citizen, the track: what
// they are now, and one form that records both. After the save the user is back at the overview.
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../../components/Notices.js';
import { canWrite } from '../caseActions.js';
import { useCase } from '../CaseContext.js';
import { VisitationForm } from '../VisitationForm.js';
import { CaseSection } from './CaseSection.js';

function Reason({ label, reason }: { label: string; reason: string | null }) {
  if (reason === null) return null;
  return (
    <p>
      <strong>{label}:</strong> {reason}
    </p>
  );
}

export function VisitationSection() {
  const { t } = useTranslation();
  const { detail, onSaved, onConflict } = useCase();
  const navigate = useNavigate();
  const notify = useNotify();
  const name = detail.citizen.name;
  return (
    <CaseSection id="visitation" title={t('case.sections.visitation')}>
      {detail.category === null ? (
        <p>{t('case.visitation.none')}</p>
      ) : (
        <>
          <p>{t('case.visitation.current', { category: t(`vocabulary.category.${detail.category}`) })}</p>
          <Reason label={t('case.visitation.reason')} reason={detail.category_reason} />
        </>
      )}
      {detail.track !== null && (
        <>
          <p>{t('case.track.current', { track: t(`vocabulary.track.${detail.track}`) })}</p>
          <Reason label={t('case.track.reason')} reason={detail.track_reason} />
        </>
      )}
      {canWrite(detail) && (
        <VisitationForm
          key={detail.version}
          detail={detail}
          onSaved={onSaved}
          onConflict={onConflict}
          onVisited={async ({ track }) => {
            await navigate({ to: '/sager/$caseId', params: { caseId: detail.id } });
            notify(
              t('case.visitation.saved'),
              // Only an activity-ready visitation comes with a track.
              track === undefined
                ? t('case.visitation.savedJobReady', { name })
                : t('case.visitation.savedActivityReady', { name, track: t(`vocabulary.track.${track}`) }),
            );
          }}
        />
      )}
    </CaseSection>
  );
}
