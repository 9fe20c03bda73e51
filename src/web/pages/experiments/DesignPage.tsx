// /forsoeg/ny and /forsoeg/:id/ret: design a new experiment, or change one while it is a
// draft. Once enrolment has started the design is locked and this page says so.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { asApiError } from '../../api/client.js';
import { createExperiment, updateDesign, type ExperimentBody } from '../../api/experiments.js';
import { experimentQuery, useExperimentChanged } from '../../api/queries.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { useNotify } from '../../components/Notices.js';
import { Page } from '../../components/Page.js';
import { Spinner } from '../../components/Spinner.js';
import { useConflict, type ConflictHandler } from '../../hooks/useConflict.js';
import { hasAnyRole } from '../../roles.js';
import { useUser } from '../../session/useUser.js';
import { DESIGNERS } from './access.js';
import { draftOf, emptyDraft } from './designDraft.js';
import { DesignForm } from './DesignForm.js';
import './experiments.css';

const editRoute = getRouteApi('/signedIn/forsoeg/$experimentId/ret');

/** After a save: the experiment as the server now has it, then its page with the confirmation. */
function useShowSaved(): (experiment: ExperimentBody, notice: string) => Promise<void> {
  const queryClient = useQueryClient();
  const experimentChanged = useExperimentChanged();
  const navigate = useNavigate();
  const notify = useNotify();
  return async (experiment, notice) => {
    queryClient.setQueryData(experimentQuery(experiment.id).queryKey, experiment);
    experimentChanged(experiment.id);
    await navigate({ to: '/forsoeg/$experimentId', params: { experimentId: experiment.id } });
    notify(notice);
  };
}

function NewDesign() {
  const { t } = useTranslation();
  const [initial] = useState(emptyDraft);
  const showSaved = useShowSaved();
  return (
    <DesignForm
      initial={initial}
      submitLabel={t('experiments.design.create')}
      onSubmit={async (design) => {
        await showSaved(await createExperiment(api, design), t('experiments.page.notice.created'));
      }}
    />
  );
}

function EditDesign({ experiment, onConflict }: { experiment: ExperimentBody; onConflict: ConflictHandler }) {
  const { t } = useTranslation();
  const showSaved = useShowSaved();
  if (experiment.status !== 'draft') {
    return (
      <Alert variant="info" heading={t('experiments.design.lockedHeading')} announce={false}>
        <p>{t('experiments.design.lockedText')}</p>
        <p>
          <Link to="/forsoeg/$experimentId" params={{ experimentId: experiment.id }}>
            {t('experiments.design.backToExperiment')}
          </Link>
        </p>
      </Alert>
    );
  }
  return (
    <DesignForm
      key={experiment.version}
      initial={draftOf(experiment.design)}
      submitLabel={t('experiments.design.save')}
      onConflict={onConflict}
      onSubmit={async (design) => {
        const saved = await updateDesign(api, experiment.id, design, experiment.version);
        await showSaved(saved, t('experiments.page.notice.saved'));
      }}
    />
  );
}

function EditContent({ experimentId }: { experimentId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const experimentChanged = useExperimentChanged();
  const query = useQuery(experimentQuery(experimentId));
  const conflict = useConflict<ExperimentBody>((current) => {
    // The form starts over from the design as it is now (it is keyed by version).
    if (current !== undefined) queryClient.setQueryData(experimentQuery(experimentId).queryKey, current);
    experimentChanged(experimentId);
  }, 'design');
  const experiment = query.data;
  const experimentCrumb: Crumb[] =
    experiment === undefined
      ? []
      : [{ text: experiment.design.name, link: { to: '/forsoeg/$experimentId', params: { experimentId } } }];
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), link: { to: '/' } },
          { text: t('experiments.title'), link: { to: '/forsoeg' } },
          ...experimentCrumb,
          { text: t('experiments.design.editTitle') },
        ]}
      />
      <Page title={t('experiments.design.editTitle')}>
        {experiment !== undefined && <p className="font-lead">{experiment.design.name}</p>}
        {conflict.shown && (
          <Alert variant="warning" heading={t('experiments.design.conflictHeading')}>
            <p>{t('experiments.design.conflictText')}</p>
          </Alert>
        )}
        {query.isError && <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} />}
        {experiment === undefined ? (
          query.isPending && <Spinner text={t('experiments.loadingOne')} />
        ) : (
          <EditDesign experiment={experiment} onConflict={conflict.onConflict} />
        )}
      </Page>
    </>
  );
}

export function NewDesignPage() {
  const { t } = useTranslation();
  const user = useUser();
  const title = t('experiments.design.newTitle');
  if (!hasAnyRole(user, DESIGNERS)) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), link: { to: '/' } },
          { text: t('experiments.title'), link: { to: '/forsoeg' } },
          { text: title },
        ]}
      />
      <Page title={title}>
        <p className="font-lead">{t('experiments.design.intro')}</p>
        <Alert variant="info" heading={t('experiments.design.draftHeading')} announce={false}>
          <p>{t('experiments.design.draftText')}</p>
        </Alert>
        <NewDesign />
      </Page>
    </>
  );
}

export function EditDesignPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { experimentId } = editRoute.useParams();
  if (!hasAnyRole(user, DESIGNERS)) return <NoAccess title={t('experiments.design.editTitle')} />;
  // Another experiment is another form: nothing typed or shown carries over.
  return <EditContent key={experimentId} experimentId={experimentId} />;
}
