// The report to take away (HTML, PDF, CSV of the outcome table) for the arms shown, and the
// pseudonymised data set with its codebook for analysing it elsewhere.
import { useTranslation } from 'react-i18next';
import { downloadPath, type Download, type ReportQuery } from '../../api/experiments.js';

const REPORT_FILES: readonly Download[] = ['html', 'pdf', 'csv'];
const DATA_FILES: readonly Download[] = ['dataset', 'codebook'];

export function Downloads({ experimentId, pair }: { experimentId: string; pair: ReportQuery }) {
  const { t } = useTranslation();
  const item = (download: Download) => (
    <li key={download}>
      <a href={downloadPath(experimentId, download, pair)} download data-download={download}>
        {t(`experiments.downloads.${download}`)}
      </a>
    </li>
  );
  return (
    <>
      <h3>{t('experiments.downloads.reportHeading')}</h3>
      <ul className="downloads">{REPORT_FILES.map(item)}</ul>
      <h3>{t('experiments.downloads.dataHeading')}</h3>
      <p>{t('experiments.downloads.dataText')}</p>
      <ul className="downloads">{DATA_FILES.map(item)}</ul>
    </>
  );
}
