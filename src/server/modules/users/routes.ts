import { randomUUID } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF_ROLES } from '../../../core/access/roles.js';
import { AppError } from '../../errors.js';
import { errorResponses } from '../../http/schemas.js';
import { inTransaction, type Services } from '../../http/context.js';
import { AUTHENTICATED, roles } from '../../plugins/policy.js';
import { Uuid } from '../cases/schema.js';
import { hashPassword } from '../session/service.js';
import { assertGoodPassword } from './password.js';

// Staff accounts with local passwords (the embedded set-up; production logs in through OIDC).

const StaffRole = Type.Union(STAFF_ROLES.map((r) => Type.Literal(r)));
const NewUser = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320, pattern: '^[^@\\s]+@[^@\\s]+$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(StaffRole, { minItems: 1, maxItems: 6, uniqueItems: true }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    team_id: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
const UserBody = Type.Object({ id: Uuid, email: Type.String(), name: Type.String(), roles: Type.Array(Type.String()), disabled: Type.Boolean() });
const PasswordChange = Type.Object({ current_password: Type.String({ minLength: 1, maxLength: 1024 }), new_password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false });

export const userRoutes: FastifyPluginAsyncTypebox<Services> = async (app, services) => {
  const tags = ['users'];

  app.get('/api/users', { config: { policy: roles('municipality_admin') }, schema: { tags, summary: 'Staff users of the municipality', response: { 200: Type.Array(UserBody), ...errorResponses } } }, async (request) =>
    inTransaction(services, request, async (ctx) => {
      const rows = await ctx.db
        .selectFrom('app_user as u')
        .leftJoin('user_role as r', (j) => j.onRef('r.municipality_id', '=', 'u.municipality_id').onRef('r.user_id', '=', 'u.id'))
        .select(['u.id', 'u.email', 'u.name', 'u.disabled_at', 'r.role'])
        .where('u.municipality_id', '=', ctx.actor.municipalityId)
        .where('u.kind', '=', 'staff')
        .orderBy('u.name')
        .execute();
      const users = new Map<string, { id: string; email: string; name: string; roles: string[]; disabled: boolean }>();
      for (const r of rows) {
        const u = users.get(r.id) ?? { id: r.id, email: r.email, name: r.name, roles: [], disabled: r.disabled_at !== null };
        if (r.role !== null) u.roles.push(r.role);
        users.set(r.id, u);
      }
      return [...users.values()];
    }),
  );

  app.post('/api/users', { config: { policy: roles('municipality_admin') }, schema: { tags, summary: 'Create a staff user with a first password (checked against common passwords)', body: NewUser, response: { 201: UserBody, ...errorResponses } } }, async (request, reply) => {
    const body = request.body;
    const email = body.email.trim().toLowerCase();
    assertGoodPassword(body.password, { email, name: body.name });
    const passwordHash = await hashPassword(body.password);
    const user = await inTransaction(services, request, async (ctx) => {
      const m = ctx.actor.municipalityId;
      const taken = await ctx.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
      if (taken !== undefined) throw new AppError('conflict', { da: 'Der findes allerede en bruger med den e-mail.', en: 'A user with that e-mail already exists.' }, { reason: 'email_taken' });
      if (body.team_id !== undefined) {
        const team = await ctx.db.selectFrom('team').select('id').where('municipality_id', '=', m).where('id', '=', body.team_id).executeTakeFirst();
        if (team === undefined) throw new AppError('invalid_input', { da: 'team_id: teamet findes ikke.', en: 'team_id: no such team.' });
      }
      const id = randomUUID();
      await ctx.db.insertInto('app_user').values({ municipality_id: m, id, kind: 'staff', email, name: body.name.trim(), password_hash: passwordHash }).execute();
      for (const role of body.roles) await ctx.db.insertInto('user_role').values({ municipality_id: m, user_id: id, role }).execute();
      if (body.team_id !== undefined) await ctx.db.insertInto('team_member').values({ municipality_id: m, team_id: body.team_id, user_id: id }).execute();
      return { id, email, name: body.name.trim(), roles: [...body.roles], disabled: false };
    });
    return reply.status(201).send(user);
  });

  app.put('/api/me/password', { config: { policy: AUTHENTICATED }, schema: { tags, summary: 'Change your own password; your other sessions end', body: PasswordChange, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    const actor = request.actor;
    if (actor === null) throw new Error('AUTHENTICATED route without an actor');
    assertGoodPassword(request.body.new_password, { email: actor.email, name: actor.name });
    const newHash = await hashPassword(request.body.new_password);
    await inTransaction(services, request, async (ctx) => {
      const row = await ctx.db.selectFrom('app_user').select('password_hash').where('municipality_id', '=', actor.municipalityId).where('id', '=', actor.userId).executeTakeFirstOrThrow();
      if (row.password_hash === null || !(await verify(row.password_hash, request.body.current_password))) {
        // 400, not 401: the session is fine, a field is wrong.
        throw new AppError('invalid_input', { da: 'current_password: den nuværende adgangskode er forkert.', en: 'current_password: the current password is wrong.' });
      }
      await ctx.db.updateTable('app_user').set((eb) => ({ password_hash: newHash, version: eb('version', '+', 1) })).where('municipality_id', '=', actor.municipalityId).where('id', '=', actor.userId).execute();
      // A changed password ends every other session: whoever knew the old one is out.
      await ctx.db
        .updateTable('user_session')
        .set({ ended_at: ctx.now })
        .where('municipality_id', '=', actor.municipalityId)
        .where('user_id', '=', actor.userId)
        .where('ended_at', 'is', null)
        .where('csrf_token', '!=', request.sessionCsrf ?? '')
        .execute();
    });
    return reply.status(204).send(null);
  });
};
