// Why a deadline exists, one click away: a DKFDS details element with the rule's explanation
// (which event it counts from) and its basis in law or local policy.
import { useTranslation } from 'react-i18next';

interface ExplanationProps {
  explanation: string;
  basis: string;
  /** Names the deadline for screen readers, since every row's summary reads the same. */
  subject: string;
}

export function Explanation({ explanation, basis, subject }: ExplanationProps) {
  const { t } = useTranslation();
  return (
    <details className="details explanation">
      <summary className="details-summary">
        {t('deadlines.why')}
        <span className="sr-only"> {subject}</span>
      </summary>
      <div className="details-text">
        <p className="mt-0">{explanation}</p>
        <p className="mb-0">
          <strong>{t('deadlines.basis')}:</strong> {basis}
        </p>
      </div>
    </details>
  );
}
