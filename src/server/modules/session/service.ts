import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Actor } from '../../../core/access/actor.js';
import { AppError } from '../../errors.js';
import * as q from './queries.js';

export const SESSION_RULES = {
  idleMinutes: 30,
  absoluteHours: 12,
  /** Consecutive failed logins that lock an account, and for how long. */
  lockAfter: 5,
  lockMinutes: 15,
} as const;

// Verifying against a real hash when the e-mail is unknown keeps the answer time the same,
// so response times do not reveal which e-mails have accounts.
const DUMMY_HASH = await hash('medspiller-no-such-user');

export const hashPassword = (password: string): Promise<string> => hash(password);

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface SessionCookie {
  municipalityId: string;
  token: string;
}

export function formatSessionCookie(c: SessionCookie): string {
  return `${c.municipalityId}.${c.token}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseSessionCookie(value: string | undefined): SessionCookie | undefined {
  if (value === undefined) return undefined;
  const dot = value.indexOf('.');
  const municipalityId = value.slice(0, dot);
  const token = value.slice(dot + 1);
  if (dot < 0 || !UUID.test(municipalityId) || !/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  return { municipalityId, token };
}

const invalidCredentials = (): AppError =>
  new AppError('invalid_credentials', { da: 'Forkert e-mail eller adgangskode.', en: 'Wrong e-mail or password.' });

export interface LoginResult {
  cookie: SessionCookie;
  csrfToken: string;
  actor: Actor;
}

export async function login(db: q.Q, email: string, password: string, now = new Date()): Promise<LoginResult> {
  const user = await q.findUserByEmail(db, email.trim().toLowerCase());
  if (user === undefined || user.passwordHash === null) {
    await verify(DUMMY_HASH, password);
    throw invalidCredentials();
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    throw new AppError('login_locked', {
      da: `For mange forkerte forsøg. Prøv igen om ${SESSION_RULES.lockMinutes} minutter.`,
      en: `Too many failed attempts. Try again in ${SESSION_RULES.lockMinutes} minutes.`,
    });
  }
  if (!(await verify(user.passwordHash, password)) || user.disabled) {
    await q.recordFailedLogin(db, user.municipalityId, user.userId, SESSION_RULES.lockAfter, new Date(now.getTime() + SESSION_RULES.lockMinutes * 60_000));
    throw invalidCredentials();
  }
  await q.resetFailedLogins(db, user.municipalityId, user.userId);
  return createSession(db, user, now);
}

/** A user whose identity was proven, by password or by an OpenID Connect provider. */
export interface SessionUser {
  municipalityId: string;
  userId: string;
  kind: 'staff' | 'citizen';
  name: string;
  email: string;
}

/** Opens a session for a proven user; the caller sets the cookies from the result. */
export async function createSession(db: q.Q, user: SessionUser, now = new Date()): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await q.insertSession(db, {
    municipalityId: user.municipalityId,
    tokenHash: sha256(token),
    userId: user.userId,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_RULES.absoluteHours * 3_600_000),
  });
  const roles = await q.rolesOf(db, user.municipalityId, user.userId);
  return {
    cookie: { municipalityId: user.municipalityId, token },
    csrfToken,
    actor: { userId: user.userId, municipalityId: user.municipalityId, kind: user.kind, name: user.name, email: user.email, roles },
  };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

export async function resolveSession(db: q.Q, cookie: SessionCookie, now = new Date()): Promise<ResolvedSession | undefined> {
  const tokenHash = sha256(cookie.token);
  const idleSince = new Date(now.getTime() - SESSION_RULES.idleMinutes * 60_000);
  const live = await q.findLiveSession(db, cookie.municipalityId, tokenHash, idleSince, now);
  if (live === undefined) return undefined;
  // Writing last_seen_at on every request would turn each read into a write; a minute is fine-grained enough.
  if (now.getTime() - live.lastSeenAt.getTime() > 60_000) await q.touchSession(db, cookie.municipalityId, tokenHash, now);
  return {
    csrfToken: live.csrfToken,
    actor: { userId: live.userId, municipalityId: cookie.municipalityId, kind: live.kind, name: live.name, email: live.email, roles: live.roles },
  };
}

export async function logout(db: q.Q, cookie: SessionCookie, now = new Date()): Promise<void> {
  await q.endSession(db, cookie.municipalityId, sha256(cookie.token), now);
}

export async function describeSession(db: q.Q, actor: Actor | null): Promise<{ user: { id: string; name: string; email: string; roles: string[] } | null; municipality: { id: string; name: string } | null }> {
  if (actor === null) return { user: null, municipality: null };
  const name = (await q.municipalityName(db, actor.municipalityId)) ?? '';
  return {
    user: { id: actor.userId, name: actor.name, email: actor.email, roles: [...actor.roles] },
    municipality: { id: actor.municipalityId, name },
  };
}
