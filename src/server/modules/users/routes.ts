import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { AUTHENTICATED, roles } from '../../plugins/policy.js';
import { NewUser, PasswordChange, UserBody, Users } from './schema.js';
import { FailureThrottle } from '../../../core/throttle/index.js';
import { backOffError, LOGIN_LIMITS } from '../session/service.js';
import * as users from './service.js';

export const userRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['users'];
  // Wrong current passwords, per user and address: a stolen session cannot guess its way to the
  // password, nor keep the real user (from another address) from changing it.
  const throttle = new FailureThrottle(LOGIN_LIMITS);

  app.get(
    '/api/users',
    {
      config: { policy: roles('municipality_admin') },
      schema: {
        operationId: 'listUsers',
        tags,
        summary: 'Staff users of the municipality',
        response: { 200: Users, ...errorResponses },
      },
    },
    async (request) => inTransaction(services, request, (ctx) => users.listStaff(ctx)),
  );

  app.post(
    '/api/users',
    {
      config: { policy: roles('municipality_admin') },
      schema: {
        operationId: 'createUser',
        tags,
        summary: 'Create a staff user with a first password (checked against common passwords)',
        body: NewUser,
        response: { 201: UserBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const passwordHash = await users.newPasswordHash(request.body.password, request.body);
      const user = await inTransaction(services, request, (ctx) =>
        users.createStaffUser(ctx, request.body, passwordHash),
      );
      return reply.status(201).send(user);
    },
  );

  app.put(
    '/api/me/password',
    {
      config: { policy: AUTHENTICATED },
      schema: {
        operationId: 'changeMyPassword',
        tags,
        summary: 'Change your own password; your other sessions end',
        body: PasswordChange,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor === null) throw new Error('AUTHENTICATED route without an actor');
      const now = services.clock().getTime();
      const backOff = throttle.check(actor.userId, request.ip, now);
      if (backOff !== undefined) {
        reply.header('retry-after', String(Math.ceil(backOff.retryAfterMs / 1000)));
        throw backOffError(backOff, 'password');
      }
      const newHash = await users.newPasswordHash(request.body.new_password, actor);
      try {
        await inTransaction(services, request, (ctx) =>
          users.changeOwnPassword(ctx, request.body.current_password, newHash, request.sessionCsrf),
        );
      } catch (error) {
        if (error instanceof users.WrongCurrentPassword) throttle.fail(actor.userId, request.ip, now);
        throw error;
      }
      throttle.succeed(actor.userId, request.ip);
      return reply.status(204).send(null);
    },
  );
};
