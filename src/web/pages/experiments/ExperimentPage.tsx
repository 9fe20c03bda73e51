// /forsoeg/:id: one experiment. Its design (read-only once locked), the pre-registration,
// enrolment for caseworkers and team leaders (the arm shows only after enrolling), the
// enrolled citizens, weekly register data for analysts, and the way to the report.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import type { Enrolment, ExperimentBody } from '../../api/experiments.js';
import { experimentQuery, useExperimentChanged } from '../../api/queries.js';
import type { SessionUser } from '../../api/session.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { Spinner } from '../../components/Spinner.js';
import { useConflict, type ConflictHandler } from '../../hooks/useConflict.js';
import { hasAnyRole } from '../../roles.js';
import { useUser } from '../../session/useUser.js';
import { DESIGNERS, ENROLLERS, EXPERIMENT_STAFF, REPORT_READERS } from './access.js';
import { DesignSummary } from './DesignSummary.js';
import { EligibleList } from './EligibleList.js';
import { EnrolledList } from './EnrolledList.js';
import { ExperimentStatusBadge } from './ExperimentStatusBadge.js';
import { PreRegistration } from './PreRegistration.js';
import { WeeklyImport } from './WeeklyImport.js';
import './experiments.css';

const route = getRouteApi('/signedIn/forsoeg/$experimentId');

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="case-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

/** The announcement after enrolling: who, and the arm the draw gave. Takes focus. */
function Enrolled({ enrolment, armLabel }: { enrolment: Enrolment; armLabel: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="conflict-alert" data-enrolled={enrolment.citizen_id}>
      <Alert
        variant="success"
        heading={t('experiments.enrol.done', { name: enrolment.name ?? enrolment.pseudonym })}
        headingLevel={3}
      >
        <p>{t('experiments.enrol.allocated', { arm: armLabel })}</p>
      </Alert>
    </div>
  );
}

interface ContentProps {
  experiment: ExperimentBody;
  user: SessionUser;
  onChanged: (experiment: ExperimentBody) => void;
  onConflict: ConflictHandler;
}

function ExperimentContent({ experiment, user, onChanged, onConflict }: ContentProps) {
  const { t } = useTranslation();
  const experimentChanged = useExperimentChanged();
  const [enrolled, setEnrolled] = useState<Enrolment | null>(null);
  const designer = hasAnyRole(user, DESIGNERS);
  const enroller = hasAnyRole(user, ENROLLERS);
  const armLabel = (arm: string): string =>
    experiment.design.arms.find((candidate) => candidate.name === arm)?.label ?? arm;
  // Enrolling, ending follow-up and importing change the lists, the count and the report.
  const refresh = (): void => {
    experimentChanged(experiment.id);
  };
  return (
    <>
      <Section id="design" heading={t('experiments.page.designHeading')}>
        <DesignSummary design={experiment.design} />
      </Section>
      <Section id="pre-registration" heading={t('experiments.lock.heading')}>
        <PreRegistration experiment={experiment} designer={designer} onChanged={onChanged} onConflict={onConflict} />
      </Section>
      {enroller && experiment.status === 'enrolling' && (
        <Section id="enrol" heading={t('experiments.enrol.heading')}>
          <p>{t('experiments.enrol.intro')}</p>
          {enrolled !== null && (
            <Enrolled key={enrolled.citizen_id} enrolment={enrolled} armLabel={armLabel(enrolled.arm)} />
          )}
          <EligibleList
            experiment={experiment}
            onEnrolled={(enrolment) => {
              setEnrolled(enrolment);
              refresh();
            }}
            onFailed={refresh}
          />
        </Section>
      )}
      {experiment.status !== 'draft' && (
        <Section id="enrolled" heading={t('experiments.enrolled.heading')}>
          <EnrolledList experiment={experiment} canEnd={enroller} onEnded={refresh} />
        </Section>
      )}
      {designer && experiment.status !== 'draft' && (
        <Section id="import" heading={t('experiments.import.heading')}>
          <WeeklyImport experimentId={experiment.id} onImported={refresh} />
        </Section>
      )}
      {hasAnyRole(user, REPORT_READERS) && experiment.status !== 'draft' && (
        <Section id="report" heading={t('experiments.page.reportHeading')}>
          <p>{t('experiments.page.reportText')}</p>
          <p>
            <Link to="/forsoeg/$experimentId/rapport" params={{ experimentId: experiment.id }}>
              {t('experiments.page.reportLink')}
            </Link>
          </p>
        </Section>
      )}
    </>
  );
}

function ExperimentView({ experimentId }: { experimentId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const queryClient = useQueryClient();
  const experimentChanged = useExperimentChanged();
  const allowed = hasAnyRole(user, EXPERIMENT_STAFF);
  const query = useQuery({ ...experimentQuery(experimentId), enabled: allowed });
  const conflict = useConflict<ExperimentBody>((current) => {
    if (current !== undefined) queryClient.setQueryData(experimentQuery(experimentId).queryKey, current);
    experimentChanged(experimentId);
  }, 'design');

  if (!allowed) return <NoAccess title={t('experiments.title')} />;
  const experiment = query.data;
  const title = experiment?.design.name ?? (query.isError ? t('experiments.notLoaded') : t('experiments.title'));
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
        {experiment !== undefined && (
          <p className="font-lead">
            <ExperimentStatusBadge status={experiment.status} />{' '}
            {t('experiments.page.lead', { version: experiment.design_version, enrolled: experiment.enrolled })}
          </p>
        )}
        {conflict.shown && (
          <Alert variant="warning" heading={t('experiments.page.conflictHeading')}>
            <p>{t('experiments.page.conflictText')}</p>
          </Alert>
        )}
        {query.isError && <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} />}
        {experiment === undefined ? (
          query.isPending && <Spinner text={t('experiments.loadingOne')} />
        ) : (
          <ExperimentContent
            experiment={experiment}
            user={user}
            onChanged={(next) => {
              conflict.clear();
              queryClient.setQueryData(experimentQuery(experimentId).queryKey, next);
              experimentChanged(experimentId);
            }}
            onConflict={conflict.onConflict}
          />
        )}
      </Page>
    </>
  );
}

export function ExperimentPage() {
  const { experimentId } = route.useParams();
  // Another experiment is another page: an enrolment shown or a list's page does not carry over.
  return <ExperimentView key={experimentId} experimentId={experimentId} />;
}
