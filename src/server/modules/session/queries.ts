import { sql } from 'kysely';
import { isRole, type Role } from '../../../core/access/roles.js';
import type { UserKind } from '../../../core/vocabulary.js';
import type { Tenant } from '../../db/tenant.js';

// user_session. findLiveSession also reads app_user and user_role (the users module's): the
// caller of every request, its roles and whether it is disabled, in one round trip.

export async function insertSession(
  db: Tenant,
  s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db
    .insertInto('user_session', {
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
      last_seen_at: s.now,
    })
    .execute();
}

export interface LiveSession {
  userId: string;
  roles: Role[];
  csrfToken: string;
  lastSeenAt: Date;
  name: string;
  email: string;
  kind: UserKind;
}

/** The session if it is neither ended, expired, idle too long, nor its user disabled. */
export async function findLiveSession(
  db: Tenant,
  tokenHash: string,
  idleSince: Date,
  now: Date,
): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 's.municipality_id').onRef('u.id', '=', 's.user_id'),
    )
    .select(['s.user_id', 's.csrf_token', 's.last_seen_at', 'u.name', 'u.email', 'u.kind'])
    // The roles in the same round trip: this runs on every request.
    .select(
      sql<
        string[]
      >`ARRAY(SELECT r.role FROM user_role r WHERE r.municipality_id = s.municipality_id AND r.user_id = s.user_id ORDER BY r.role)`.as(
        'roles',
      ),
    )
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        userId: row.user_id,
        roles: row.roles.filter(isRole),
        csrfToken: row.csrf_token,
        lastSeenAt: row.last_seen_at,
        name: row.name,
        email: row.email,
        kind: row.kind,
      };
}

export async function touchSession(db: Tenant, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function endSession(db: Tenant, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ ended_at: now })
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends a user's open sessions but the one holding `keepCsrf`. */
export async function endOtherSessions(db: Tenant, userId: string, keepCsrf: string, now: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ ended_at: now })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .where('csrf_token', '!=', keepCsrf)
    .execute();
}
