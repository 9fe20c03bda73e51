import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import type { Services } from '../../http/context.js';
import { errorResponses } from '../../http/schemas.js';
import {
  clearSessionCookies,
  ensureCsrfCookie,
  SESSION_COOKIE,
  setSessionCookies,
  type CookieOptions,
} from '../../plugins/auth.js';
import { AUTHENTICATED, PUBLIC } from '../../plugins/policy.js';
import { IpLimiter } from './ip-limiter.js';
import { LoginBody, SessionBody } from './schema.js';
import * as session from './service.js';

export interface SessionOptions extends Services {
  cookies: CookieOptions;
}

export const sessionRoutes: FastifyPluginAsyncTypebox<SessionOptions> = async (app, { db, clock, cookies }) => {
  const limiter = new IpLimiter(30, 10 * 60_000);
  const tags = ['session'];

  app.get(
    '/api/session',
    {
      config: { policy: PUBLIC },
      schema: { operationId: 'getSession', tags, summary: 'Who is logged in', response: { 200: SessionBody } },
    },
    async (request, reply) => {
      ensureCsrfCookie(request, reply, cookies);
      return session.describeSession(db.kysely, request.actor);
    },
  );

  app.post(
    '/api/session',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'logIn',
        tags,
        summary: 'Log in with e-mail and password',
        body: LoginBody,
        response: { 200: SessionBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const now = clock();
      if (!limiter.take(request.ip, now.getTime())) {
        throw new AppError('rate_limited', {
          da: 'For mange loginforsøg herfra. Vent lidt og prøv igen.',
          en: 'Too many login attempts from here. Wait a while and try again.',
        });
      }
      const result = await session.login(db.kysely, request.body.email, request.body.password, now);
      setSessionCookies(reply, result.cookie, result.csrfToken, cookies);
      request.log.info({ userId: result.actor.userId, municipalityId: result.actor.municipalityId }, 'login');
      return session.describeSession(db.kysely, result.actor);
    },
  );

  app.delete(
    '/api/session',
    {
      config: { policy: AUTHENTICATED },
      schema: {
        operationId: 'logOut',
        tags,
        summary: 'Log out (ends the session on the server)',
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await session.logout(db.kysely, request.cookies[SESSION_COOKIE], clock());
      clearSessionCookies(reply, cookies);
      return reply.status(204).send(null);
    },
  );
};
