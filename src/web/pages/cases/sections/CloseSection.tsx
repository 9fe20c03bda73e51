// Close the case with why and when, or reopen a closed one. After either the user is back at
// the overview, where the notice says what happened.
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../../components/Notices.js';
import { formatIsoDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/index.js';
import { canClose } from '../caseActions.js';
import { useCase } from '../CaseContext.js';
import { CloseForm, ReopenForm } from '../CloseForms.js';
import { CaseSection } from './CaseSection.js';

export function CloseSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { detail, onSaved, onConflict } = useCase();
  const navigate = useNavigate();
  const notify = useNotify();
  const name = detail.citizen.name;
  const toOverview = () => navigate({ to: '/sager/$caseId', params: { caseId: detail.id } });
  const closed = detail.status === 'closed';
  return (
    <CaseSection id="close" title={closed ? t('case.close.reopenHeading') : t('case.close.heading')}>
      {closed && (
        <>
          {detail.closed_on !== null && (
            <p>
              {t('case.close.summary', {
                date: formatIsoDate(detail.closed_on, language),
                reason: detail.close_reason === null ? '' : t(`vocabulary.closeReason.${detail.close_reason}`),
              })}
            </p>
          )}
          {detail.close_reason_text !== null && (
            <p>
              <strong>{t('case.close.reason')}:</strong> {detail.close_reason_text}
            </p>
          )}
        </>
      )}
      {!canClose(detail) ? (
        <p>{t('case.sections.notAllowed')}</p>
      ) : closed ? (
        <ReopenForm
          key={detail.version}
          detail={detail}
          onSaved={onSaved}
          onConflict={onConflict}
          onDone={async () => {
            await toOverview();
            notify(t('case.close.reopened', { name }));
          }}
        />
      ) : (
        <>
          <p>{t('case.close.intro')}</p>
          <CloseForm
            key={detail.version}
            detail={detail}
            onSaved={onSaved}
            onConflict={onConflict}
            onDone={async () => {
              await toOverview();
              notify(t('case.close.closed', { name }));
            }}
          />
        </>
      )}
    </CaseSection>
  );
}
