// Open cases per team member against the team's cap; a caseload over the cap stands out.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import { caseloadsQuery } from '../../api/queries.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

/** `labelledBy`: headings that name the table when several teams' tables share the page. */
export function Caseloads({ teamId, labelledBy }: { teamId: string; labelledBy?: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useQuery(caseloadsQuery(teamId));
  if (query.isError)
    return <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} headingLevel={3} />;
  const caseloads = query.data;
  if (caseloads === undefined) return <p>{t('app.loading')}</p>;
  const cap = caseloads.team.caseload_cap;
  const over = caseloads.members.filter((member) => member.over_cap).length;
  return (
    <>
      <p aria-live="polite">
        {over === 0
          ? t('team.noneOverCap', { cap: formatNumber(cap, language) })
          : t('team.someOverCap', { over: formatNumber(over, language), cap: formatNumber(cap, language) })}
      </p>
      <ScrollRegion label={t('team.caseloadsCaption')} labelledBy={labelledBy}>
        <table className="table table--compact caseloads">
          <caption className="sr-only">{t('team.caseloadsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.columns.member')}</th>
              <th scope="col">{t('team.columns.roles')}</th>
              <th scope="col" className="text-right">
                {t('team.columns.openCases')}
              </th>
              <th scope="col" className="text-right">
                {t('team.columns.cap')}
              </th>
              <th scope="col">{t('team.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {caseloads.members.map((member) => {
              // The cap is on caseworkers' caseloads; others have no status against it.
              const capped = member.roles.includes('caseworker');
              return (
                <tr key={member.id} className={member.over_cap ? 'caseload-over' : undefined} data-member={member.name}>
                  <th scope="row">{member.name}</th>
                  <td>{member.roles.map((role) => t(`start.roles.${role}.name`)).join(', ')}</td>
                  <td className="text-right">{formatNumber(member.open_cases, language)}</td>
                  <td className="text-right">{capped ? formatNumber(cap, language) : t('common.none')}</td>
                  <td>
                    {!capped ? (
                      t('common.none')
                    ) : member.over_cap ? (
                      <strong className="badge badge-error">{t('team.overCap')}</strong>
                    ) : member.open_cases === cap ? (
                      <strong className="badge badge-warning">{t('team.atCap')}</strong>
                    ) : (
                      <span className="badge badge-success">{t('team.underCap')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
