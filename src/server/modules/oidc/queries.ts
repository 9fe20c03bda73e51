import type { Kysely } from 'kysely';
import type { UserKind } from '../../../core/vocabulary.js';
import type { Database } from '../../db/schema.js';
import { ALL_MUNICIPALITIES, type Tenant } from '../../db/tenant.js';

// oidc_provider and oidc_login_state. listEnabledProviders joins municipality (the system
// module's) for the name to show on the login page.

export interface Provider {
  municipalityId: string;
  id: string;
  audience: UserKind;
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
export async function findEnabledProvider(db: Kysely<Database>, id: string): Promise<Provider | undefined> {
  const row = await db
    .selectFrom('oidc_provider')
    .select([
      'municipality_id',
      'id',
      'audience',
      'label',
      'issuer',
      'client_id',
      'client_secret_env',
      'scopes',
      'subject_claim',
      'email_claim',
      'cpr_claim',
    ])
    .where('id', '=', id)
    .where('enabled', '=', true)
    .modifyEnd(ALL_MUNICIPALITIES('a login URL names the provider, and the provider its municipality'))
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
  audience: UserKind;
  label: string;
}

export async function listEnabledProviders(db: Kysely<Database>): Promise<ListedProvider[]> {
  const rows = await db
    .selectFrom('oidc_provider as p')
    .innerJoin('municipality as m', 'm.id', 'p.municipality_id')
    .select(['p.id', 'p.municipality_id', 'm.name as municipality', 'p.audience', 'p.label'])
    .where('p.enabled', '=', true)
    .orderBy('m.name')
    .orderBy('p.audience', 'desc')
    .orderBy('p.label')
    .modifyEnd(ALL_MUNICIPALITIES('the login page lists the providers of every municipality'))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    municipalityId: r.municipality_id,
    municipality: r.municipality,
    audience: r.audience,
    label: r.label,
  }));
}

export interface LoginState {
  keyHash: string;
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: Date;
}

export async function insertLoginState(db: Tenant, s: LoginState): Promise<void> {
  await db
    .insertInto('oidc_login_state', {
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
export async function deleteExpiredLoginStates(db: Tenant, now: Date): Promise<void> {
  await db.deleteFrom('oidc_login_state').where('expires_at', '<=', now).execute();
}

/** Removes and returns the login under way, so a callback can be answered once only. */
export async function takeLoginState(db: Tenant, keyHash: string): Promise<LoginState | undefined> {
  const row = await db
    .deleteFrom('oidc_login_state')
    .where('key_hash', '=', keyHash)
    .returning(['provider_id', 'state', 'nonce', 'code_verifier', 'expires_at'])
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        keyHash,
        providerId: row.provider_id,
        state: row.state,
        nonce: row.nonce,
        codeVerifier: row.code_verifier,
        expiresAt: row.expires_at,
      };
}
