import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { CprKeyring } from '../../crypto/index.js';
import { cprLookupHash, sha256Hex } from '../../crypto/index.js';
import type { Database } from '../../db/schema.js';
import { Tenant } from '../../db/tenant.js';
import { notFound } from '../../errors.js';
import * as session from '../session/service.js';
import * as users from '../users/service.js';
import { missingClaims, readIdentity, type ClaimMapping, type Claims } from './claims.js';
import type { ProviderClients } from './clients.js';
import * as q from './queries.js';
import type { ProviderList } from './schema.js';

// Login with OpenID Connect: authorization code flow with PKCE, state and nonce. The state of
// a login under way is kept in oidc_login_state under the hash of a key that only the browser's
// cookie holds; the callback takes it (once) and lets openid-client check state, nonce, PKCE,
// issuer, audience, expiry and the ID token's signature.

export const LOGIN_STATE_MINUTES = 10;

export interface OidcServices {
  db: Kysely<Database>;
  keyring: CprKeyring;
  clients: ProviderClients;
}

const noSuchProvider = () => notFound({ da: 'Login-udbyderen findes ikke.', en: 'No such login provider.' });

/** The enabled identity providers of every municipality, for the login page. */
export async function listProviders(s: Pick<OidcServices, 'db'>): Promise<ProviderList> {
  const providers = await q.listEnabledProviders(s.db);
  return providers.map((p) => ({
    id: p.id,
    municipality: { id: p.municipalityId, name: p.municipality },
    audience: p.audience,
    label: p.label,
  }));
}

export interface StartedLogin {
  /** The identity provider's authorization URL to send the browser to. */
  location: URL;
  /** For the browser's HttpOnly cookie; only its hash is stored. */
  cookieKey: string;
}

export async function startLogin(
  s: OidcServices,
  providerId: string,
  redirectUri: string,
  now: Date,
): Promise<StartedLogin> {
  const provider = await q.findEnabledProvider(s.db, providerId);
  if (provider === undefined) throw noSuchProvider();
  const config = await s.clients.get(provider, now.getTime());
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const cookieKey = randomBytes(32).toString('base64url');
  const db = new Tenant(s.db, provider.municipalityId);
  await q.deleteExpiredLoginStates(db, now);
  await q.insertLoginState(db, {
    keyHash: sha256Hex(cookieKey),
    providerId: provider.id,
    state,
    nonce,
    codeVerifier,
    expiresAt: new Date(now.getTime() + LOGIN_STATE_MINUTES * 60_000),
  });
  const location = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: provider.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { location, cookieKey };
}

/** Why a callback did not log anyone in; the login page explains each. */
export type LoginRefusal = 'oidc_expired' | 'oidc_cancelled' | 'oidc_failed' | 'oidc_unknown_user';

export type FinishedLogin =
  { ok: true; session: session.LoginResult } | { ok: false; reason: LoginRefusal; detail: string };

const refuse = (reason: LoginRefusal, detail: string): FinishedLogin => ({ ok: false, reason, detail });

export interface Callback {
  /** The URL the browser called, query included; without its query it equals the redirect URI the login started with. */
  url: URL;
  /** The login cookie's key. */
  cookieKey: string | undefined;
  /** The session cookie the browser sent, if any: a new login ends that session. */
  previousSession: string | undefined;
}

/** Answers the identity provider's redirect. */
export async function finishLogin(
  s: OidcServices,
  providerId: string,
  callback: Callback,
  now: Date,
): Promise<FinishedLogin> {
  const { url: callbackUrl, cookieKey } = callback;
  const provider = await q.findEnabledProvider(s.db, providerId);
  if (provider === undefined) throw noSuchProvider();
  if (cookieKey === undefined || cookieKey === '') return refuse('oidc_expired', 'no login cookie');
  const db = new Tenant(s.db, provider.municipalityId);
  const pending = await q.takeLoginState(db, sha256Hex(cookieKey));
  if (pending === undefined || pending.providerId !== provider.id)
    return refuse('oidc_expired', 'no login under way for this provider');
  if (pending.expiresAt <= now) return refuse('oidc_expired', 'login took too long');
  const config = await s.clients.get(provider, now.getTime());

  let claims: Claims;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (idToken === undefined) return refuse('oidc_failed', 'no ID token');
    claims = await withUserInfo(config, provider, idToken, tokens.access_token);
  } catch (error) {
    if (error instanceof oidc.AuthorizationResponseError && error.error === 'access_denied')
      return refuse('oidc_cancelled', 'access_denied');
    return refuse('oidc_failed', describe(error));
  }

  const user = await matchUser(db, s.keyring, provider, claims);
  if (user === undefined)
    return refuse('oidc_unknown_user', 'no active user of the provider’s municipality and audience matches');
  const opened = await session.createSession(db, user, now);
  await session.logout(s.db, callback.previousSession, now);
  return { ok: true, session: opened };
}

const mappingOf = (p: q.Provider): ClaimMapping => ({
  audience: p.audience,
  subjectClaim: p.subjectClaim,
  emailClaim: p.emailClaim,
  cprClaim: p.cprClaim,
});

/** Providers put few claims in the ID token of a code flow; the rest come from UserInfo. */
async function withUserInfo(
  config: oidc.Configuration,
  provider: q.Provider,
  idToken: oidc.IDToken,
  accessToken: string,
): Promise<Claims> {
  if (
    missingClaims(idToken, mappingOf(provider)).length === 0 ||
    config.serverMetadata().userinfo_endpoint === undefined
  )
    return idToken;
  const info = await oidc.fetchUserInfo(config, accessToken, idToken.sub);
  // What the signed ID token says wins over UserInfo.
  return { ...info, ...idToken };
}

/** The active user of the provider's municipality and audience that the identity names. */
async function matchUser(
  db: Tenant,
  keyring: CprKeyring,
  provider: q.Provider,
  claims: Claims,
): Promise<session.SessionUser | undefined> {
  const identity = readIdentity(claims, mappingOf(provider));
  if (identity.subject !== undefined) {
    const bySubject = await users.findActiveUser(db, provider.audience, { subject: identity.subject });
    if (bySubject !== undefined) return bySubject;
  }
  if (identity.email !== undefined) return users.findActiveUser(db, 'staff', { email: identity.email });
  if (identity.cprDigits !== undefined)
    return users.findActiveUser(db, 'citizen', { cprLookup: cprLookupHash(identity.cprDigits, keyring) });
  return undefined;
}

/**
 * For the log: codes and messages down the error's chain of causes, and the provider's OAuth
 * error. Messages name the failed check; the claim values some causes carry are left out.
 */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const { code, error: oauthError } = e as { code?: unknown; error?: unknown };
    if (typeof code === 'string') parts.push(code);
    parts.push(typeof oauthError === 'string' ? `${e.message} (${oauthError})` : e.message);
  }
  return parts.length === 0 ? 'unknown error' : parts.join(' / ');
}
