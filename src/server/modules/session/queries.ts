import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isRole, type Role } from '../../../core/access/roles.js';

export type Q = Kysely<Database>;

export interface LoginCandidate {
  municipalityId: string;
  userId: string;
  kind: 'staff' | 'citizen';
  name: string;
  email: string;
  passwordHash: string | null;
  failedLogins: number;
  lockedUntil: Date | null;
  disabled: boolean;
}

export async function findUserByEmail(db: Q, email: string): Promise<LoginCandidate | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(['municipality_id', 'id', 'kind', 'name', 'email', 'password_hash', 'failed_logins', 'locked_until', 'disabled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    municipalityId: row.municipality_id,
    userId: row.id,
    kind: row.kind,
    name: row.name,
    email: row.email,
    passwordHash: row.password_hash,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    disabled: row.disabled_at !== null,
  };
}

export async function recordFailedLogin(db: Q, municipalityId: string, userId: string, lockAfter: number, lockUntil: Date): Promise<void> {
  await db
    .updateTable('app_user')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: eb.case().when('failed_logins', '>=', lockAfter - 1).then(lockUntil).else(eb.ref('locked_until')).end(),
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', userId)
    .execute();
}

export async function resetFailedLogins(db: Q, municipalityId: string, userId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', userId)
    .execute();
}

export async function rolesOf(db: Q, municipalityId: string, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_role')
    .select('role')
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role).filter(isRole);
}

export async function insertSession(
  db: Q,
  s: { municipalityId: string; tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({ municipality_id: s.municipalityId, token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt, last_seen_at: new Date() })
    .execute();
}

export interface LiveSession {
  userId: string;
  roles: Role[];
  csrfToken: string;
  lastSeenAt: Date;
  name: string;
  email: string;
  kind: 'staff' | 'citizen';
}

/** The session if it is neither ended, expired, idle too long, nor its user disabled. */
export async function findLiveSession(db: Q, municipalityId: string, tokenHash: string, idleSince: Date, now: Date): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 's.municipality_id').onRef('u.id', '=', 's.user_id'))
    .select(['s.user_id', 's.csrf_token', 's.last_seen_at', 'u.name', 'u.email', 'u.kind'])
    // The roles in the same round trip: this runs on every request.
    .select(sql<string[]>`ARRAY(SELECT r.role FROM user_role r WHERE r.municipality_id = s.municipality_id AND r.user_id = s.user_id ORDER BY r.role)`.as('roles'))
    .where('s.municipality_id', '=', municipalityId)
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { userId: row.user_id, roles: row.roles.filter(isRole), csrfToken: row.csrf_token, lastSeenAt: row.last_seen_at, name: row.name, email: row.email, kind: row.kind };
}

export async function touchSession(db: Q, municipalityId: string, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('municipality_id', '=', municipalityId).where('token_hash', '=', tokenHash).execute();
}

export async function endSession(db: Q, municipalityId: string, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ ended_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .execute();
}

export async function municipalityName(db: Q, municipalityId: string): Promise<string | undefined> {
  const row = await db.selectFrom('municipality').select('name').where('id', '=', municipalityId).executeTakeFirst();
  return row?.name;
}
