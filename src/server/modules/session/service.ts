import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../crypto/index.js';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import type { UserKind } from '../../../core/vocabulary.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { Tenant } from '../../db/tenant.js';
import { AppError } from '../../errors.js';
import type { Services } from '../../http/context.js';
import type { BackOff, ThrottleRules } from '../../../core/throttle/index.js';
import * as system from '../system/service.js';
import * as users from '../users/service.js';
import { verifyNothing, verifyPassword } from '../users/password.js';
import * as q from './queries.js';
import type { SessionBody } from './schema.js';

export { hashPassword } from '../users/password.js';

export const SESSION_RULES = {
  idleMinutes: 30,
  absoluteHours: 12,
} as const;

/**
 * Back-off after failed logins (core/throttle): 5 failures for one e-mail from one address, or
 * 100 from one address for any e-mails, within 15 minutes. The same rules guard the current
 * password on a password change, per user and address.
 */
export const LOGIN_LIMITS: ThrottleRules = {
  perPair: { max: 5, windowMs: 15 * 60_000 },
  perAddress: { max: 100, windowMs: 15 * 60_000 },
};

/** The answer while a back-off is in force: the same for known and unknown e-mails. */
export function backOffError(backOff: BackOff, what: 'login' | 'password'): AppError {
  const minutes = Math.max(1, Math.ceil(backOff.retryAfterMs / 60_000));
  if (backOff.scope === 'address') {
    return new AppError('rate_limited', {
      da: `For mange forkerte forsøg herfra. Prøv igen om ${minutes} minutter.`,
      en: `Too many failed attempts from here. Try again in ${minutes} minutes.`,
    });
  }
  return new AppError(
    'login_locked',
    what === 'login'
      ? {
          da: `For mange forkerte forsøg med denne e-mail. Prøv igen om ${minutes} minutter.`,
          en: `Too many failed attempts with this e-mail. Try again in ${minutes} minutes.`,
        }
      : {
          da: `For mange forkerte forsøg med den nuværende adgangskode. Prøv igen om ${minutes} minutter.`,
          en: `Too many failed attempts with the current password. Try again in ${minutes} minutes.`,
        },
  );
}

/** How long the browser keeps the session cookie: the session's absolute lifetime. */
export const SESSION_COOKIE_MAX_AGE = SESSION_RULES.absoluteHours * 3600;

// The session cookie: `<municipality id>.<token>`. The municipality tells which tenant's
// user_session to look in; only the token's hash is stored.

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
  /** The value of the session cookie. */
  cookie: string;
  csrfToken: string;
  actor: Actor;
}

/**
 * Checks an e-mail and password and opens a session. Every refusal is the same 401, after the
 * same work: an unknown e-mail is verified against a dummy hash, a disabled user's password is
 * verified too. The back-off (the caller's, per e-mail and address) decides before this runs.
 */
export async function login(db: Kysely<Database>, email: string, password: string, now: Date): Promise<LoginResult> {
  const user = await users.findLogin(db, email);
  if (user === undefined || user.passwordHash === null) {
    await verifyNothing(password);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, password)) || user.disabled) throw invalidCredentials();
  return createSession(new Tenant(db, user.municipalityId), user, now);
}

/** A user whose identity was proven, by password or by an OpenID Connect provider. */
export interface SessionUser {
  userId: string;
  kind: UserKind;
  name: string;
  email: string;
}

/** Opens a session for a proven user of `db`'s municipality; the caller sets the cookies from the result. */
export async function createSession(db: Tenant, user: SessionUser, now: Date): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await q.insertSession(db, {
    tokenHash: sha256Hex(token),
    userId: user.userId,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_RULES.absoluteHours * 3_600_000),
    now,
  });
  const roles = await users.rolesOf(db, user.userId);
  return {
    cookie: formatSessionCookie({ municipalityId: db.municipalityId, token }),
    csrfToken,
    actor: {
      userId: user.userId,
      municipalityId: db.municipalityId,
      kind: user.kind,
      name: user.name,
      email: user.email,
      roles,
    },
  };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** The live session a cookie names, if any; keeps it from going idle. */
export async function resolveSession(
  db: Kysely<Database>,
  cookieValue: string | undefined,
  now: Date,
): Promise<ResolvedSession | undefined> {
  const cookie = parseSessionCookie(cookieValue);
  if (cookie === undefined) return undefined;
  const tenant = new Tenant(db, cookie.municipalityId);
  const tokenHash = sha256Hex(cookie.token);
  const idleSince = new Date(now.getTime() - SESSION_RULES.idleMinutes * 60_000);
  const live = await q.findLiveSession(tenant, tokenHash, idleSince, now);
  if (live === undefined) return undefined;
  // Writing last_seen_at on every request would turn each read into a write; a minute is fine-grained enough.
  if (now.getTime() - live.lastSeenAt.getTime() > 60_000) await q.touchSession(tenant, tokenHash, now);
  return {
    csrfToken: live.csrfToken,
    actor: {
      userId: live.userId,
      municipalityId: cookie.municipalityId,
      kind: live.kind,
      name: live.name,
      email: live.email,
      roles: live.roles,
    },
  };
}

/** What the auth plugin calls on every request: the session of a cookie, on the injected clock. */
export function sessionResolver(
  services: Pick<Services, 'db' | 'clock'>,
): (cookieValue: string | undefined) => Promise<ResolvedSession | undefined> {
  return (cookieValue) => resolveSession(services.db.kysely, cookieValue, services.clock());
}

/** Ends the session a cookie names, on the server. */
export async function logout(db: Kysely<Database>, cookieValue: string | undefined, now: Date): Promise<void> {
  const cookie = parseSessionCookie(cookieValue);
  if (cookie === undefined) return;
  await q.endSession(new Tenant(db, cookie.municipalityId), sha256Hex(cookie.token), now);
}

/** Ends the caller's other sessions: all but the one holding `currentCsrf`. */
export async function endOtherSessions(ctx: Ctx, currentCsrf: string | null): Promise<void> {
  await q.endOtherSessions(ctx.db, ctx.actor.userId, currentCsrf ?? '', ctx.now);
}

export async function describeSession(db: Kysely<Database>, actor: Actor | null): Promise<SessionBody> {
  if (actor === null) return { user: null, municipality: null };
  const name = (await system.municipalityName(db, actor.municipalityId)) ?? '';
  return {
    user: { id: actor.userId, name: actor.name, email: actor.email, roles: [...actor.roles] },
    municipality: { id: actor.municipalityId, name },
  };
}
