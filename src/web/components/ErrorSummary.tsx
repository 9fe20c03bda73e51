// DKFDS error summary ("fejlopsummering"): an error alert listing every problem, each linked to
// its field. It takes focus when it appears so screen-reader and keyboard users land on it.
import { useEffect, useRef, type MouseEvent } from 'react';
import { Icon } from './Icon.js';
import { useTranslation } from 'react-i18next';

export interface FormProblem {
  message: string;
  /** Id of the input the problem is about; without one the problem is listed as plain text. */
  fieldId?: string;
}

interface ErrorSummaryProps {
  heading: string;
  problems: readonly FormProblem[];
  /** Changes on every failed submit, so a repeated error is focused and announced again. */
  attempt: number;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (field === null) return;
  event.preventDefault();
  // Scroll the label into view too, not only the input.
  field.closest('.form-group')?.scrollIntoView();
  field.focus({ preventScroll: true });
}

export function ErrorSummary({ heading, problems, attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <div
      ref={ref}
      id="error-summary"
      className="alert alert-error error-summary"
      role="alert"
      aria-labelledby="error-summary-heading"
      tabIndex={-1}
      data-module="error-summary"
    >
      <Icon name="error" className="alert-icon" label={t('alert.error')} />
      <div className="alert-body">
        <h2 className="alert-heading" id="error-summary-heading">
          {heading}
        </h2>
        <ul className="alert-text nobullet-list">
          {problems.map((problem) => (
            <li key={`${problem.fieldId ?? ''}:${problem.message}`}>
              {problem.fieldId === undefined ? (
                problem.message
              ) : (
                <a
                  className="function-link"
                  href={`#${problem.fieldId}`}
                  onClick={(event) => {
                    focusField(event, problem.fieldId ?? '');
                  }}
                >
                  {problem.message}
                </a>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
