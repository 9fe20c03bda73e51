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
import { FailureThrottle } from '../../../core/throttle/index.js';
import { normaliseEmail } from '../users/service.js';
import { LoginBody, SessionBody } from './schema.js';
import * as session from './service.js';

export interface SessionOptions extends Services {
  cookies: CookieOptions;
}

export const sessionRoutes: FastifyPluginAsyncTypebox<SessionOptions> = async (app, { db, clock, cookies }) => {
  // Failed logins only (core/throttle); request.ip honours MEDSPILLER_TRUST_PROXY.
  const throttle = new FailureThrottle(session.LOGIN_LIMITS);
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
      const subject = normaliseEmail(request.body.email);
      const backOff = throttle.check(subject, request.ip, now.getTime());
      if (backOff !== undefined) {
        reply.header('retry-after', String(Math.ceil(backOff.retryAfterMs / 1000)));
        throw session.backOffError(backOff, 'login');
      }
      let result: session.LoginResult;
      try {
        result = await session.login(db.kysely, request.body.email, request.body.password, now);
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_credentials') {
          throttle.fail(subject, request.ip, now.getTime());
        }
        throw error;
      }
      throttle.succeed(subject, request.ip);
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
