import type { Kysely } from 'kysely';
import { isRole, type Role } from '../../../core/access/roles.js';
import type { UserKind } from '../../../core/vocabulary.js';
import type { Database } from '../../db/schema.js';
import { ALL_MUNICIPALITIES, type Tenant } from '../../db/tenant.js';

// app_user and user_role. activeCitizenByCpr joins citizen (cases) for its keyed CPR hash:
// a citizen's login is found through the citizen record it belongs to.

export interface LoginCandidate {
  municipalityId: string;
  userId: string;
  kind: UserKind;
  name: string;
  email: string;
  passwordHash: string | null;
  disabled: boolean;
}

export async function findByEmailInAnyMunicipality(
  db: Kysely<Database>,
  email: string,
): Promise<LoginCandidate | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(['municipality_id', 'id', 'kind', 'name', 'email', 'password_hash', 'disabled_at'])
    .where('email', '=', email)
    .modifyEnd(ALL_MUNICIPALITIES('login by e-mail: the address names the municipality'))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    municipalityId: row.municipality_id,
    userId: row.id,
    kind: row.kind,
    name: row.name,
    email: row.email,
    passwordHash: row.password_hash,
    disabled: row.disabled_at !== null,
  };
}

/** E-mail addresses are unique across municipalities (they log in without naming one). */
export async function emailTaken(db: Tenant, email: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', email)
    .modifyEnd(ALL_MUNICIPALITIES('e-mail addresses are unique across municipalities'))
    .executeTakeFirst();
  return row !== undefined;
}

export async function rolesOf(db: Tenant, userId: string): Promise<Role[]> {
  const rows = await db.selectFrom('user_role').select('role').where('user_id', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role).filter(isRole);
}

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  disabled_at: Date | null;
  role: string | null;
}

/** Staff users by name, one row per role (null for a user without roles). */
export async function staffWithRoles(db: Tenant): Promise<StaffRow[]> {
  return db
    .selectFrom('app_user as u')
    .leftJoin('user_role as r', (j) =>
      j.onRef('r.municipality_id', '=', 'u.municipality_id').onRef('r.user_id', '=', 'u.id'),
    )
    .select(['u.id', 'u.email', 'u.name', 'u.disabled_at', 'r.role'])
    .where('u.kind', '=', 'staff')
    .orderBy('u.name')
    .execute();
}

export async function insertUser(
  db: Tenant,
  user: { id: string; kind: UserKind; email: string; name: string; passwordHash: string | null },
): Promise<void> {
  await db
    .insertInto('app_user', {
      id: user.id,
      kind: user.kind,
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
    })
    .execute();
}

export async function insertRoles(db: Tenant, userId: string, roles: readonly Role[]): Promise<void> {
  if (roles.length === 0) return;
  await db
    .insertInto(
      'user_role',
      roles.map((role) => ({ user_id: userId, role })),
    )
    .execute();
}

export async function passwordHashOf(db: Tenant, userId: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('app_user').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash;
}

export async function setPasswordHash(db: Tenant, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set((eb) => ({ password_hash: passwordHash, version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

export async function citizenIdOf(db: Tenant, userId: string): Promise<string | null> {
  const row = await db.selectFrom('app_user').select('citizen_id').where('id', '=', userId).executeTakeFirst();
  return row?.citizen_id ?? null;
}

export async function setCitizen(db: Tenant, userId: string, citizenId: string): Promise<void> {
  await db.updateTable('app_user').set({ citizen_id: citizenId }).where('id', '=', userId).execute();
}

export interface ActiveUser {
  userId: string;
  kind: UserKind;
  name: string;
  email: string;
}

function activeUsers(db: Tenant, kind: UserKind) {
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.kind', 'u.name', 'u.email'])
    .where('u.kind', '=', kind)
    .where('u.disabled_at', 'is', null);
}

const toActiveUser = (
  row: { id: string; kind: UserKind; name: string; email: string } | undefined,
): ActiveUser | undefined =>
  row === undefined ? undefined : { userId: row.id, kind: row.kind, name: row.name, email: row.email };

export async function activeUserBySubject(
  db: Tenant,
  kind: UserKind,
  subject: string,
): Promise<ActiveUser | undefined> {
  return toActiveUser(await activeUsers(db, kind).where('u.oidc_subject', '=', subject).executeTakeFirst());
}

export async function activeUserByEmail(db: Tenant, kind: UserKind, email: string): Promise<ActiveUser | undefined> {
  return toActiveUser(await activeUsers(db, kind).where('u.email', '=', email).executeTakeFirst());
}

export async function activeCitizenByCpr(db: Tenant, cprLookup: string): Promise<ActiveUser | undefined> {
  const row = await activeUsers(db, 'citizen')
    .innerJoin('citizen as z', (j) =>
      j.onRef('z.municipality_id', '=', 'u.municipality_id').onRef('z.id', '=', 'u.citizen_id'),
    )
    .where('z.cpr_lookup', '=', cprLookup)
    .executeTakeFirst();
  return toActiveUser(row);
}
