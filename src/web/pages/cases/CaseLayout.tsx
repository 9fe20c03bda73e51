// /sager/:caseId/…: one citizen's case. The summary and the main actions stay at the top;
// below, the case's sections (overview, record, visitation, timeline, status, contact,
// caseworker) each have their own address, so back, reload and links work.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Outlet } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import type { CaseBody } from '../../api/cases.js';
import { caseQuery, useCaseChanged } from '../../api/queries.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { Spinner } from '../../components/Spinner.js';
import { useConflict } from '../../hooks/useConflict.js';
import { CASE_STAFF, hasAnyRole } from '../../roles.js';
import { useUser } from '../../session/useUser.js';
import { CaseContext, type CaseContextValue } from './CaseContext.js';
import { CaseSections } from './CaseSections.js';
import { CaseSummary } from './CaseSummary.js';
import './cases.css';

const route = getRouteApi('/signedIn/sager/$caseId');

export function CaseLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const { caseId } = route.useParams();
  const query = useQuery({ ...caseQuery(caseId), enabled: hasAnyRole(user, CASE_STAFF) });
  const client = useQueryClient();
  const caseChanged = useCaseChanged();
  const [revision, setRevision] = useState(0);
  const conflictAlert = useRef<HTMLDivElement>(null);

  // The case as it is now comes with the conflict, unless the form changed a part of it.
  const showCurrent = useCallback(
    (current: CaseBody | undefined) => {
      if (current === undefined) void client.invalidateQueries({ queryKey: ['case', caseId] });
      else caseChanged(current);
      setRevision((n) => n + 1);
    },
    [client, caseId, caseChanged],
  );
  const conflict = useConflict(showCurrent, 'deadlines');
  const { clear, shown: conflictShown } = conflict;
  // Focus goes to the warning once it is on the page (the form that failed may be gone with the
  // old version); each new conflict moves the revision on and brings focus back to it.
  useEffect(() => {
    if (conflictShown) conflictAlert.current?.focus();
  }, [conflictShown, revision]);

  const onSaved = useCallback(
    (next: CaseBody) => {
      caseChanged(next);
      clear();
      setRevision((n) => n + 1);
    },
    [caseChanged, clear],
  );

  const detail = query.data;
  const context = useMemo<CaseContextValue | null>(
    () => (detail === undefined ? null : { detail, onSaved, onConflict: conflict.onConflict, revision }),
    [detail, onSaved, conflict.onConflict, revision],
  );

  if (!hasAnyRole(user, CASE_STAFF)) return <NoAccess title={t('case.title')} />;
  const title = detail?.citizen.name ?? (query.isError ? t('case.notLoaded') : t('case.title'));

  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), link: { to: '/' } },
          { text: t('search.title'), link: { to: '/sager' } },
          { text: title },
        ]}
      />
      <Page title={title} takesFocus={false}>
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
        {query.isError && <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} />}
        {context === null ? (
          query.isPending && <Spinner text={t('case.loading')} />
        ) : (
          <CaseContext.Provider value={context}>
            <CaseSummary detail={context.detail} />
            <div className="row case-body">
              <div className="col-12 col-lg-3 case-nav-column">
                <CaseSections detail={context.detail} />
              </div>
              <div className="col-12 col-lg-9 case-section-column">
                <Outlet />
              </div>
            </div>
          </CaseContext.Provider>
        )}
      </Page>
    </>
  );
}
