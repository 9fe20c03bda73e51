// An experiment's status as a DKFDS badge: colour and word together, never colour alone.
import { useTranslation } from 'react-i18next';
import type { ExperimentStatus } from '../../../core/vocabulary.js';

const VARIANT: Record<ExperimentStatus, string> = {
  draft: 'badge badge-info',
  enrolling: 'badge badge-success',
  closed: 'badge',
};

export function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  const { t } = useTranslation();
  return (
    <strong className={VARIANT[status]} data-status={status}>
      {t(`experiments.status.${status}`)}
    </strong>
  );
}
