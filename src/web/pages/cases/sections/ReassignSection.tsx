// Move the case to another caseworker; after the move the user is back at the overview, where
// the confirmation names the new caseworker and says when they are now over the team's cap.
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../../components/Notices.js';
import { canReassign } from '../caseActions.js';
import { useCase } from '../CaseContext.js';
import { ReassignForm } from '../ReassignForm.js';
import { CaseSection } from './CaseSection.js';

export function ReassignSection() {
  const { t } = useTranslation();
  const { detail, onSaved, onConflict } = useCase();
  const navigate = useNavigate();
  const notify = useNotify();
  return (
    <CaseSection id="reassign" title={t('case.reassign.heading')}>
      {canReassign(detail) && detail.team !== null ? (
        <ReassignForm
          detail={detail}
          onSaved={onSaved}
          onConflict={onConflict}
          teamId={detail.team.id}
          onReassigned={async (name, overCap) => {
            await navigate({ to: '/sager/$caseId', params: { caseId: detail.id } });
            notify(t('case.reassign.saved', { name }), overCap ? t('case.reassign.overCap', { name }) : undefined);
          }}
        />
      ) : (
        <p>{t('case.sections.notAllowed')}</p>
      )}
    </CaseSection>
  );
}
