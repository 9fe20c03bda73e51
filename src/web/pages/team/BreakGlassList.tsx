// The team's cases opened by someone outside the case's scope, with their written reason.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import { breakGlassQuery } from '../../api/queries.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { formatMoment } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

/** `labelledBy`: headings that name the table when several teams' tables share the page. */
export function BreakGlassList({ teamId, labelledBy }: { teamId: string; labelledBy?: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useQuery(breakGlassQuery(teamId));
  if (query.isError)
    return <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} headingLevel={3} />;
  const grants = query.data;
  if (grants === undefined) return <p>{t('app.loading')}</p>;
  if (grants.length === 0) return <p>{t('team.noBreakGlass')}</p>;
  return (
    <ScrollRegion label={t('team.breakGlassCaption')} labelledBy={labelledBy}>
      <table className="table table--compact">
        <caption className="sr-only">{t('team.breakGlassCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('team.glass.case')}</th>
            <th scope="col">{t('team.glass.user')}</th>
            <th scope="col">{t('team.glass.reason')}</th>
            <th scope="col">{t('team.glass.granted')}</th>
            <th scope="col">{t('team.glass.expires')}</th>
          </tr>
        </thead>
        <tbody>
          {grants.map((grant) => (
            <tr key={`${grant.case_id}:${grant.user.id}:${grant.granted_at}`}>
              <td>
                <Link to="/sager/$caseId" params={{ caseId: grant.case_id }}>
                  {grant.case_number}
                </Link>
              </td>
              <td>{grant.user.name}</td>
              <td>{grant.reason}</td>
              <td>{formatMoment(grant.granted_at, language)}</td>
              <td>{formatMoment(grant.expires_at, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
