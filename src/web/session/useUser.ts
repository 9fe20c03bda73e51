// The logged-in user, for pages under the router's `signedIn` branch (which admits no one else).
import type { SessionUser } from '../api/session.js';
import { currentSession, useSession } from './SessionContext.js';

export function useUser(): SessionUser {
  const { state } = useSession();
  const { user } = currentSession(state);
  if (user === null) throw new Error('useUser on a page that does not require a login');
  return user;
}
