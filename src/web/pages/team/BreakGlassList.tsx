// The team's cases opened by someone outside the case's scope, with their written reason.
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { fetchBreakGlassGrants } from '../../api/teams.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { useLoad } from '../../hooks/useLoad.js';
import { formatMoment } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { Link } from '../../router/Link.js';
import { casePath } from '../../router/routes.js';

export function BreakGlassList({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [load, reload] = useLoad(() => fetchBreakGlassGrants(api, teamId), teamId);
  if (load.status === 'failed') return <LoadFailed error={load.error} onRetry={reload} headingLevel={3} />;
  const grants = load.value;
  if (grants === undefined) return <p>{t('app.loading')}</p>;
  if (grants.length === 0) return <p>{t('team.noBreakGlass')}</p>;
  return (
    <ScrollRegion label={t('team.breakGlassCaption')}>
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
                <Link to={casePath(grant.case_id)}>{grant.case_number}</Link>
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
