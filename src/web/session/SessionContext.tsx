// Who is logged in: fetched once at start, replaced on log in and log out.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/browser.js';
import { asApiError, type ApiError } from '../api/client.js';
import {
  ANONYMOUS,
  fetchSession,
  logIn as postLogIn,
  logOut as deleteSession,
  type SessionBody,
} from '../api/session.js';

export type SessionState =
  { status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; session: SessionBody };

interface SessionContextValue {
  state: SessionState;
  reload: () => void;
  logIn: (email: string, password: string) => Promise<SessionBody>;
  logOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

let latest: SessionBody = ANONYMOUS;

/**
 * The session as of now, for the router's guards: set the moment a log-in or log-out answers,
 * so a navigation right after it is judged by the new session, not the last render's.
 */
export function latestSession(): SessionBody {
  return latest;
}

function ready(session: SessionBody): SessionState {
  latest = session;
  return { status: 'ready', session };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    fetchSession(api).then(
      (session) => {
        if (current) setState(ready(session));
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', error: asApiError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const logIn = useCallback(async (email: string, password: string) => {
    const session = await postLogIn(api, email, password);
    setState(ready(session));
    return session;
  }, []);

  const logOut = useCallback(async () => {
    await deleteSession(api);
    setState(ready(ANONYMOUS));
  }, []);

  const value = useMemo(() => ({ state, reload, logIn, logOut }), [state, reload, logIn, logOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The session once loaded; anonymous while loading or after a failure. */
export function currentSession(state: SessionState): SessionBody {
  return state.status === 'ready' ? state.session : ANONYMOUS;
}
