import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { errorResponses } from '../../http/schemas.js';
import { clearSessionCookies, ensureCsrfCookie, SESSION_COOKIE, setSessionCookies, type CookieOptions } from '../../plugins/auth.js';
import { AUTHENTICATED, PUBLIC } from '../../plugins/policy.js';
import { IpLimiter } from './ip-limiter.js';
import { describeSession, formatSessionCookie, login, logout, parseSessionCookie } from './service.js';

const SessionBody = Type.Object({
  user: Type.Union([
    Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), roles: Type.Array(Type.String()) }),
    Type.Null(),
  ]),
  municipality: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
});

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export interface SessionOptions {
  db: Db;
  cookies: CookieOptions;
}

export const sessionRoutes: FastifyPluginAsyncTypebox<SessionOptions> = async (app, { db, cookies }) => {
  const limiter = new IpLimiter(30, 10 * 60_000);

  app.get(
    '/api/session',
    { config: { policy: PUBLIC }, schema: { tags: ['session'], summary: 'Who is logged in', response: { 200: SessionBody } } },
    async (request, reply) => {
      ensureCsrfCookie(request, reply, cookies);
      return describeSession(db.kysely, request.actor);
    },
  );

  app.post(
    '/api/session',
    {
      config: { policy: PUBLIC },
      schema: { tags: ['session'], summary: 'Log in with e-mail and password', body: LoginBody, response: { 200: SessionBody, ...errorResponses } },
    },
    async (request, reply) => {
      if (!limiter.take(request.ip)) {
        throw new AppError('rate_limited', { da: 'For mange loginforsøg herfra. Vent lidt og prøv igen.', en: 'Too many login attempts from here. Wait a while and try again.' });
      }
      const result = await login(db.kysely, request.body.email, request.body.password);
      setSessionCookies(reply, formatSessionCookie(result.cookie), result.csrfToken, cookies);
      request.log.info({ userId: result.actor.userId, municipalityId: result.actor.municipalityId }, 'login');
      return describeSession(db.kysely, result.actor);
    },
  );

  app.delete(
    '/api/session',
    { config: { policy: AUTHENTICATED }, schema: { tags: ['session'], summary: 'Log out (ends the session on the server)', response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      const cookie = parseSessionCookie(request.cookies[SESSION_COOKIE]);
      if (cookie !== undefined) await logout(db.kysely, cookie);
      clearSessionCookies(reply, cookies);
      return reply.status(204).send(null);
    },
  );
};
