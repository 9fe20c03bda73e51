// DKFDS error summary ("fejlopsummering"): an error alert listing every problem, each linked to
// its field. It takes focus on every failed submit so screen-reader and keyboard users land on
// it. A page with several forms gives each its own id, so two summaries never share one.
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

export interface FormProblem {
  message: string;
  /** Id of the input the problem is about; without one the problem is listed as plain text. */
  fieldId?: string;
}

interface ErrorSummaryProps {
  /** Unique on the page: "error-summary" for the page's one form, e.g. "visitation-errors" for one among several. */
  id: string;
  heading: string;
  /** 2 above a page's one form, 3 (the default) for a form inside a section. */
  headingLevel?: 2 | 3;
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

export function ErrorSummary({ id, heading, headingLevel = 3, problems, attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (problems.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div
      ref={ref}
      id={id}
      className="alert alert-error error-summary"
      role="alert"
      aria-labelledby={`${id}-heading`}
      tabIndex={-1}
      data-module="error-summary"
    >
      <Icon name="error" className="alert-icon" label={t('alert.error')} />
      <div className="alert-body">
        <Heading className="alert-heading" id={`${id}-heading`}>
          {heading}
        </Heading>
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
