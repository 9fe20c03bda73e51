// A DKFDS error summary for one form among several on a page: like ErrorSummary, but with ids
// of its own, so two forms' summaries never share an id. It takes focus on every failed submit.
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProblem } from './ErrorSummary.js';
import { Icon } from './Icon.js';

interface FormErrorSummaryProps {
  /** Unique on the page, e.g. "visitation-errors". */
  id: string;
  heading: string;
  problems: readonly FormProblem[];
  attempt: number;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (field === null) return;
  event.preventDefault();
  field.closest('.form-group')?.scrollIntoView();
  field.focus({ preventScroll: true });
}

export function FormErrorSummary({ id, heading, problems, attempt }: FormErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} id={id} className="alert alert-error error-summary" role="alert" aria-labelledby={`${id}-heading`} tabIndex={-1}>
      <Icon name="error" className="alert-icon" label={t('alert.error')} />
      <div className="alert-body">
        <h3 className="alert-heading" id={`${id}-heading`}>
          {heading}
        </h3>
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
