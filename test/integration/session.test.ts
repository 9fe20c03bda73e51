import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildUser, type BuiltUser } from '../support/factories.js';
import { LOGIN_LIMITS } from '../../src/server/modules/session/service.js';

describe.each(drivers)('session on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let caseworker: BuiltUser;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db);
    const m = await buildMunicipality(t.db.kysely, 'Solbjerg Kommune');
    caseworker = await buildUser(t.db.kysely, m.id, ['caseworker', 'team_leader']);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('logs in, shows who is logged in, and logs out on the server', async () => {
    const client = new Client(app);
    const login = await client.login(caseworker.email, caseworker.password);
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({
      user: { email: caseworker.email, roles: ['caseworker', 'team_leader'] },
      municipality: { name: 'Solbjerg Kommune' },
    });
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/medspiller_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const stolen = client.cookie('medspiller_session');

    expect((await client.request('GET', '/api/session')).json()).toMatchObject({ user: { email: caseworker.email } });
    expect((await client.request('DELETE', '/api/session')).statusCode).toBe(204);
    expect((await client.request('GET', '/api/session')).json()).toEqual({ user: null, municipality: null });

    // The old cookie no longer works: the session ended on the server, not just in the browser.
    const replay = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `medspiller_session=${String(stolen)}` },
    });
    expect(replay.json()).toEqual({ user: null, municipality: null });
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const client = new Client(app);
    const wrong = await client.login(caseworker.email, 'not-the-password-at-all');
    const unknown = await client.login('nobody@test.medspiller.dk', 'not-the-password-at-all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ code: 'invalid_credentials', message: 'Forkert e-mail eller adgangskode.' });
  });

  it('answers in English when asked', async () => {
    const client = new Client(app);
    await client.request('GET', '/api/session');
    const r = await client.request(
      'POST',
      '/api/session',
      { email: caseworker.email, password: 'wrong-password-123' },
      { 'accept-language': 'en-GB,en;q=0.9' },
    );
    expect(r.json()).toEqual({ code: 'invalid_credentials', message: 'Wrong e-mail or password.' });
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: caseworker.email, password: caseworker.password },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('validates the login body by schema with a 400 naming the field', async () => {
    const client = new Client(app);
    await client.request('GET', '/api/session');
    const r = await client.request('POST', '/api/session', { email: caseworker.email });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ code: 'invalid_input', message: 'body.password: Feltet »password« skal udfyldes.' });
    const empty = await client.request(
      'POST',
      '/api/session',
      { email: caseworker.email, password: '' },
      {
        'accept-language': 'en',
      },
    );
    expect(empty.json()).toEqual({
      code: 'invalid_input',
      message: 'body.password: The field "password" is required.',
    });
    const notJson = await client.request('POST', '/api/session', undefined, { 'content-type': 'application/json' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'invalid_input' });
  });

  it('backs off an e-mail after repeated failures from one address, also against the right password', async () => {
    // Per e-mail and address (test/integration/login-limits.test.ts has the rest): this client's own.
    const m = await buildMunicipality(t.db.kysely);
    const user = await buildUser(t.db.kysely, m.id, ['finance']);
    const client = new Client(app, '10.9.9.9');
    for (let i = 0; i < LOGIN_LIMITS.perPair.max; i++)
      expect((await client.login(user.email, 'wrong-password-123')).statusCode).toBe(401);
    const locked = await client.login(user.email, user.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'login_locked' });
  });

  it('refuses logout without a session with 401', async () => {
    const client = new Client(app);
    await client.request('GET', '/api/session');
    const r = await client.request('DELETE', '/api/session');
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ code: 'unauthenticated' });
  });
});
