import { createHash, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { decodeCprDigits, generateFictitiousCprs, maskCpr } from '../../src/core/cpr/index.js';
import { cprLookupHash, encryptCpr } from '../../src/server/crypto/index.js';
import type { Database } from '../../src/server/db/schema.js';
import { buildTestApp, Client, testKeyring } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildMunicipality, buildUser, type BuiltUser } from '../support/factories.js';
import { signInAtIdp, startIdp, type TestIdp } from './oidc-idp.js';

// The whole authorization code flow against a real OpenID provider on 127.0.0.1: Medspiller
// through app.inject, the provider through fetch, its login and consent pages filled in as a
// person would. app.inject's requests carry Host: localhost:80, so that is where the provider
// sends the browser back.

const APP_ORIGIN = 'http://localhost';
const SECRET_ENV = 'MEDSPILLER_OIDC_TEST_SECRET';

// Provider rows get the same ids in each database, since the provider knows its redirect URIs up front.
const P = {
  staffA: randomUUID(),
  citizenA: randomUUID(),
  staffB: randomUUID(),
  forgedKeys: randomUUID(),
  disabled: randomUUID(),
  noSecret: randomUUID(),
} as const;

const callbackOf = (providerId: string): string => `${APP_ORIGIN}/api/oidc/${providerId}/callback`;

let idp: TestIdp;
beforeAll(async () => {
  idp = await startIdp(Object.values(P).map(callbackOf));
  process.env[SECRET_ENV] = idp.clientSecret;
});
afterAll(async () => {
  await idp.close();
});

const base64urlSha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

describe.each(drivers)('OpenID Connect login on %s', (driver) => {
  let t: TestDb;
  let db: Kysely<Database>;
  let app: FastifyInstance;
  const logLines: string[] = [];
  let staffA: BuiltUser;
  let subjectStaffA: BuiltUser;
  let citizenA: BuiltUser;
  let staffB: BuiltUser;
  const cpr = generateFictitiousCprs(`oidc-${driver}`, 1)[0] ?? '';
  // Account ids at the provider are per driver: the provider outlives each database.
  const account = (name: string): string => `${driver}-${name}`;

  interface Flow {
    client: Client;
    authorize: URL;
    back: URL;
    landing: LightMyRequestResponse;
  }

  /** Start at Medspiller, sign in at the provider, come back. The hooks play an attacker in between. */
  async function loginThrough(
    providerId: string,
    who: string,
    hooks: { authorize?: (url: URL) => void; back?: (url: URL) => void; cancel?: boolean; via?: FastifyInstance } = {},
  ): Promise<Flow> {
    const client = new Client(app);
    const start = await client.request('GET', `/api/oidc/${providerId}/start`);
    expect(start.statusCode).toBe(302);
    const authorize = new URL(String(start.headers.location));
    hooks.authorize?.(authorize);
    const back = await signInAtIdp(authorize, who, APP_ORIGIN, { cancel: hooks.cancel ?? false });
    hooks.back?.(back);
    const landing =
      hooks.via === undefined
        ? await client.request('GET', back.pathname + back.search)
        : await hooks.via.inject({
            method: 'GET',
            url: back.pathname + back.search,
            headers: { cookie: `medspiller_oidc=${client.cookie('medspiller_oidc') ?? ''}` },
          });
    return { client, authorize, back, landing };
  }

  async function who(client: Client): Promise<unknown> {
    return (await client.request('GET', '/api/session')).json();
  }

  function refusedWith(flow: Flow, reason: string): void {
    expect(flow.landing.statusCode).toBe(302);
    expect(flow.landing.headers.location).toBe(`/login?error=${reason}`);
    expect(flow.client.cookie('medspiller_session')).toBeUndefined();
    expect(String(flow.landing.headers['set-cookie'] ?? '')).not.toMatch(/medspiller_session=[^;]/);
  }

  const lastRefusal = (): { reason?: string; detail?: string } => {
    const line = [...logLines].reverse().find((l) => l.includes('oidc login refused'));
    return line === undefined ? {} : (JSON.parse(line) as { reason?: string; detail?: string });
  };

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    db = t.db.kysely;
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(
          ...chunk
            .toString('utf8')
            .split('\n')
            .filter((l) => l !== ''),
        );
        done();
      },
    });
    app = await buildTestApp(t.db, { log: { level: 'info', stream } });
    const a = await buildMunicipality(db, 'Solbjerg Kommune');
    const b = await buildMunicipality(db, 'Nordby Kommune');
    staffA = await buildUser(db, a.id, ['caseworker']);
    subjectStaffA = await buildUser(db, a.id, ['team_leader']);
    await db
      .updateTable('app_user')
      .set({ oidc_subject: account('emp-0042') })
      .where('municipality_id', '=', a.id)
      .where('id', '=', subjectStaffA.id)
      .execute();
    staffB = await buildUser(db, b.id, ['caseworker']);

    // A citizen registered in Solbjerg, with a login linked to the citizen record.
    const citizenId = randomUUID();
    await db
      .insertInto('citizen')
      .values({
        municipality_id: a.id,
        id: citizenId,
        pseudonym: `P-${citizenId.slice(0, 8)}`,
        cpr_ciphertext: encryptCpr(cpr, testKeyring, `${a.id}/${citizenId}`),
        cpr_lookup: cprLookupHash(cpr, testKeyring),
        cpr_masked: maskCpr(cpr),
        birth_date: decodeCprDigits(cpr)?.birthDate ?? '',
        name: 'Test Borger',
        contact_channel: 'phone',
        language: 'da',
        interpreter_needed: false,
      })
      .execute();
    citizenA = await buildUser(db, a.id, ['citizen']);
    await db
      .updateTable('app_user')
      .set({ citizen_id: citizenId })
      .where('municipality_id', '=', a.id)
      .where('id', '=', citizenA.id)
      .execute();

    const row = { issuer: idp.issuer, client_id: idp.clientId, client_secret_env: SECRET_ENV };
    await db
      .insertInto('oidc_provider')
      .values([
        {
          ...row,
          municipality_id: a.id,
          id: P.staffA,
          audience: 'staff',
          label: 'Medarbejderlogin',
          scopes: 'openid email',
          email_claim: 'email',
        },
        {
          ...row,
          municipality_id: a.id,
          id: P.citizenA,
          audience: 'citizen',
          label: 'Log ind med MitID',
          scopes: 'openid cpr',
          cpr_claim: 'dk.cpr',
        },
        {
          ...row,
          municipality_id: b.id,
          id: P.staffB,
          audience: 'staff',
          label: 'Nordby login',
          scopes: 'openid email',
          email_claim: 'email',
        },
        {
          ...row,
          municipality_id: a.id,
          id: P.forgedKeys,
          audience: 'staff',
          label: 'Forged keys',
          scopes: 'openid email',
          email_claim: 'email',
        },
        { ...row, municipality_id: a.id, id: P.disabled, audience: 'staff', label: 'Switched off', enabled: false },
        {
          ...row,
          municipality_id: a.id,
          id: P.noSecret,
          audience: 'staff',
          label: 'No secret',
          client_secret_env: 'MEDSPILLER_OIDC_NOT_SET_ANYWHERE',
        },
      ])
      .execute();

    idp.accounts.set(account('anna'), { email: staffA.email.toUpperCase(), email_verified: true });
    idp.accounts.set(account('emp-0042'), {});
    idp.accounts.set(account('stranger'), { email: 'stranger@elsewhere.example', email_verified: true });
    idp.accounts.set(account('unverified'), { email: staffA.email, email_verified: false });
    idp.accounts.set(account('bo'), { email: staffB.email, email_verified: true });
    idp.accounts.set(account('borger'), { 'dk.cpr': `${cpr.slice(0, 6)}-${cpr.slice(6)}` });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, all kept for the callback', async () => {
    const client = new Client(app);
    const start = await client.request('GET', `/api/oidc/${P.staffA}/start`);
    expect(start.statusCode).toBe(302);
    const url = new URL(String(start.headers.location));
    expect(url.origin).toBe(idp.issuer);
    const q = url.searchParams;
    expect(q.get('client_id')).toBe(idp.clientId);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe(callbackOf(P.staffA));
    expect(q.get('scope')).toBe('openid email');
    expect(q.get('code_challenge_method')).toBe('S256');

    const key = client.cookie('medspiller_oidc') ?? '';
    expect(String(start.headers['set-cookie'])).toMatch(/medspiller_oidc=[^;]+;.*Path=\/api\/oidc\/;.*HttpOnly/);
    const rows = await db
      .selectFrom('oidc_login_state')
      .selectAll()
      .where('municipality_id', '=', staffA.municipalityId)
      .where('key_hash', '=', createHash('sha256').update(key).digest('hex'))
      .execute();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(q.get('state')).toBe(row.state);
    expect(q.get('nonce')).toBe(row.nonce);
    // RFC 7636 §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))).
    expect(q.get('code_challenge')).toBe(base64urlSha256(row.code_verifier));
    expect(row.code_verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    // Neither the browser's key nor the verifier appears in the redirect.
    expect(url.href).not.toContain(key);
    expect(url.href).not.toContain(row.code_verifier);
  });

  it('logs a member of staff in by the e-mail claim, with the same cookies as password login', async () => {
    const flow = await loginThrough(P.staffA, account('anna'));
    expect(flow.landing.statusCode).toBe(302);
    expect(flow.landing.headers.location).toBe('/');
    const setCookie = String(flow.landing.headers['set-cookie']);
    expect(setCookie).toMatch(/medspiller_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/medspiller_csrf=[^;]+/);
    expect(flow.client.cookie('medspiller_session')?.startsWith(`${staffA.municipalityId}.`)).toBe(true);
    expect(await who(flow.client)).toEqual({
      user: { id: staffA.id, name: 'Test caseworker', email: staffA.email, roles: ['caseworker'] },
      municipality: { id: staffA.municipalityId, name: 'Solbjerg Kommune' },
    });
    // The session works for state-changing requests too (CSRF token from the login), and ends.
    expect((await flow.client.request('DELETE', '/api/session')).statusCode).toBe(204);
  });

  it('accepts the provider’s answer once: replaying the callback, even with the cookie, logs no one in', async () => {
    const client = new Client(app);
    const start = await client.request('GET', `/api/oidc/${P.staffA}/start`);
    const key = client.cookie('medspiller_oidc') ?? '';
    const back = await signInAtIdp(new URL(String(start.headers.location)), account('anna'), APP_ORIGIN);
    const first = await client.request('GET', back.pathname + back.search);
    expect(first.headers.location).toBe('/');
    const replay = await app.inject({
      method: 'GET',
      url: back.pathname + back.search,
      headers: { cookie: `medspiller_oidc=${key}` },
    });
    expect(replay.statusCode).toBe(302);
    expect(replay.headers.location).toBe('/login?error=oidc_expired');
    expect(String(replay.headers['set-cookie'] ?? '')).not.toMatch(/medspiller_session=[^;]/);
  });

  it('refuses a callback whose state does not match the login started in this browser', async () => {
    const flow = await loginThrough(P.staffA, account('anna'), {
      back: (url) => url.searchParams.set('state', 'state-chosen-by-an-attacker'),
    });
    refusedWith(flow, 'oidc_failed');
    expect(lastRefusal().detail).toMatch(/unexpected "state" response parameter/);
    expect(await who(flow.client)).toEqual({ user: null, municipality: null });
  });

  it('refuses a callback in a browser that did not start the login', async () => {
    const started = new Client(app);
    const start = await started.request('GET', `/api/oidc/${P.staffA}/start`);
    const back = await signInAtIdp(new URL(String(start.headers.location)), account('anna'), APP_ORIGIN);
    const victim = new Client(app);
    const landing = await victim.request('GET', back.pathname + back.search);
    expect(landing.headers.location).toBe('/login?error=oidc_expired');
    expect(victim.cookie('medspiller_session')).toBeUndefined();
  });

  it('refuses an ID token whose nonce is not the one this login sent', async () => {
    const flow = await loginThrough(P.staffA, account('anna'), {
      authorize: (url) => url.searchParams.set('nonce', 'nonce-chosen-by-an-attacker'),
    });
    refusedWith(flow, 'oidc_failed');
    expect(lastRefusal().detail).toMatch(/"nonce" claim value/);
  });

  it('refuses an ID token whose signature does not verify against the provider’s published key', async () => {
    idp.forgeKeys = true;
    let flow: Flow;
    try {
      flow = await loginThrough(P.forgedKeys, account('anna'));
    } finally {
      idp.forgeKeys = false;
    }
    refusedWith(flow, 'oidc_failed');
    expect(lastRefusal().detail).toMatch(/JWT signature verification failed/);
  });

  it('refuses a code that was issued for another PKCE challenge', async () => {
    const flow = await loginThrough(P.staffA, account('anna'), {
      authorize: (url) =>
        url.searchParams.set('code_challenge', base64urlSha256('a-verifier-the-attacker-knows-0123456789-abcdef')),
    });
    refusedWith(flow, 'oidc_failed');
    expect(lastRefusal().detail).toMatch(/invalid_grant/);
  });

  it('sends an identity no user matches to the login page with oidc_unknown_user', async () => {
    const flow = await loginThrough(P.staffA, account('stranger'));
    refusedWith(flow, 'oidc_unknown_user');
    expect(await who(flow.client)).toEqual({ user: null, municipality: null });
  });

  it('ignores an e-mail address the provider has not verified', async () => {
    refusedWith(await loginThrough(P.staffA, account('unverified')), 'oidc_unknown_user');
  });

  it('never lets a provider of another municipality log in a user of this one', async () => {
    // Nordby's provider vouches for Solbjerg's caseworker: no session.
    refusedWith(await loginThrough(P.staffB, account('anna')), 'oidc_unknown_user');
    // Solbjerg's provider vouches for Nordby's caseworker: no session either.
    refusedWith(await loginThrough(P.staffA, account('bo')), 'oidc_unknown_user');
    // Nordby's own provider logs Nordby's caseworker in.
    const own = await loginThrough(P.staffB, account('bo'));
    expect(own.landing.headers.location).toBe('/');
    expect(await who(own.client)).toMatchObject({ user: { id: staffB.id }, municipality: { name: 'Nordby Kommune' } });
  });

  it('logs a member of staff in by the subject an operator linked', async () => {
    const flow = await loginThrough(P.staffA, account('emp-0042'));
    expect(flow.landing.headers.location).toBe('/');
    expect(await who(flow.client)).toMatchObject({ user: { id: subjectStaffA.id, roles: ['team_leader'] } });
  });

  it('logs a citizen in through the citizens’ provider by the CPR claim, and only there', async () => {
    const flow = await loginThrough(P.citizenA, account('borger'));
    expect(flow.landing.headers.location).toBe('/');
    expect(await who(flow.client)).toEqual({
      user: { id: citizenA.id, name: 'Test citizen', email: citizenA.email, roles: ['citizen'] },
      municipality: { id: citizenA.municipalityId, name: 'Solbjerg Kommune' },
    });
    // The staff provider's subject means nothing to the citizens' provider.
    refusedWith(await loginThrough(P.citizenA, account('emp-0042')), 'oidc_unknown_user');
    // No CPR number in any log line, with or without its hyphen (its last four digits alone
    // would turn up by chance in request ids).
    const written = `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
    expect(logLines.some((l) => l.includes(cpr) || l.includes(written))).toBe(false);
  });

  it('tells the login page when the person cancels at the provider', async () => {
    refusedWith(await loginThrough(P.staffA, account('anna'), { cancel: true }), 'oidc_cancelled');
  });

  it('refuses a login that took longer than ten minutes', async () => {
    const later = await buildTestApp(t.db, { clock: () => new Date(Date.now() + 11 * 60_000) });
    try {
      const flow = await loginThrough(P.staffA, account('anna'), { via: later });
      expect(flow.landing.statusCode).toBe(302);
      expect(flow.landing.headers.location).toBe('/login?error=oidc_expired');
    } finally {
      await later.close();
    }
  });

  it('answers 404 for a switched-off or unknown provider, 400 for a malformed id, 503 without the secret', async () => {
    const client = new Client(app);
    expect((await client.request('GET', `/api/oidc/${P.disabled}/start`)).statusCode).toBe(404);
    expect((await client.request('GET', `/api/oidc/${randomUUID()}/start`)).json()).toMatchObject({
      code: 'not_found',
    });
    expect((await client.request('GET', `/api/oidc/${randomUUID()}/callback?code=x&state=y`)).statusCode).toBe(404);
    expect((await client.request('GET', '/api/oidc/not-a-uuid/start')).statusCode).toBe(400);
    const noSecret = await client.request('GET', `/api/oidc/${P.noSecret}/start`);
    expect(noSecret.statusCode).toBe(503);
    expect(noSecret.json()).toMatchObject({ code: 'not_ready' });
  });

  it('refuses, in the database, a secret variable outside MEDSPILLER_OIDC_* and an issuer without TLS', async () => {
    const m = await buildMunicipality(db);
    const row = { municipality_id: m.id, audience: 'staff' as const, label: 'x', client_id: 'c' };
    const insert = (values: { issuer: string; client_secret_env?: string }) =>
      db
        .insertInto('oidc_provider')
        .values({ ...row, id: randomUUID(), ...values })
        .execute();
    await expect(insert({ issuer: 'https://idp.example.dk', client_secret_env: 'DATABASE_URL' })).rejects.toThrow(
      /check constraint/,
    );
    await expect(insert({ issuer: 'http://idp.example.dk' })).rejects.toThrow(/check constraint/);
    await expect(insert({ issuer: 'http://127.0.0.1.example.dk' })).rejects.toThrow(/check constraint/);
    await expect(
      insert({ issuer: 'https://idp.example.dk', client_secret_env: 'MEDSPILLER_OIDC_X' }),
    ).resolves.toBeDefined();
  });

  it('lists the enabled providers for the login page, without connection details', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/oidc/providers' });
    expect(r.statusCode).toBe(200);
    const list = r.json<{ id: string; municipality: { name: string }; audience: string; label: string }[]>();
    const ids = list.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([P.staffA, P.citizenA, P.staffB]));
    expect(ids).not.toContain(P.disabled);
    expect(list.find((p) => p.id === P.citizenA)).toEqual({
      id: P.citizenA,
      municipality: { id: citizenA.municipalityId, name: 'Solbjerg Kommune' },
      audience: 'citizen',
      label: 'Log ind med MitID',
    });
    expect(r.body).not.toContain(idp.issuer);
    expect(r.body).not.toContain(idp.clientId);
    expect(r.body).not.toContain(SECRET_ENV);
  });
});
