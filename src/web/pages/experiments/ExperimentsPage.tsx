// /forsoeg: the municipality's experiments, newest first, with status and how many are
// enrolled. Analysts and administrators start a new one here.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import { experimentsQuery } from '../../api/queries.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { Spinner } from '../../components/Spinner.js';
import { formatMoment, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { hasAnyRole } from '../../roles.js';
import { useUser } from '../../session/useUser.js';
import { DESIGNERS, EXPERIMENT_STAFF } from './access.js';
import { ExperimentStatusBadge } from './ExperimentStatusBadge.js';
import './experiments.css';

export function ExperimentsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const allowed = hasAnyRole(user, EXPERIMENT_STAFF);
  const query = useQuery({ ...experimentsQuery(), enabled: allowed });
  if (!allowed) return <NoAccess title={t('experiments.title')} />;
  const experiments = query.data;
  return (
    <>
      <Breadcrumbs items={[{ text: t('start.title'), link: { to: '/' } }, { text: t('experiments.title') }]} />
      <Page title={t('experiments.title')}>
        <p className="font-lead">{t('experiments.lead')}</p>
        {hasAnyRole(user, DESIGNERS) && (
          <p>
            <Link to="/forsoeg/ny" className="button button-primary">
              {t('experiments.new')}
            </Link>
          </p>
        )}
        {query.isError && <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} />}
        {experiments === undefined ? (
          query.isPending && <Spinner text={t('experiments.loading')} />
        ) : experiments.length === 0 ? (
          <p>{t('experiments.none')}</p>
        ) : (
          <ScrollRegion label={t('experiments.caption')}>
            <table className="table table--compact experiments-table">
              <caption className="sr-only">{t('experiments.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('experiments.columns.name')}</th>
                  <th scope="col">{t('experiments.columns.status')}</th>
                  <th scope="col" className="align-text-right">
                    {t('experiments.columns.enrolled')}
                  </th>
                  <th scope="col">{t('experiments.columns.created')}</th>
                </tr>
              </thead>
              <tbody>
                {experiments.map((experiment) => (
                  <tr key={experiment.id} data-experiment={experiment.id} data-status={experiment.status}>
                    <th scope="row">
                      <Link to="/forsoeg/$experimentId" params={{ experimentId: experiment.id }}>
                        {experiment.name}
                      </Link>
                    </th>
                    <td>
                      <ExperimentStatusBadge status={experiment.status} />
                    </td>
                    <td className="align-text-right" data-field="enrolled">
                      {formatNumber(experiment.enrolled, language)}
                    </td>
                    <td className="text-nowrap">{formatMoment(experiment.created_at, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Page>
    </>
  );
}
