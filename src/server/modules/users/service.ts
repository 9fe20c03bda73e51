import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isRole, type Role } from '../../../core/access/roles.js';
import type { UserKind } from '../../../core/vocabulary.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { Tenant } from '../../db/tenant.js';
import { AppError } from '../../errors.js';
import * as session from '../session/service.js';
import * as teams from '../teams/service.js';
import { assertGoodPassword, hashPassword, verifyPassword } from './password.js';
import * as q from './queries.js';
import type { NewUser, UserBody } from './schema.js';

// Staff accounts with local passwords (the embedded set-up; production logs in through OIDC),
// and what other modules need to know about users: logins, roles, a citizen's own record.

export type { ActiveUser, LoginCandidate } from './queries.js';

/** As app_user stores an address: trimmed, lower case. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Checks a new password against the rules and hashes it. Call it before the transaction:
 * hashing takes a while, and nothing needs to wait for it.
 */
export async function newPasswordHash(password: string, person: { email: string; name: string }): Promise<string> {
  assertGoodPassword(password, { email: normaliseEmail(person.email), name: person.name });
  return hashPassword(password);
}

/** The municipality's staff users with their roles, by name. */
export async function listStaff(ctx: Ctx): Promise<UserBody[]> {
  const users = new Map<string, UserBody>();
  for (const r of await q.staffWithRoles(ctx.db)) {
    const u = users.get(r.id) ?? {
      id: r.id,
      email: r.email,
      name: r.name,
      roles: [],
      disabled: r.disabled_at !== null,
    };
    if (r.role !== null && isRole(r.role)) u.roles.push(r.role);
    users.set(r.id, u);
  }
  return [...users.values()];
}

/** Creates a staff user with a first password (hashed by newPasswordHash), optionally in a team. */
export async function createStaffUser(ctx: Ctx, user: NewUser, passwordHash: string): Promise<UserBody> {
  const email = normaliseEmail(user.email);
  const name = user.name.trim();
  // E-mails are unique across municipalities (a login names none), so a clash cannot be hidden;
  // one answer for a clash here and in another municipality at least never says where, or whose.
  if (await q.emailTaken(ctx.db, email)) {
    throw new AppError(
      'conflict',
      {
        da: 'Den e-mail kan ikke bruges til en ny bruger. Brug en anden e-mail.',
        en: 'That e-mail cannot be used for a new user. Use another e-mail.',
      },
      { reason: 'email_unavailable' },
    );
  }
  if (user.team_id !== undefined && !(await teams.teamExists(ctx.db, user.team_id))) {
    throw new AppError('invalid_input', { da: 'team_id: teamet findes ikke.', en: 'team_id: no such team.' });
  }
  const id = await addUser(ctx.db, { kind: 'staff', email, name, passwordHash, roles: user.roles });
  if (user.team_id !== undefined) await teams.addMember(ctx.db, user.team_id, id);
  return { id, email, name, roles: [...user.roles], disabled: false };
}

/** 400, not 401: the session is fine, a field is wrong. A class of its own so the route counts it. */
export class WrongCurrentPassword extends AppError {
  constructor() {
    super('invalid_input', {
      da: 'current_password: den nuværende adgangskode er forkert.',
      en: 'current_password: the current password is wrong.',
    });
  }
}

/**
 * Changes the caller's own password (the new one hashed by newPasswordHash). A changed password
 * ends every other session: whoever knew the old one is out. `currentCsrf` names this session.
 */
export async function changeOwnPassword(
  ctx: Ctx,
  currentPassword: string,
  newHash: string,
  currentCsrf: string | null,
): Promise<void> {
  const stored = await q.passwordHashOf(ctx.db, ctx.actor.userId);
  if (stored === undefined) throw new Error('the caller has no user row');
  if (stored === null || !(await verifyPassword(stored, currentPassword))) throw new WrongCurrentPassword();
  await q.setPasswordHash(ctx.db, ctx.actor.userId, newHash);
  await session.endOtherSessions(ctx, currentCsrf);
}

/** Adds a user with roles (staff, or a citizen's login); returns the new id. */
export async function addUser(
  db: Tenant,
  user: { kind: UserKind; email: string; name: string; passwordHash: string | null; roles: readonly Role[] },
): Promise<string> {
  const id = randomUUID();
  await q.insertUser(db, { id, kind: user.kind, email: user.email, name: user.name, passwordHash: user.passwordHash });
  await q.insertRoles(db, id, user.roles);
  return id;
}

/** Links a citizen's login to the citizen record it belongs to. */
export async function linkCitizenLogin(db: Tenant, userId: string, citizenId: string): Promise<void> {
  await q.setCitizen(db, userId, citizenId);
}

/** The citizen record a citizen's login belongs to (null for staff). */
export async function citizenIdOf(db: Tenant, userId: string): Promise<string | null> {
  return q.citizenIdOf(db, userId);
}

export async function rolesOf(db: Tenant, userId: string): Promise<Role[]> {
  return q.rolesOf(db, userId);
}

// Logging in (the session module) --------------------------------------------------------

/** The account an e-mail address names, in whichever municipality it is: logins name none. */
export async function findLogin(db: Kysely<Database>, email: string): Promise<q.LoginCandidate | undefined> {
  return q.findByEmailInAnyMunicipality(db, normaliseEmail(email));
}

// The active user of this municipality and kind that a verified identity names (the oidc
// module). The provider's municipality (db) and audience (kind) bound every search: no
// provider can log in a user of another municipality, nor a citizens' provider a member of staff.

export type IdentityKey = { subject: string } | { email: string } | { cprLookup: string };

export async function findActiveUser(db: Tenant, kind: UserKind, key: IdentityKey): Promise<q.ActiveUser | undefined> {
  if ('subject' in key) return q.activeUserBySubject(db, kind, key.subject);
  if ('email' in key) return q.activeUserByEmail(db, kind, key.email);
  // A citizen's login, found through the citizen record's keyed CPR hash.
  return kind === 'citizen' ? q.activeCitizenByCpr(db, key.cprLookup) : undefined;
}
