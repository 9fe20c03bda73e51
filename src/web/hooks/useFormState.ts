// The state every form shares: problems for its error summary, the field messages, the
// attempt counter that refocuses the summary, and whether a request is under way.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProblem } from '../components/ErrorSummary.js';
import { problemsFrom, problemsOf, type FieldMap } from './problems.js';
import type { ConflictHandler } from './useConflict.js';

export interface FormState {
  problems: FormProblem[];
  fieldErrors: Readonly<Record<string, string>>;
  attempt: number;
  pending: boolean;
  /** Shows what the form found wrong before sending; false when nothing was. */
  check: (found: Readonly<Record<string, string>>) => boolean;
  /** Runs the request; true when it succeeded. A version conflict goes to `onConflict` instead of the summary. */
  send: (request: () => Promise<void>) => Promise<boolean>;
  clear: () => void;
}

export function useFormState(fields: FieldMap, onConflict?: ConflictHandler): FormState {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  const clear = useCallback(() => {
    setProblems([]);
    setFieldErrors({});
  }, []);

  const check = useCallback(
    (found: Readonly<Record<string, string>>): boolean => {
      if (Object.keys(found).length === 0) return true;
      const result = problemsOf(found, fields);
      setProblems(result.problems);
      setFieldErrors(result.fieldErrors);
      setAttempt((n) => n + 1);
      return false;
    },
    [fields],
  );

  const send = useCallback(
    async (request: () => Promise<void>): Promise<boolean> => {
      setPending(true);
      try {
        await request();
        clear();
        return true;
      } catch (error) {
        if (onConflict?.(error) === true) {
          clear();
          return false;
        }
        const result = problemsFrom(error, fields, t('form.failed'));
        setProblems(result.problems);
        setFieldErrors(result.fieldErrors);
        setAttempt((n) => n + 1);
        return false;
      } finally {
        setPending(false);
      }
    },
    [clear, fields, onConflict, t],
  );

  return { problems, fieldErrors, attempt, pending, check, send, clear };
}
