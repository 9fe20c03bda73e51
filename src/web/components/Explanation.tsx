// Why a deadline exists, one click away: a DKFDS details element with the rule's explanation
// (which event it counts from) and its basis in law or local policy. The server writes the
// dates in them the ISO way (the CLI's contract); here they are written the UI language's way.
import { useTranslation } from 'react-i18next';
import { formatDatesInText } from '../i18n/format.js';
import { useLanguage } from '../i18n/index.js';

interface ExplanationProps {
  explanation: string;
  basis: string;
  /** Names the deadline for screen readers, since every row's summary reads the same. */
  subject: string;
}

export function Explanation({ explanation, basis, subject }: ExplanationProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <details className="details explanation">
      <summary className="details-summary">
        {t('deadlines.why')}
        <span className="sr-only"> {subject}</span>
      </summary>
      <div className="details-text">
        <p className="mt-0">{formatDatesInText(explanation, language)}</p>
        <p className="mb-0">
          <strong>{t('deadlines.basis')}:</strong> {formatDatesInText(basis, language)}
        </p>
      </div>
    </details>
  );
}
