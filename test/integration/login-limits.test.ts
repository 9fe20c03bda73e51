import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildTestApp, Client } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildUser, type BuiltUser } from '../support/factories.js';
import { LOGIN_LIMITS } from '../../src/server/modules/session/service.js';
import { ConfigError, parseTrustProxy } from '../../src/server/config.js';

const WRONG = 'forkert-forkert-forkert';
const PAIR_MAX = LOGIN_LIMITS.perPair.max;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};

/** Logs in from `address` with a fresh client; the answer and how long it took. */
async function timedLogin(app: FastifyInstance, address: string, email: string, password: string) {
  const client = new Client(app, address);
  await client.request('GET', '/api/session');
  const started = performance.now();
  const response = await client.request('POST', '/api/session', { email, password });
  return { response, ms: performance.now() - started };
}

describe('MEDSPILLER_TRUST_PROXY', () => {
  it('reads false, true, a hop count and proxy addresses, and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.1, 10.1.0.0/16,::1,loopback')).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
      'loopback',
    ]);
    expect(() => parseTrustProxy('10.0.0.1,proxy.kommune.dk')).toThrow(ConfigError);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(ConfigError);
  });
});

describe.each(drivers)('login limits on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let now = Date.parse('2026-12-07T09:00:00Z');
  let user: BuiltUser;
  let address = 0;
  /** A client address no other test uses: each test starts with clean counters. */
  const freshAddress = (): string => `10.20.${Math.floor(address / 250)}.${(address++ % 250) + 1}`;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db, { clock: () => new Date(now) });
    const m = await buildMunicipality(t.db.kysely, 'Solbjerg Kommune');
    user = await buildUser(t.db.kysely, m.id, ['caseworker']);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('counts failed logins only: 40 successful logins from one address in a minute do not lock', async () => {
    const client = new Client(app, freshAddress());
    for (let i = 0; i < 40; i++) expect((await client.login(user.email, user.password)).statusCode).toBe(200);
    // A few typing errors between them do not either, and a success forgets them.
    for (let i = 0; i < PAIR_MAX - 1; i++) expect((await client.login(user.email, WRONG)).statusCode).toBe(401);
    expect((await client.login(user.email, user.password)).statusCode).toBe(200);
    for (let i = 0; i < PAIR_MAX - 1; i++) expect((await client.login(user.email, WRONG)).statusCode).toBe(401);
    expect((await client.login(user.email, user.password)).statusCode).toBe(200);
  });

  it('backs off the e-mail at the failing address only: the real user elsewhere still logs in', async () => {
    const attacker = new Client(app, freshAddress());
    for (let i = 0; i < PAIR_MAX; i++) expect((await attacker.login(user.email, WRONG)).statusCode).toBe(401);
    const refused = await attacker.login(user.email, user.password);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      code: 'login_locked',
      message: 'For mange forkerte forsøg med denne e-mail. Prøv igen om 15 minutter.',
    });
    expect(refused.headers['retry-after']).toBe(String(15 * 60));

    expect((await new Client(app, freshAddress()).login(user.email, user.password)).statusCode).toBe(200);

    // The window slides: 15 minutes after the failures the address may try again.
    now += LOGIN_LIMITS.perPair.windowMs;
    expect((await attacker.login(user.email, user.password)).statusCode).toBe(200);
  });

  it('backs off an address that fails for many e-mails', async () => {
    const sprayer = new Client(app, freshAddress());
    for (let i = 0; i < LOGIN_LIMITS.perAddress.max; i++) {
      expect((await sprayer.login(`guess-${i}@test.medspiller.dk`, WRONG)).statusCode).toBe(401);
    }
    const refused = await sprayer.login(user.email, user.password);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited' });
    expect((await new Client(app, freshAddress()).login(user.email, user.password)).statusCode).toBe(200);
  });

  it('answers a known and an unknown e-mail alike, before and under back-off', async () => {
    const unknown = 'ingen-konto@test.medspiller.dk';
    const from = freshAddress();
    const known: LightMyRequestResponse[] = [];
    const other: LightMyRequestResponse[] = [];
    for (let i = 0; i <= PAIR_MAX; i++) {
      known.push((await timedLogin(app, from, user.email, WRONG)).response);
      other.push((await timedLogin(app, from, unknown, WRONG)).response);
    }
    for (let i = 0; i <= PAIR_MAX; i++) {
      expect(known[i]!.statusCode).toBe(i < PAIR_MAX ? 401 : 429);
      expect(other[i]!.statusCode).toBe(known[i]!.statusCode);
      expect(other[i]!.body).toBe(known[i]!.body);
      expect(other[i]!.headers['retry-after']).toBe(known[i]!.headers['retry-after']);
    }
    // Even the right password answers as for an unknown e-mail while backed off.
    const right = await timedLogin(app, from, user.email, user.password);
    expect(right.response.body).toBe(other[PAIR_MAX]!.body);
  });

  it('takes about as long for a wrong password as for an unknown e-mail (medians of 20, ratio < 2)', async () => {
    // Each try from its own address, so no back-off interferes; interleaved, so load hits both alike.
    const knownMs: number[] = [];
    const unknownMs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const k = await timedLogin(app, freshAddress(), user.email, WRONG);
      const u = await timedLogin(app, freshAddress(), `ingen-${i}@test.medspiller.dk`, WRONG);
      expect(k.response.statusCode).toBe(401);
      expect(u.response.statusCode).toBe(401);
      knownMs.push(k.ms);
      unknownMs.push(u.ms);
    }
    const ratio = median(knownMs) / median(unknownMs);
    expect(ratio).toBeLessThan(2);
    expect(ratio).toBeGreaterThan(0.5);
  });

  it('throttles wrong current passwords on a password change, per user and address', async () => {
    const m = await buildMunicipality(t.db.kysely);
    const owner = await buildUser(t.db.kysely, m.id, ['caseworker']);
    const thief = new Client(app, freshAddress());
    expect((await thief.login(owner.email, owner.password)).statusCode).toBe(200);
    const change = (c: Client, current: string) =>
      c.request('PUT', '/api/me/password', { current_password: current, new_password: 'blå-cykel-under-broen' });
    for (let i = 0; i < PAIR_MAX; i++) {
      const wrong = await change(thief, `gæt-nummer-${i}-forkert`);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ code: 'invalid_input' });
    }
    const refused = await change(thief, owner.password);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'login_locked' });
    expect(refused.headers['retry-after']).toBeDefined();

    // The owner, at another address, can still change it (and so end the thief's session).
    const real = new Client(app, freshAddress());
    expect((await real.login(owner.email, owner.password)).statusCode).toBe(200);
    expect((await change(real, owner.password)).statusCode).toBe(204);
    expect((await thief.request('GET', '/api/session')).json()).toEqual({ user: null, municipality: null });
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const proxy = freshAddress();
    const failFrom = async (target: FastifyInstance, forwardedFor: string) => {
      const c = new Client(target, proxy);
      await c.request('GET', '/api/session');
      return c.request(
        'POST',
        '/api/session',
        { email: user.email, password: WRONG },
        {
          'x-forwarded-for': forwardedFor,
        },
      );
    };
    // Not configured: everyone behind the proxy is the proxy, and a forged header changes nothing.
    for (let i = 0; i < PAIR_MAX; i++) expect((await failFrom(app, `198.51.100.${i + 1}`)).statusCode).toBe(401);
    expect((await failFrom(app, '198.51.100.99')).statusCode).toBe(429);

    const behind = await buildTestApp(t.db, { clock: () => new Date(now), trustProxy: [proxy] });
    try {
      for (let i = 0; i < PAIR_MAX; i++) expect((await failFrom(behind, '198.51.100.1')).statusCode).toBe(401);
      expect((await failFrom(behind, '198.51.100.1')).statusCode).toBe(429);
      // Another client behind the trusted proxy is another address.
      expect((await failFrom(behind, '198.51.100.2')).statusCode).toBe(401);
      // An untrusted sender's header is ignored: it is counted by its own address.
      const stranger = new Client(behind, freshAddress());
      await stranger.request('GET', '/api/session');
      for (let i = 0; i < PAIR_MAX; i++) {
        const r = await stranger.request(
          'POST',
          '/api/session',
          { email: user.email, password: WRONG },
          { 'x-forwarded-for': `192.0.2.${i + 1}` },
        );
        expect(r.statusCode).toBe(401);
      }
      expect((await stranger.login(user.email, user.password)).statusCode).toBe(429);
    } finally {
      await behind.close();
    }
  });

  it('refuses an e-mail of another municipality as one of its own, naming neither', async () => {
    const home = await buildMunicipality(t.db.kysely, 'Hjemby Kommune');
    const away = await buildMunicipality(t.db.kysely, 'Fjernby Kommune');
    const admin = await buildUser(t.db.kysely, home.id, ['municipality_admin']);
    const ours = await buildUser(t.db.kysely, home.id, ['caseworker']);
    const theirs = await buildUser(t.db.kysely, away.id, ['caseworker'], { name: 'Fjern Person' });
    const client = new Client(app, freshAddress());
    expect((await client.login(admin.email, admin.password)).statusCode).toBe(200);
    const create = (email: string) =>
      client.request('POST', '/api/users', {
        email,
        name: 'Ny Kollega',
        roles: ['caseworker'],
        password: 'grøn-kaffekop-ved-havnen',
      });
    const sameClash = await create(ours.email);
    const otherClash = await create(theirs.email.toUpperCase());
    expect(otherClash.statusCode).toBe(409);
    expect(otherClash.body).toBe(sameClash.body);
    expect(otherClash.json()).toEqual({
      code: 'conflict',
      message: 'Den e-mail kan ikke bruges til en ny bruger. Brug en anden e-mail.',
      reason: 'email_unavailable',
    });
    for (const secret of [away.id, away.name, 'Fjernby', theirs.id, 'Fjern Person'])
      expect(otherClash.body).not.toContain(secret);
  });
});
