// /forsoeg/:id/rapport: the experiment's report. A clear banner while it is interim, the
// pre-registration it is judged against, the CONSORT flow, balance, outcomes with 95 %
// intervals (primary first), the curves by arm, and the downloads. The pair of arms compared
// lives in the query string.
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { fetchExperiment, fetchReport, type ExperimentBody, type ReportResponse } from '../../api/experiments.js';
import type { SessionUser } from '../../api/session.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { FactsTable } from '../../components/FactsTable.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { Spinner } from '../../components/Spinner.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useSearchParams } from '../../hooks/useSearchParams.js';
import { formatIsoDate, formatMoment } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { hasAnyRole } from '../../roles.js';
import { experimentPath, PATHS } from '../../router/routes.js';
import { REPORT_READERS } from './access.js';
import { ArmPickers } from './ArmPickers.js';
import { BalanceTables } from './BalanceTables.js';
import { Downloads } from './Downloads.js';
import { FlowDiagram } from './FlowDiagram.js';
import { outcomeRows } from './outcomeRows.js';
import { OutcomeTable } from './OutcomeTable.js';
import { readPair, writePair } from './reportQuery.js';

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

export function ReportPage({ experimentId, user }: { experimentId: string; user: SessionUser }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const pair = readPair(params);
  const [reportLoad, reloadReport] = useLoad(
    () => fetchReport(api, experimentId, pair),
    `${experimentId}|${pair.treatment ?? ''}|${pair.control ?? ''}`,
  );
  const [experimentLoad, reloadExperiment] = useLoad(() => fetchExperiment(api, experimentId), experimentId);

  if (!hasAnyRole(user, REPORT_READERS)) return <NoAccess title={t('experiments.report.title')} />;
  const report = reportLoad.value;
  const experiment = experimentLoad.value;
  const name = experiment?.design.name ?? report?.experiment.name;
  const title = t('experiments.report.title');
  const failed =
    reportLoad.status === 'failed'
      ? { error: reportLoad.error, retry: reloadReport }
      : experimentLoad.status === 'failed'
        ? { error: experimentLoad.error, retry: reloadExperiment }
        : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), to: PATHS.start },
          { text: t('experiments.title'), to: PATHS.experiments },
          ...(name === undefined ? [] : [{ text: name, to: experimentPath(experimentId) }]),
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
          <div aria-busy={reportLoad.status === 'loading'}>
            <ReportContent
              report={report}
              experiment={experiment}
              onChoose={(chosen) => {
                setParams(writePair(chosen, params));
              }}
            />
          </div>
        )}
      </Page>
    </>
  );
}
