import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import { hasAnyRole } from '../../core/access/actor.js';
import { AppError } from '../errors.js';
import type { Policy } from './policy.js';
import type { ScopeCheck } from './scope.js';

// Who is calling, and may they: the session cookie, the CSRF check and the route's declared
// policy and scope, before the body is parsed. The session and the scope come from the
// modules that own them, handed in by app.ts: plugins import no module.

export const SESSION_COOKIE = 'medspiller_session';
export const CSRF_COOKIE = 'medspiller_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrf: string | null;
  }
  interface FastifyInstance {
    /** Every API route with its policy: what the authorisation matrix test walks. */
    routeTable: DeclaredRoute[];
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  policy: Policy;
  schema: Record<string, unknown> | undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string | undefined, b: string | undefined | null): boolean {
  if (a === undefined || b === undefined || b === null) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds the browser keeps the session cookies: the session's absolute lifetime. */
  sessionMaxAge: number;
}

export function setSessionCookies(reply: FastifyReply, session: string, csrf: string, options: CookieOptions): void {
  const maxAge = options.sessionMaxAge;
  reply.setCookie(SESSION_COOKIE, session, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    maxAge,
  });
  // Readable by the web app, which echoes it in X-CSRF-Token: a cross-site page can neither read it nor set the header.
  reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'lax', secure: options.secure, maxAge });
}

export function clearSessionCookies(reply: FastifyReply, options: Pick<CookieOptions, 'secure'>): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', secure: options.secure });
}

/** Gives an anonymous visitor a CSRF cookie, so that even the login form is protected against forged posts. */
export function ensureCsrfCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  options: Pick<CookieOptions, 'secure'>,
): void {
  if (request.cookies[CSRF_COOKIE] !== undefined) return;
  reply.setCookie(CSRF_COOKIE, randomBytes(32).toString('base64url'), {
    path: '/',
    httpOnly: false,
    sameSite: 'lax',
    secure: options.secure,
  });
}

function checkPolicy(policy: Policy, actor: Actor | null): void {
  if (policy.access === 'public') return;
  if (actor === null) throw new AppError('unauthenticated', { da: 'Du skal logge ind.', en: 'Please log in.' });
  if (policy.access === 'roles' && !hasAnyRole(actor, policy.roles)) {
    throw new AppError('forbidden', {
      da: 'Din rolle giver ikke adgang til dette.',
      en: 'Your role does not give access to this.',
    });
  }
}

export interface AuthOptions {
  /** The live session a session cookie's value names, if any. */
  resolveSession: (cookieValue: string | undefined) => Promise<{ actor: Actor; csrfToken: string } | undefined>;
  /** Decides a route's declared scope for the caller; throws 404 outside it. */
  checkScope: ScopeCheck;
}

export function registerAuth(app: FastifyInstance, { resolveSession, checkScope }: AuthOptions): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);
  app.decorateRequest('scope', null);

  const table: DeclaredRoute[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api') || url.startsWith('/api/docs')) return;
    const policy = route.config?.policy;
    if (policy === undefined)
      throw new Error(`Route ${String(route.method)} ${url} declares no policy (config.policy).`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        table.push({ method, url, policy, schema: route.schema as Record<string, unknown> | undefined });
    }
  });

  // Before the body is even parsed: a caller without the right gets 401/403/404, never a
  // 400 or 415 that would tell them how to shape a request they may not make.
  app.addHook('onRequest', async (request) => {
    const session = await resolveSession(request.cookies[SESSION_COOKIE]);
    if (session !== undefined) {
      request.actor = session.actor;
      request.sessionCsrf = session.csrfToken;
    }
    const policy = request.routeOptions.config.policy;
    if (policy === undefined) return; // static files and docs
    checkPolicy(policy, request.actor);
    if (UNSAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const sent = typeof header === 'string' ? header : undefined;
      const expected = request.sessionCsrf ?? request.cookies[CSRF_COOKIE];
      if (!sameToken(sent, expected)) {
        throw new AppError('csrf_failed', {
          da: 'Sikkerhedstjek fejlede. Genindlæs siden og prøv igen.',
          en: 'Security check failed. Reload the page and try again.',
        });
      }
    }
    if (policy.access === 'roles' && policy.scope !== undefined && request.actor !== null) {
      await checkScope(request, policy.scope, request.actor);
    }
  });
}
