// /forsoeg/:id/rapport: the experiment's report. A clear banner while it is interim, the
// pre-registration it is judged against, the CONSORT flow, balance, outcomes with 95 %
// intervals (primary first), the curves by arm, and the downloads. The pair of arms compared
// lives in the query string.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import type { ExperimentBody, ReportResponse } from '../../api/experiments.js';
import { experimentQuery, reportQuery } from '../../api/queries.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs.js';
import { FactsTable } from '../../components/FactsTable.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { Spinner } from '../../components/Spinner.js';
import { formatIsoDate, formatMoment } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { hasAnyRole } from '../../roles.js';
import { useUser } from '../../session/useUser.js';
import { REPORT_READERS } from './access.js';
import { ArmPickers } from './ArmPickers.js';
import { BalanceTables } from './BalanceTables.js';
import { Downloads } from './Downloads.js';
import { FlowDiagram } from './FlowDiagram.js';
import { outcomeRows } from './outcomeRows.js';
import { OutcomeTable } from './OutcomeTable.js';
import { readPair, writePair } from './reportQuery.js';
import './experiments.css';

const route = getRouteApi('/signedIn/forsoeg/$experimentId/rapport');

// Observable Plot (and d3 under it) loads only with the report, not with every page.
const CurveChart = lazy(async () => ({ default: (await import('./CurveChart.js')).CurveChart }));

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="case-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

function About({ report }: { report: ReportResponse }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const x = report.experiment;
  const rows = [
    { key: 'question', label: t('experiments.design.question'), value: x.question },
    { key: 'asOf', label: t('experiments.report.asOf'), value: formatIsoDate(report.as_of, language) },
    { key: 'version', label: t('experiments.lock.version'), value: String(x.design_version) },
    {
      key: 'lockedAt',
      label: t('experiments.lock.lockedAt'),
      value: x.locked_at === null ? t('common.none') : formatMoment(x.locked_at, language),
    },
    {
      key: 'hash',
      label: t('experiments.lock.hash'),
      value: <code className="design-hash">{x.design_hash ?? t('common.none')}</code>,
    },
  ];
  return <FactsTable caption={t('experiments.report.aboutCaption')} rows={rows} className="report-about" />;
}

function ReportContent({
  report,
  experiment,
  onChoose,
}: {
  report: ReportResponse;
  experiment: ExperimentBody;
  onChoose: (pair: { treatment: string; control: string }) => void;
}) {
  const { t } = useTranslation();
  const labelOf = (arm: string): string => report.flow.arms.find((flow) => flow.arm === arm)?.label ?? arm;
  const arms = report.flow.arms.map((flow) => ({ arm: flow.arm, label: flow.label }));
  const curves = useMemo(
    () =>
      report.curves.arms.map((curve) => ({
        arm: curve.arm,
        label: report.flow.arms.find((flow) => flow.arm === curve.arm)?.label ?? curve.arm,
        points: curve.points,
      })),
    [report],
  );
  const evaluation = report.evaluation;
  const pair = { treatment: report.treatment, control: report.control };
  return (
    <>
      <About report={report} />
      <Section id="compare" heading={t('experiments.report.compareHeading')}>
        <p>
          {t('experiments.report.compareIntro', {
            treatment: labelOf(report.treatment),
            control: labelOf(report.control),
          })}
        </p>
        <ArmPickers
          key={`${report.treatment}|${report.control}`}
          arms={arms}
          treatment={report.treatment}
          control={report.control}
          onChoose={onChoose}
        />
      </Section>
      <Section id="flow" heading={t('experiments.flow.heading')}>
        <FlowDiagram flow={report.flow} />
      </Section>
      <Section id="balance" heading={t('experiments.report.balanceHeading')}>
        {evaluation === null ? (
          <p>{t('experiments.report.noEvaluation')}</p>
        ) : (
          <BalanceTables
            evaluation={evaluation}
            treatmentLabel={labelOf(report.treatment)}
            controlLabel={labelOf(report.control)}
          />
        )}
      </Section>
      <Section id="outcomes" heading={t('experiments.report.outcomesHeading')}>
        {evaluation === null ? (
          <p>{t('experiments.report.noEvaluation')}</p>
        ) : (
          <>
            <p>{t('experiments.report.outcomesIntro', { weeks: evaluation.weeks })}</p>
            <OutcomeTable
              rows={outcomeRows(evaluation, report.experiment.primary_outcome, experiment.design.secondary_outcomes)}
              treatmentLabel={labelOf(report.treatment)}
              controlLabel={labelOf(report.control)}
              n={evaluation.n}
            />
          </>
        )}
      </Section>
      <Section id="curves" heading={t('experiments.charts.heading')}>
        <p>{t('experiments.charts.intro')}</p>
        <Suspense fallback={<Spinner text={t('experiments.charts.loading')} />}>
          <CurveChart id="chart-employed" kind="cumulative_employed" arms={curves} />
          <CurveChart id="chart-survival" kind="survival" arms={curves} />
        </Suspense>
      </Section>
      <Section id="downloads" heading={t('experiments.downloads.heading')}>
        <Downloads experimentId={report.experiment.id} pair={pair} />
      </Section>
    </>
  );
}

function ReportView({ experimentId }: { experimentId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate({ from: '/forsoeg/$experimentId/rapport' });
  const pair = readPair(route.useSearch());
  const allowed = hasAnyRole(user, REPORT_READERS);
  // The report of the pair shown stays, with the arm pickers, while another pair loads.
  const reportLoad = useQuery({
    ...reportQuery(experimentId, pair),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });
  const experimentLoad = useQuery({ ...experimentQuery(experimentId), enabled: allowed });

  if (!allowed) return <NoAccess title={t('experiments.report.title')} />;
  const report = reportLoad.data;
  const experiment = experimentLoad.data;
  const name = experiment?.design.name ?? report?.experiment.name;
  const title = t('experiments.report.title');
  const experimentCrumb: Crumb[] =
    name === undefined ? [] : [{ text: name, link: { to: '/forsoeg/$experimentId', params: { experimentId } } }];
  const failedLoad = reportLoad.isError ? reportLoad : experimentLoad.isError ? experimentLoad : null;
  const failed =
    failedLoad === null ? null : { error: asApiError(failedLoad.error), retry: () => void failedLoad.refetch() };
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), link: { to: '/' } },
          { text: t('experiments.title'), link: { to: '/forsoeg' } },
          ...experimentCrumb,
          { text: title },
        ]}
      />
      <Page title={title}>
        {name !== undefined && <p className="font-lead">{name}</p>}
        {report?.interim === true && (
          <Alert variant="warning" heading={t('experiments.report.interimHeading')} announce={false}>
            <p>{t('experiments.report.interimText')}</p>
          </Alert>
        )}
        {failed !== null && <LoadFailed error={failed.error} onRetry={failed.retry} />}
        {report === undefined || experiment === undefined ? (
          failed === null && <Spinner text={t('experiments.report.loading')} />
        ) : (
          <div aria-busy={reportLoad.isFetching}>
            <ReportContent
              report={report}
              experiment={experiment}
              onChoose={(chosen) => {
                // The same page with other figures: no new history entry, and the user stays where they are.
                void navigate({
                  to: '.',
                  search: (prev) => ({ ...prev, ...writePair(chosen) }),
                  replace: true,
                  resetScroll: false,
                });
              }}
            />
          </div>
        )}
      </Page>
    </>
  );
}

export function ReportPage() {
  const { experimentId } = route.useParams();
  return <ReportView key={experimentId} experimentId={experimentId} />;
}
