// A 409 version_conflict: someone changed the record after the user read it. Every form and
// button that sends a version hands its failure to the page's one handler, which takes the
// record as it is now from the answer's `current` (serialised by the schema of the record the
// page shows: CaseBody, TeamBody, ExperimentBody), or reloads when `current` is another record
// (a case form's conflict may carry the citizen, an event or a status period).
import { useCallback, useState } from 'react';
import { ApiError } from '../api/client.js';

/** Takes a failed request's error; true when it was a version conflict, now handled. */
export type ConflictHandler = (error: unknown) => boolean;

export interface Conflict {
  /** Whether the page should say the record changed under the user. */
  shown: boolean;
  onConflict: ConflictHandler;
  /** The user saved again, or started over: the notice goes. */
  clear: () => void;
}

/**
 * `apply` gets the record as it is now, or undefined when the conflict carried another one.
 * `key` is a field only the page's whole record has; without it `current` is never used.
 * Pass a stable `apply` (useCallback) where the handler goes into a hook's dependencies.
 */
export function useConflict<T extends object>(
  apply: (current: T | undefined) => void,
  key?: keyof T & string,
): Conflict {
  const [shown, setShown] = useState(false);
  const onConflict = useCallback(
    (error: unknown): boolean => {
      if (!(error instanceof ApiError) || error.code !== 'version_conflict') return false;
      const current = error.details.current;
      const whole = key !== undefined && typeof current === 'object' && current !== null && key in current;
      // The server serialised `current` by the same schema as the record the page loaded.
      apply(whole ? (current as T) : undefined);
      setShown(true);
      return true;
    },
    [apply, key],
  );
  const clear = useCallback(() => {
    setShown(false);
  }, []);
  return { shown, onConflict, clear };
}
