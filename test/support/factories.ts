import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../src/core/access/roles.js';
import type { Database } from '../../src/server/db/schema.js';
import { hashPassword } from '../../src/server/modules/session/service.js';

// Factories, not shared fixtures: each test builds its own municipality and users.

export const TEST_PASSWORD = 'korrekt-hest-batteri-klips';
let cachedHash: string | undefined;

let counter = 0;
const unique = (): string => `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;

// Codes are unique per database; each test file has its own database, so a counter suffices.
let municipalityCounter = 0;

export interface BuiltMunicipality {
  id: string;
  name: string;
}

export async function buildMunicipality(db: Kysely<Database>, name = 'Testkommune'): Promise<BuiltMunicipality> {
  const id = randomUUID();
  const code = String(1000 + (municipalityCounter++ % 9000));
  await db.insertInto('municipality').values({ id, code, name }).execute();
  return { id, name };
}

export interface BuiltUser {
  id: string;
  municipalityId: string;
  email: string;
  password: string;
  roles: Role[];
}

export async function buildUser(db: Kysely<Database>, municipalityId: string, roles: Role[], overrides: { name?: string } = {}): Promise<BuiltUser> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  const email = `${roles.join('-') || 'user'}-${unique()}@test.medspiller.dk`;
  await db
    .insertInto('app_user')
    .values({ municipality_id: municipalityId, id, kind: roles.includes('citizen') ? 'citizen' : 'staff', email, name: overrides.name ?? `Test ${roles.join(' ')}`, password_hash: cachedHash })
    .execute();
  for (const role of roles) await db.insertInto('user_role').values({ municipality_id: municipalityId, user_id: id, role }).execute();
  return { id, municipalityId, email, password: TEST_PASSWORD, roles };
}
