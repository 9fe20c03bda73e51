// Loads something from the API when its inputs change, ignoring answers that arrive after
// newer ones were asked for. The last good value stays while the next one loads.
import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/client.js';

export type Load<T> =
  | { status: 'loading'; value: T | undefined }
  | { status: 'ready'; value: T }
  | { status: 'failed'; value: T | undefined; error: ApiError };

export function useLoad<T>(load: () => Promise<T>, key: string): [Load<T>, () => void, (value: T) => void] {
  const [state, setState] = useState<Load<T>>({ status: 'loading', value: undefined });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState((before) => ({ status: 'loading', value: before.value }));
    load().then(
      (value) => {
        if (current) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (current) setState((before) => ({ status: 'failed', value: before.value, error: asApiError(error) }));
      },
    );
    return () => {
      current = false;
    };
    // `key` stands for everything `load` depends on; `load` itself is a new function each render.
  }, [key, attempt]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  const replace = useCallback((value: T) => {
    setState({ status: 'ready', value });
  }, []);
  return [state, reload, replace];
}
