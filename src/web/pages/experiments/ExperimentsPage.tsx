// /forsoeg: the municipality's experiments, newest first, with status and how many are
// enrolled. Analysts and administrators start a new one here.
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { fetchExperiments } from '../../api/experiments.js';
import type { SessionUser } from '../../api/session.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { Spinner } from '../../components/Spinner.js';
import { useLoad } from '../../hooks/useLoad.js';
import { formatMoment, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { hasAnyRole } from '../../roles.js';
import { Link } from '../../router/Link.js';
import { experimentPath, PATHS } from '../../router/routes.js';
import { DESIGNERS, EXPERIMENT_STAFF } from './access.js';
import { ExperimentStatusBadge } from './ExperimentStatusBadge.js';

export function ExperimentsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [load, reload] = useLoad(() => fetchExperiments(api), user.id);
  if (!hasAnyRole(user, EXPERIMENT_STAFF)) return <NoAccess title={t('experiments.title')} />;
  const experiments = load.value;
  return (
    <>
      <Breadcrumbs items={[{ text: t('start.title'), to: PATHS.start }, { text: t('experiments.title') }]} />
      <Page title={t('experiments.title')}>
        <p className="font-lead">{t('experiments.lead')}</p>
        {hasAnyRole(user, DESIGNERS) && (
          <p>
            <Link to={PATHS.newExperiment} className="button button-primary">
              {t('experiments.new')}
            </Link>
          </p>
        )}
        {load.status === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
        {experiments === undefined ? (
          load.status === 'loading' && <Spinner text={t('experiments.loading')} />
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
                      <Link to={experimentPath(experiment.id)}>{experiment.name}</Link>
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
