// Record a conversation, an activity or another event; the type can come from the address
// (?type=conversation), so the summary's buttons open the form ready for it.
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, EVENT_TYPES, isOneOf } from '../../../../core/vocabulary.js';
import { useNotify } from '../../../components/Notices.js';
import { canWrite } from '../caseActions.js';
import { useCase } from '../CaseContext.js';
import { EventForm } from '../EventForm.js';
import { CaseSection } from './CaseSection.js';

const route = getRouteApi('/signedIn/sager/$caseId/registrer');

export function EventSection() {
  const { t } = useTranslation();
  const { detail, onSaved, onConflict } = useCase();
  const { type, kind } = route.useSearch();
  const navigate = useNavigate();
  const notify = useNotify();
  const initialType = type !== undefined && isOneOf(EVENT_TYPES, type) ? type : undefined;
  const initialKind = kind !== undefined && isOneOf(ACTIVITY_KINDS, kind) ? kind : undefined;
  return (
    <CaseSection id="record" title={t('case.sections.record')}>
      {canWrite(detail) ? (
        <EventForm
          key={`${initialType ?? ''}|${initialKind ?? ''}`}
          detail={detail}
          initialType={initialType}
          initialKind={initialKind}
          onSaved={onSaved}
          onConflict={onConflict}
          onRecorded={async (recorded) => {
            await navigate({ to: '/sager/$caseId', params: { caseId: detail.id } });
            notify(t('case.event.saved', { type: t(`vocabulary.eventType.${recorded}`) }));
          }}
        />
      ) : (
        <p>{t('case.sections.notAllowed')}</p>
      )}
    </CaseSection>
  );
}
