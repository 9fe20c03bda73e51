// /forsoeg/ny and /forsoeg/:id/ret: design a new experiment, or change one while it is a
// draft. Once enrolment has started the design is locked and this page says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { createExperiment, fetchExperiment, updateDesign, type ExperimentBody } from '../../api/experiments.js';
import type { SessionUser } from '../../api/session.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { Spinner } from '../../components/Spinner.js';
import { useConflict, type ConflictHandler } from '../../hooks/useConflict.js';
import { useLoad } from '../../hooks/useLoad.js';
import { hasAnyRole } from '../../roles.js';
import { navigate } from '../../router/history.js';
import { Link } from '../../router/Link.js';
import { experimentPath, PATHS } from '../../router/routes.js';
import { DESIGNERS } from './access.js';
import { draftOf, emptyDraft } from './designDraft.js';
import { DesignForm } from './DesignForm.js';

/** What the experiment page says after arriving from here. */
export type DesignNotice = 'created' | 'saved';

export function noticeOf(state: unknown): DesignNotice | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null;
  return state.notice === 'created' || state.notice === 'saved' ? state.notice : null;
}

function NewDesign() {
  const { t } = useTranslation();
  const [initial] = useState(emptyDraft);
  return (
    <DesignForm
      initial={initial}
      submitLabel={t('experiments.design.create')}
      onSubmit={async (design) => {
        const created = await createExperiment(api, design);
        navigate(experimentPath(created.id), { state: { notice: 'created' } });
      }}
    />
  );
}

function EditDesign({ experiment, onConflict }: { experiment: ExperimentBody; onConflict: ConflictHandler }) {
  const { t } = useTranslation();
  if (experiment.status !== 'draft') {
    return (
      <Alert variant="info" heading={t('experiments.design.lockedHeading')} announce={false}>
        <p>{t('experiments.design.lockedText')}</p>
        <p>
          <Link to={experimentPath(experiment.id)}>{t('experiments.design.backToExperiment')}</Link>
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
        await updateDesign(api, experiment.id, design, experiment.version);
        navigate(experimentPath(experiment.id), { state: { notice: 'saved' } });
      }}
    />
  );
}

function EditContent({ experimentId }: { experimentId: string }) {
  const { t } = useTranslation();
  const [load, reload, replace] = useLoad(() => fetchExperiment(api, experimentId), experimentId);
  const conflict = useConflict<ExperimentBody>((current) => {
    if (current === undefined) reload();
    else replace(current);
  }, 'design');
  const experiment = load.value;
  const crumbs = [
    { text: t('start.title'), to: PATHS.start },
    { text: t('experiments.title'), to: PATHS.experiments },
  ];
  return (
    <>
      <Breadcrumbs
        items={[
          ...crumbs,
          ...(experiment === undefined ? [] : [{ text: experiment.design.name, to: experimentPath(experimentId) }]),
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
        {load.status === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
        {experiment === undefined ? (
          load.status === 'loading' && <Spinner text={t('experiments.loadingOne')} />
        ) : (
          <EditDesign experiment={experiment} onConflict={conflict.onConflict} />
        )}
      </Page>
    </>
  );
}

export function DesignPage({ user, experimentId }: { user: SessionUser; experimentId?: string }) {
  const { t } = useTranslation();
  const title = experimentId === undefined ? t('experiments.design.newTitle') : t('experiments.design.editTitle');
  if (!hasAnyRole(user, DESIGNERS)) return <NoAccess title={title} />;
  if (experimentId !== undefined) return <EditContent experimentId={experimentId} />;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), to: PATHS.start },
          { text: t('experiments.title'), to: PATHS.experiments },
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
