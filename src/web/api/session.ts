// The session resource: who is logged in, and in which municipality.
import type { LoginBody, SessionBody } from '../../server/modules/session/schema.js';
import type { ApiClient } from './client.js';

export type { SessionBody } from '../../server/modules/session/schema.js';
export type SessionUser = NonNullable<SessionBody['user']>;

export const ANONYMOUS: SessionBody = { user: null, municipality: null };

export function fetchSession(api: ApiClient): Promise<SessionBody> {
  return api.request('GET', '/api/session');
}

export function logIn(api: ApiClient, email: string, password: string): Promise<SessionBody> {
  const body: LoginBody = { email, password };
  return api.request('POST', '/api/session', { body });
}

export function logOut(api: ApiClient): Promise<void> {
  return api.request('DELETE', '/api/session');
}
