import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { CprKeyring } from '../../crypto/index.js';
import { cprLookupHash } from '../../crypto/index.js';
import { notFound } from '../../errors.js';
import { createSession, type LoginResult, type SessionUser } from '../session/service.js';
import { missingClaims, readIdentity, type ClaimMapping, type Claims } from './claims.js';
import type { ProviderClients } from './clients.js';
import * as q from './queries.js';

// Login with OpenID Connect: authorization code flow with PKCE, state and nonce. The state of
// a login under way is kept in oidc_login_state under the hash of a key that only the browser's
// cookie holds; the callback takes it (once) and lets openid-client check state, nonce, PKCE,
// issuer, audience, expiry and the ID token's signature.

export const LOGIN_STATE_MINUTES = 10;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface OidcServices {
  db: q.Q;
  keyring: CprKeyring;
  clients: ProviderClients;
}

const noSuchProvider = () => notFound({ da: 'Login-udbyderen findes ikke.', en: 'No such login provider.' });

export interface StartedLogin {
  /** The identity provider's authorization URL to send the browser to. */
  location: URL;
  /** For the browser's HttpOnly cookie; only its hash is stored. */
  cookieKey: string;
}

export async function startLogin(s: OidcServices, providerId: string, redirectUri: string, now: Date): Promise<StartedLogin> {
  const provider = await q.findEnabledProvider(s.db, providerId);
  if (provider === undefined) throw noSuchProvider();
  const config = await s.clients.get(provider, now.getTime());
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const cookieKey = randomBytes(32).toString('base64url');
  await q.deleteExpiredLoginStates(s.db, provider.municipalityId, now);
  await q.insertLoginState(s.db, {
    municipalityId: provider.municipalityId,
    keyHash: sha256(cookieKey),
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
  | { ok: true; session: LoginResult }
  | { ok: false; reason: LoginRefusal; detail: string };

const refuse = (reason: LoginRefusal, detail: string): FinishedLogin => ({ ok: false, reason, detail });

/**
 * Answers the identity provider's redirect. `callbackUrl` is the URL the browser called, query
 * included; without its query it must equal the redirect URI the login started with.
 */
export async function finishLogin(s: OidcServices, providerId: string, cookieKey: string | undefined, callbackUrl: URL, now: Date): Promise<FinishedLogin> {
  const provider = await q.findEnabledProvider(s.db, providerId);
  if (provider === undefined) throw noSuchProvider();
  if (cookieKey === undefined || cookieKey === '') return refuse('oidc_expired', 'no login cookie');
  const pending = await q.takeLoginState(s.db, provider.municipalityId, sha256(cookieKey));
  if (pending === undefined || pending.providerId !== provider.id) return refuse('oidc_expired', 'no login under way for this provider');
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
    if (error instanceof oidc.AuthorizationResponseError && error.error === 'access_denied') return refuse('oidc_cancelled', 'access_denied');
    return refuse('oidc_failed', describe(error));
  }

  const user = await matchUser(s, provider, claims);
  if (user === undefined) return refuse('oidc_unknown_user', 'no active user of the provider’s municipality and audience matches');
  return { ok: true, session: await createSession(s.db, user, now) };
}

const mappingOf = (p: q.Provider): ClaimMapping => ({ audience: p.audience, subjectClaim: p.subjectClaim, emailClaim: p.emailClaim, cprClaim: p.cprClaim });

/** Providers put few claims in the ID token of a code flow; the rest come from UserInfo. */
async function withUserInfo(config: oidc.Configuration, provider: q.Provider, idToken: oidc.IDToken, accessToken: string): Promise<Claims> {
  if (missingClaims(idToken, mappingOf(provider)).length === 0 || config.serverMetadata().userinfo_endpoint === undefined) return idToken;
  const info = await oidc.fetchUserInfo(config, accessToken, idToken.sub);
  // What the signed ID token says wins over UserInfo.
  return { ...info, ...idToken };
}

async function matchUser(s: OidcServices, provider: q.Provider, claims: Claims): Promise<SessionUser | undefined> {
  const identity = readIdentity(claims, mappingOf(provider));
  const m = provider.municipalityId;
  if (identity.subject !== undefined) {
    const bySubject = await q.findUserBySubject(s.db, m, provider.audience, identity.subject);
    if (bySubject !== undefined) return bySubject;
  }
  if (identity.email !== undefined) return q.findUserByEmail(s.db, m, 'staff', identity.email);
  if (identity.cprDigits !== undefined) return q.findCitizenUserByCpr(s.db, m, cprLookupHash(identity.cprDigits, s.keyring));
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
