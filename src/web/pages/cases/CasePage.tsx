// /sager/:caseId: one citizen's case. Everyone who may read it sees the overview, deadlines,
// timeline and contacts; the forms show only where `access` allows them. A version conflict
// reloads the case and says so.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { fetchCase, type CaseBody } from '../../api/cases.js';
import type { SessionUser } from '../../api/session.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { Spinner } from '../../components/Spinner.js';
import { useConflict } from '../../hooks/useConflict.js';
import { useLoad } from '../../hooks/useLoad.js';
import { CASE_STAFF, hasAnyRole } from '../../roles.js';
import { PATHS } from '../../router/routes.js';
import type { CaseFormProps } from './caseForm.js';
import { CaseOverview } from './CaseOverview.js';
import { ChoiceForm } from './ChoiceForm.js';
import { ContactDetails } from './ContactDetails.js';
import { ContactPersons } from './ContactPersons.js';
import { DeadlinesTable } from './DeadlinesTable.js';
import { EventForm } from './EventForm.js';
import { ReassignForm } from './ReassignForm.js';
import { StatusPeriods } from './StatusPeriods.js';
import { Timeline } from './Timeline.js';

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="case-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

function Reason({ label, reason }: { label: string; reason: string | null }) {
  if (reason === null) return null;
  return (
    <p>
      <strong>{label}:</strong> {reason}
    </p>
  );
}

function CaseContent({ detail, revision, onSaved, onConflict }: CaseFormProps & { revision: number }) {
  const { t } = useTranslation();
  const props = { detail, onSaved, onConflict };
  const write = detail.access.write && detail.status === 'open';
  return (
    <>
      <CaseOverview detail={detail} />
      <Section id="deadlines" heading={t('case.deadlines.heading')}>
        <p>{t('case.deadlines.intro')}</p>
        <DeadlinesTable deadlines={detail.deadlines} />
      </Section>
      <Section id="visitation" heading={t('case.visitation.heading')}>
        {detail.category === null ? (
          <p>{t('case.visitation.none')}</p>
        ) : (
          <>
            <p>{t('case.visitation.current', { category: t(`vocabulary.category.${detail.category}`) })}</p>
            <Reason label={t('case.visitation.reason')} reason={detail.category_reason} />
          </>
        )}
        {write && <ChoiceForm key={detail.version} choice="category" {...props} />}
      </Section>
      <Section id="track" heading={t('case.track.heading')}>
        {detail.track !== null && (
          <>
            <p>{t('case.track.current', { track: t(`vocabulary.track.${detail.track}`) })}</p>
            <Reason label={t('case.track.reason')} reason={detail.track_reason} />
          </>
        )}
        {detail.category !== 'activity_ready' ? (
          <p>{t('case.track.needsActivityReady')}</p>
        ) : (
          detail.track === null && !write && <p>{t('case.track.none')}</p>
        )}
        {write && detail.category === 'activity_ready' && <ChoiceForm key={detail.version} choice="track" {...props} />}
      </Section>
      {write && (
        <Section id="event" heading={t('case.event.heading')}>
          <EventForm {...props} />
        </Section>
      )}
      <Section id="status" heading={t('statusPeriods.heading')}>
        <StatusPeriods detail={detail} />
      </Section>
      <Section id="timeline" heading={t('timeline.heading')}>
        <Timeline detail={detail} revision={revision} onSaved={onSaved} onConflict={onConflict} />
      </Section>
      <Section id="contact" heading={t('contact.heading')}>
        <ContactDetails key={detail.citizen.version} {...props} />
      </Section>
      <Section id="contact-persons" heading={t('case.contactPersons.heading')}>
        <ContactPersons caseId={detail.id} revision={revision} />
      </Section>
      {detail.access.reassign && detail.team !== null && detail.status === 'open' && (
        <Section id="reassign" heading={t('case.reassign.heading')}>
          <ReassignForm {...props} teamId={detail.team.id} />
        </Section>
      )}
    </>
  );
}

export function CasePage({ caseId, user }: { caseId: string; user: SessionUser }) {
  const { t } = useTranslation();
  const [load, reload, replace] = useLoad(() => fetchCase(api, caseId), caseId);
  const [revision, setRevision] = useState(0);
  const conflictAlert = useRef<HTMLDivElement>(null);
  // The case as it is now comes with the conflict, unless the form changed a part of it.
  const showCurrent = useCallback(
    (current: CaseBody | undefined) => {
      if (current === undefined) reload();
      else replace(current);
      setRevision((n) => n + 1);
      requestAnimationFrame(() => conflictAlert.current?.focus());
    },
    [reload, replace],
  );
  const conflict = useConflict(showCurrent, 'deadlines');
  const { clear } = conflict;

  const onSaved = useCallback(
    (next: CaseBody) => {
      replace(next);
      clear();
      setRevision((n) => n + 1);
    },
    [replace, clear],
  );

  if (!hasAnyRole(user, CASE_STAFF)) return <NoAccess title={t('case.title')} />;
  const detail = load.value;
  const title = detail?.citizen.name ?? (load.status === 'failed' ? t('case.notLoaded') : t('case.title'));

  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), to: PATHS.start },
          { text: t('search.title'), to: PATHS.caseSearch },
          { text: title },
        ]}
      />
      <Page title={title}>
        {detail !== undefined && <p className="font-lead">{t('case.lead', { number: detail.case_number })}</p>}
        {conflict.shown && (
          <div ref={conflictAlert} tabIndex={-1} className="conflict-alert">
            <Alert variant="warning" heading={t('case.conflictHeading')}>
              <p>{t('case.conflictText')}</p>
            </Alert>
          </div>
        )}
        {detail?.access.via_grant === true && (
          <Alert variant="info" heading={t('case.viaGrantHeading')}>
            <p>{t('case.viaGrantText')}</p>
          </Alert>
        )}
        {load.status === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
        {detail === undefined ? (
          load.status === 'loading' && <Spinner text={t('case.loading')} />
        ) : (
          <CaseContent detail={detail} revision={revision} onSaved={onSaved} onConflict={conflict.onConflict} />
        )}
      </Page>
    </>
  );
}
