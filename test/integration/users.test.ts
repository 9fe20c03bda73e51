import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildUser, type BuiltUser } from '../support/factories.js';

describe.each(drivers)('staff users and passwords on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: BuiltUser;
  let client: Client;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db);
    const m = await buildMunicipality(t.db.kysely);
    admin = await buildUser(t.db.kysely, m.id, ['municipality_admin']);
    client = new Client(app);
    await client.login(admin.email, admin.password);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('refuses short, common and personal passwords, with every reason', async () => {
    const user = { email: 'karen.hansen@kommune.dk', name: 'Karen Hansen', roles: ['caseworker'] };
    const short = await client.request('POST', '/api/users', { ...user, password: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'invalid_input', problems: ['password_too_short'] });
    const common = await client.request('POST', '/api/users', { ...user, password: 'password12345' });
    expect(common.json()).toMatchObject({ problems: ['password_common'] });
    const personal = await client.request('POST', '/api/users', { ...user, password: 'karen.hansen-2026!' });
    expect(personal.json<{ problems: string[] }>().problems).toContain('password_contains_user_input');
  });

  it('creates a user who can log in, change the password and so end other sessions', async () => {
    const created = await client.request('POST', '/api/users', {
      email: 'Ole.Berg@kommune.dk',
      name: 'Ole Berg',
      roles: ['caseworker', 'team_leader'],
      password: 'grøn-kaffekop-ved-havnen',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'ole.berg@kommune.dk', roles: ['caseworker', 'team_leader'] });
    expect(
      (
        await client.request('POST', '/api/users', {
          email: 'ole.berg@kommune.dk',
          name: 'Ole',
          roles: ['analyst'],
          password: 'grøn-kaffekop-ved-havnen',
        })
      ).json(),
    ).toMatchObject({ reason: 'email_unavailable' });

    const first = new Client(app);
    const second = new Client(app);
    expect((await first.login('ole.berg@kommune.dk', 'grøn-kaffekop-ved-havnen')).statusCode).toBe(200);
    expect((await second.login('ole.berg@kommune.dk', 'grøn-kaffekop-ved-havnen')).statusCode).toBe(200);
    const wrong = await first.request('PUT', '/api/me/password', {
      current_password: 'forkert-forkert',
      new_password: 'blå-cykel-under-broen',
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      (
        await first.request('PUT', '/api/me/password', {
          current_password: 'grøn-kaffekop-ved-havnen',
          new_password: 'blå-cykel-under-broen',
        })
      ).statusCode,
    ).toBe(204);
    expect((await first.request('GET', '/api/session')).json()).toMatchObject({
      user: { email: 'ole.berg@kommune.dk' },
    });
    expect((await second.request('GET', '/api/session')).json()).toEqual({ user: null, municipality: null });
    expect((await new Client(app).login('ole.berg@kommune.dk', 'blå-cykel-under-broen')).statusCode).toBe(200);
  });
});
