// A deadline's status as a DKFDS badge: colour and word together, never colour alone.
import { useTranslation } from 'react-i18next';
import type { DeadlineStatus } from '../../core/vocabulary.js';

const VARIANT: Record<DeadlineStatus, string> = {
  overdue: 'badge-error',
  open: 'badge-info',
  met: 'badge-success',
  late: 'badge-warning',
};

export function StatusBadge({ status }: { status: DeadlineStatus }) {
  const { t } = useTranslation();
  return (
    <strong className={`badge ${VARIANT[status]}`} data-status={status}>
      {t(`vocabulary.deadlineStatus.${status}`)}
    </strong>
  );
}
