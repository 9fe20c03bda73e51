// The top of the case: who, where the case stands, the next deadlines and who owns it, with
// the main actions one click away.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseBody } from '../../api/cases.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatIsoDate, inLanguage } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { canReassign, canWrite, nextDeadlines } from './caseActions.js';
import { RevealCpr } from './RevealCpr.js';

function Placement({ detail }: { detail: CaseBody }) {
  const { t } = useTranslation();
  if (detail.category === null) return <>{t('case.overview.notVisited')}</>;
  const category = t(`vocabulary.category.${detail.category}`);
  if (detail.track === null) return <>{category}</>;
  return <>{t('case.summary.categoryAndTrack', { category, track: t(`vocabulary.track.${detail.track}`) })}</>;
}

export function CaseSummary({ detail }: { detail: CaseBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const upcoming = nextDeadlines(detail, 3);
  const caseId = detail.id;
  return (
    <section className="case-summary" aria-labelledby="case-summary-heading">
      <h2 id="case-summary-heading" className="sr-only">
        {t('case.summary.heading')}
      </h2>
      <div className="row">
        <div className="col-12 col-md-6">
          <dl className="case-facts">
            <div data-field="caseNumber">
              <dt>{t('case.overview.caseNumber')}</dt>
              <dd>{detail.case_number}</dd>
            </div>
            <div data-field="status">
              <dt>{t('case.overview.status')}</dt>
              <dd>
                {detail.status === 'closed' && detail.closed_on !== null
                  ? t('case.close.summary', {
                      date: formatIsoDate(detail.closed_on, language),
                      reason: detail.close_reason === null ? '' : t(`vocabulary.closeReason.${detail.close_reason}`),
                    })
                  : t(`vocabulary.caseStatus.${detail.status}`)}
              </dd>
            </div>
            <div data-field="placement">
              <dt>{t('case.summary.placement')}</dt>
              <dd>
                <Placement detail={detail} />
              </dd>
            </div>
            <div data-field="caseworker">
              <dt>{t('case.overview.caseworker')}</dt>
              <dd>{detail.caseworker?.name ?? t('case.overview.noCaseworker')}</dd>
            </div>
            <div data-field="cpr">
              <dt>{t('case.overview.cpr')}</dt>
              <dd>
                <RevealCpr caseId={detail.id} masked={detail.citizen.cpr_masked} />
              </dd>
            </div>
          </dl>
        </div>
        <div className="col-12 col-md-6">
          <h3 className="h5 mt-0">{t('case.summary.nextDeadlines')}</h3>
          {upcoming.length === 0 ? (
            <p>{t('case.summary.noDeadlines')}</p>
          ) : (
            <ul className="nobullet-list next-deadlines">
              {upcoming.map((deadline) => (
                <li key={deadline.rule} data-rule={deadline.rule}>
                  <StatusBadge status={deadline.status} />{' '}
                  <strong>{inLanguage(language, deadline.title, deadline.title_en)}</strong>{' '}
                  {t('case.summary.due', { date: formatIsoDate(deadline.due, language) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="case-actions">
        {canWrite(detail) && (
          <>
            <Link
              to="/sager/$caseId/registrer"
              params={{ caseId }}
              search={{ type: 'conversation' }}
              className="button button-primary"
            >
              {t('case.actions.conversation')}
            </Link>
            <Link
              to="/sager/$caseId/registrer"
              params={{ caseId }}
              search={{ type: 'activity' }}
              className="button button-secondary"
            >
              {t('case.actions.activity')}
            </Link>
            <Link to="/sager/$caseId/visitation" params={{ caseId }} className="button button-secondary">
              {t('case.actions.visitation')}
            </Link>
          </>
        )}
        {canReassign(detail) && (
          <Link to="/sager/$caseId/sagsbehandler" params={{ caseId }} className="button button-secondary">
            {t('case.actions.reassign')}
          </Link>
        )}
      </div>
    </section>
  );
}
