// /forsoeg/:id: one experiment. Its design (read-only once locked), the pre-registration,
// enrolment for caseworkers and team leaders (the arm shows only after enrolling), the
// enrolled citizens, weekly register data for analysts, and the way to the report.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { fetchExperiment, type Enrolment, type ExperimentBody } from '../../api/experiments.js';
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
import { useLocation } from '../../router/history.js';
import { Link } from '../../router/Link.js';
import { experimentReportPath, PATHS } from '../../router/routes.js';
import { DESIGNERS, ENROLLERS, EXPERIMENT_STAFF, REPORT_READERS } from './access.js';
import { noticeOf } from './DesignPage.js';
import { DesignSummary } from './DesignSummary.js';
import { EligibleList } from './EligibleList.js';
import { EnrolledList } from './EnrolledList.js';
import { ExperimentStatusBadge } from './ExperimentStatusBadge.js';
import { PreRegistration } from './PreRegistration.js';
import { WeeklyImport } from './WeeklyImport.js';

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
  /** Enrolment changed: the experiment's count is stale. */
  onEnrolment: () => void;
}

function ExperimentContent({ experiment, user, onChanged, onConflict, onEnrolment }: ContentProps) {
  const { t } = useTranslation();
  const [revision, setRevision] = useState(0);
  const [enrolled, setEnrolled] = useState<Enrolment | null>(null);
  const designer = hasAnyRole(user, DESIGNERS);
  const enroller = hasAnyRole(user, ENROLLERS);
  const armLabel = (arm: string): string =>
    experiment.design.arms.find((candidate) => candidate.name === arm)?.label ?? arm;
  const bump = (): void => {
    setRevision((n) => n + 1);
    onEnrolment();
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
            revision={revision}
            onEnrolled={(enrolment) => {
              setEnrolled(enrolment);
              bump();
            }}
          />
        </Section>
      )}
      {experiment.status !== 'draft' && (
        <Section id="enrolled" heading={t('experiments.enrolled.heading')}>
          <EnrolledList experiment={experiment} revision={revision} canEnd={enroller} onEnded={bump} />
        </Section>
      )}
      {designer && experiment.status !== 'draft' && (
        <Section id="import" heading={t('experiments.import.heading')}>
          <WeeklyImport experimentId={experiment.id} onImported={bump} />
        </Section>
      )}
      {hasAnyRole(user, REPORT_READERS) && experiment.status !== 'draft' && (
        <Section id="report" heading={t('experiments.page.reportHeading')}>
          <p>{t('experiments.page.reportText')}</p>
          <p>
            <Link to={experimentReportPath(experiment.id)}>{t('experiments.page.reportLink')}</Link>
          </p>
        </Section>
      )}
    </>
  );
}

export function ExperimentPage({ experimentId, user }: { experimentId: string; user: SessionUser }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [notice] = useState(() => noticeOf(location.state));
  const [load, reload, replace] = useLoad(() => fetchExperiment(api, experimentId), experimentId);
  const conflict = useConflict<ExperimentBody>((current) => {
    if (current === undefined) reload();
    else replace(current);
  }, 'design');

  if (!hasAnyRole(user, EXPERIMENT_STAFF)) return <NoAccess title={t('experiments.title')} />;
  const experiment = load.value;
  const title =
    experiment?.design.name ?? (load.status === 'failed' ? t('experiments.notLoaded') : t('experiments.title'));
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
        {experiment !== undefined && (
          <p className="font-lead">
            <ExperimentStatusBadge status={experiment.status} />{' '}
            {t('experiments.page.lead', { version: experiment.design_version, enrolled: experiment.enrolled })}
          </p>
        )}
        {notice !== null && <Alert variant="success" heading={t(`experiments.page.notice.${notice}`)} />}
        {conflict.shown && (
          <Alert variant="warning" heading={t('experiments.page.conflictHeading')}>
            <p>{t('experiments.page.conflictText')}</p>
          </Alert>
        )}
        {load.status === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
        {experiment === undefined ? (
          load.status === 'loading' && <Spinner text={t('experiments.loadingOne')} />
        ) : (
          <ExperimentContent
            experiment={experiment}
            user={user}
            onChanged={(next) => {
              conflict.clear();
              replace(next);
            }}
            onConflict={conflict.onConflict}
            onEnrolment={reload}
          />
        )}
      </Page>
    </>
  );
}
