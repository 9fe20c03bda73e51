// /min-side: the citizen's own case, read-only and in plain words — where it stands, who their
// caseworker is, what must happen next and by when — and who has seen their data.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseBody } from '../../api/cases.js';
import { asApiError } from '../../api/client.js';
import { myAccessLogQuery, myCaseQuery } from '../../api/queries.js';
import { AccessLog, useAccessLogPaging } from '../../components/AccessLog.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { FactsTable, type Fact } from '../../components/FactsTable.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { Spinner } from '../../components/Spinner.js';
import { formatIsoDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { useUser } from '../../session/useUser.js';
import { UpcomingDeadlines } from './UpcomingDeadlines.js';
import './my-page.css';

function Placement({ detail }: { detail: CaseBody }) {
  const { t } = useTranslation();
  if (detail.category === null) return <>{t('myPage.case.notVisited')}</>;
  return (
    <>
      <strong>{t(`vocabulary.category.${detail.category}`)}</strong>
      {detail.track !== null && <> – {t(`vocabulary.track.${detail.track}`)}</>}
      <span className="d-block">
        {detail.track === null
          ? t(`myPage.case.categoryMeans.${detail.category}`)
          : t(`myPage.case.trackMeans.${detail.track}`)}
      </span>
    </>
  );
}

function CaseFacts({ detail }: { detail: CaseBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reason = detail.track_reason ?? detail.category_reason;
  const rows: Fact[] = [
    {
      key: 'status',
      label: t('myPage.case.status'),
      value: detail.status === 'open' ? t('myPage.case.open') : t('myPage.case.closed'),
    },
    { key: 'placement', label: t('myPage.case.placement'), value: <Placement detail={detail} /> },
    ...(reason === null ? [] : [{ key: 'reason', label: t('myPage.case.reason'), value: reason }]),
    {
      key: 'caseworker',
      label: t('myPage.case.caseworker'),
      value: detail.caseworker?.name ?? t('myPage.case.noCaseworker'),
    },
    { key: 'benefit', label: t('myPage.case.benefit'), value: t(`vocabulary.benefit.${detail.benefit}`) },
    { key: 'registered', label: t('myPage.case.registered'), value: formatIsoDate(detail.registered, language) },
    { key: 'caseNumber', label: t('myPage.case.caseNumber'), value: detail.case_number },
  ];
  return <FactsTable caption={t('myPage.case.heading')} rows={rows} className="my-case-facts" />;
}

function MyCase() {
  const { t } = useTranslation();
  const query = useQuery(myCaseQuery());
  const error = query.isError ? asApiError(query.error) : null;
  return (
    <>
      <section aria-labelledby="my-case-heading">
        <h2 id="my-case-heading">{t('myPage.case.heading')}</h2>
        {error !== null &&
          (error.status === 404 ? (
            <Alert variant="info" heading={t('myPage.case.noneHeading')} headingLevel={3}>
              <p>{t('myPage.case.noneText')}</p>
            </Alert>
          ) : (
            <LoadFailed error={error} onRetry={() => void query.refetch()} headingLevel={3} />
          ))}
        {query.data === undefined ? (
          query.isPending && <Spinner text={t('myPage.case.loading')} />
        ) : (
          <CaseFacts detail={query.data} />
        )}
      </section>
      {query.data !== undefined && (
        <section aria-labelledby="my-deadlines-heading">
          <h2 id="my-deadlines-heading">{t('myPage.deadlines.heading')}</h2>
          <UpcomingDeadlines detail={query.data} />
        </section>
      )}
    </>
  );
}

function MyAccessLog({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const paging = useAccessLogPaging();
  const result = useQuery(myAccessLogQuery(paging.query));
  return (
    <AccessLog
      id="my-access-log"
      heading={t('myPage.accessLog.heading')}
      headingLevel={2}
      result={result}
      paging={paging}
      selfId={selfId}
      intro={t('myPage.accessLog.intro')}
      empty={t('myPage.accessLog.empty')}
    />
  );
}

export function MyPage() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user.roles.includes('citizen')) return <NoAccess title={t('myPage.title')} />;
  return (
    <>
      <Breadcrumbs items={[{ text: t('start.title'), link: { to: '/' } }, { text: t('myPage.title') }]} />
      <Page title={t('myPage.title')}>
        <p className="font-lead">{t('myPage.lead')}</p>
        <MyCase />
        <MyAccessLog selfId={user.id} />
      </Page>
    </>
  );
}
