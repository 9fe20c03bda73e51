// The session resource: who is logged in, and in which municipality.
import type { ApiClient } from './client.js';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  roles: string[];
}

export interface Municipality {
  id: string;
  name: string;
}

export interface Session {
  user: SessionUser | null;
  municipality: Municipality | null;
}

export const ANONYMOUS: Session = { user: null, municipality: null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseUser(value: unknown): SessionUser | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) throw new Error('session.user is not an object');
  const { id, name, email, roles } = value;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof email !== 'string') {
    throw new Error('session.user lacks id, name or email');
  }
  if (!Array.isArray(roles) || !roles.every((role): role is string => typeof role === 'string')) {
    throw new Error('session.user.roles is not a list of strings');
  }
  return { id, name, email, roles };
}

function parseMunicipality(value: unknown): Municipality | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) throw new Error('session.municipality is not an object');
  const { id, name } = value;
  if (typeof id !== 'string' || typeof name !== 'string') throw new Error('session.municipality lacks id or name');
  return { id, name };
}

export function parseSession(json: unknown): Session {
  if (!isRecord(json)) throw new Error('session is not an object');
  return { user: parseUser(json.user), municipality: parseMunicipality(json.municipality) };
}

export function fetchSession(api: ApiClient): Promise<Session> {
  return api.request('GET', '/api/session', { parse: parseSession });
}

export function logIn(api: ApiClient, email: string, password: string): Promise<Session> {
  return api.request('POST', '/api/session', { body: { email, password }, parse: parseSession });
}

export function logOut(api: ApiClient): Promise<void> {
  return api.request('DELETE', '/api/session');
}
