import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SessionUser } from '../session/service.js';

export type Q = Kysely<Database>;

export interface Provider {
  municipalityId: string;
  id: string;
  audience: 'staff' | 'citizen';
  label: string;
  issuer: string;
  clientId: string;
  clientSecretEnv: string | null;
  scopes: string;
  subjectClaim: string;
  emailClaim: string | null;
  cprClaim: string | null;
}

/** An enabled provider by its id alone: login URLs carry no municipality. */
export async function findEnabledProvider(db: Q, id: string): Promise<Provider | undefined> {
  const row = await db
    .selectFrom('oidc_provider')
    .select(['municipality_id', 'id', 'audience', 'label', 'issuer', 'client_id', 'client_secret_env', 'scopes', 'subject_claim', 'email_claim', 'cpr_claim'])
    .where('id', '=', id)
    .where('enabled', '=', true)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    municipalityId: row.municipality_id,
    id: row.id,
    audience: row.audience,
    label: row.label,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecretEnv: row.client_secret_env,
    scopes: row.scopes,
    subjectClaim: row.subject_claim,
    emailClaim: row.email_claim,
    cprClaim: row.cpr_claim,
  };
}

export interface ListedProvider {
  id: string;
  municipalityId: string;
  municipality: string;
  audience: 'staff' | 'citizen';
  label: string;
}

export async function listEnabledProviders(db: Q): Promise<ListedProvider[]> {
  const rows = await db
    .selectFrom('oidc_provider as p')
    .innerJoin('municipality as m', 'm.id', 'p.municipality_id')
    .select(['p.id', 'p.municipality_id', 'm.name as municipality', 'p.audience', 'p.label'])
    .where('p.enabled', '=', true)
    .orderBy('m.name')
    .orderBy('p.audience', 'desc')
    .orderBy('p.label')
    .execute();
  return rows.map((r) => ({ id: r.id, municipalityId: r.municipality_id, municipality: r.municipality, audience: r.audience, label: r.label }));
}

export interface LoginState {
  municipalityId: string;
  keyHash: string;
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: Date;
}

export async function insertLoginState(db: Q, s: LoginState): Promise<void> {
  await db
    .insertInto('oidc_login_state')
    .values({
      municipality_id: s.municipalityId,
      key_hash: s.keyHash,
      provider_id: s.providerId,
      state: s.state,
      nonce: s.nonce,
      code_verifier: s.codeVerifier,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** Logins that were started and never finished; cleared as new ones start. */
export async function deleteExpiredLoginStates(db: Q, municipalityId: string, now: Date): Promise<void> {
  await db.deleteFrom('oidc_login_state').where('municipality_id', '=', municipalityId).where('expires_at', '<=', now).execute();
}

/** Removes and returns the login under way, so a callback can be answered once only. */
export async function takeLoginState(db: Q, municipalityId: string, keyHash: string): Promise<LoginState | undefined> {
  const row = await db
    .deleteFrom('oidc_login_state')
    .where('municipality_id', '=', municipalityId)
    .where('key_hash', '=', keyHash)
    .returning(['provider_id', 'state', 'nonce', 'code_verifier', 'expires_at'])
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { municipalityId, keyHash, providerId: row.provider_id, state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, expiresAt: row.expires_at };
}

// The active user of this municipality and kind that an identity names. The provider's
// municipality and audience bound every search: no provider can log in a user of another
// municipality, nor a citizens' provider a member of staff.

export type UserKind = 'staff' | 'citizen';

function activeUsers(db: Q, municipalityId: string, kind: UserKind) {
  return db
    .selectFrom('app_user as u')
    .select(['u.municipality_id', 'u.id', 'u.kind', 'u.name', 'u.email'])
    .where('u.municipality_id', '=', municipalityId)
    .where('u.kind', '=', kind)
    .where('u.disabled_at', 'is', null);
}

type UserRow = { municipality_id: string; id: string; kind: UserKind; name: string; email: string } | undefined;

const toSessionUser = (row: UserRow): SessionUser | undefined =>
  row === undefined ? undefined : { municipalityId: row.municipality_id, userId: row.id, kind: row.kind, name: row.name, email: row.email };

export async function findUserBySubject(db: Q, municipalityId: string, kind: UserKind, subject: string): Promise<SessionUser | undefined> {
  return toSessionUser(await activeUsers(db, municipalityId, kind).where('u.oidc_subject', '=', subject).executeTakeFirst());
}

export async function findUserByEmail(db: Q, municipalityId: string, kind: UserKind, email: string): Promise<SessionUser | undefined> {
  return toSessionUser(await activeUsers(db, municipalityId, kind).where('u.email', '=', email).executeTakeFirst());
}

/** The citizen's login, found through the citizen record's keyed CPR hash. */
export async function findCitizenUserByCpr(db: Q, municipalityId: string, cprLookup: string): Promise<SessionUser | undefined> {
  const row = await activeUsers(db, municipalityId, 'citizen')
    .innerJoin('citizen as z', (j) => j.onRef('z.municipality_id', '=', 'u.municipality_id').onRef('z.id', '=', 'u.citizen_id'))
    .where('z.cpr_lookup', '=', cprLookup)
    .executeTakeFirst();
  return toSessionUser(row);
}
