import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../src/core/access/roles.js';
import type { Database } from '../../src/server/db/schema.js';
import { hashPassword } from '../../src/server/modules/session/service.js';
import { generateFictitiousCprs } from '../../src/core/cpr/index.js';

// Fictitious CPR numbers (documented as such in src/core/cpr/fictitious.ts), a fresh one per call.
const cprs = generateFictitiousCprs('medspiller-tests', 2000);
let cprIndex = 0;
export function nextCpr(): string {
  const cpr = cprs[cprIndex++ % cprs.length] ?? '';
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}

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

export async function buildUser(
  db: Kysely<Database>,
  municipalityId: string,
  roles: Role[],
  overrides: { name?: string } = {},
): Promise<BuiltUser> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  const email = `${roles.join('-') || 'user'}-${unique()}@test.medspiller.dk`;
  await db
    .insertInto('app_user')
    .values({
      municipality_id: municipalityId,
      id,
      kind: roles.includes('citizen') ? 'citizen' : 'staff',
      email,
      name: overrides.name ?? `Test ${roles.join(' ')}`,
      password_hash: cachedHash,
    })
    .execute();
  for (const role of roles)
    await db.insertInto('user_role').values({ municipality_id: municipalityId, user_id: id, role }).execute();
  return { id, municipalityId, email, password: TEST_PASSWORD, roles };
}

export interface BuiltTeam {
  id: string;
}

export async function buildTeam(
  db: Kysely<Database>,
  municipalityId: string,
  leaderId: string | null,
  members: readonly string[],
  cap = 15,
): Promise<BuiltTeam> {
  const id = randomUUID();
  await db
    .insertInto('team')
    .values({
      municipality_id: municipalityId,
      id,
      name: `Team ${id.slice(0, 4)}`,
      leader_id: leaderId,
      caseload_cap: cap,
    })
    .execute();
  for (const userId of members)
    await db
      .insertInto('team_member')
      .values({ municipality_id: municipalityId, team_id: id, user_id: userId })
      .execute();
  return { id };
}

/** Links a citizen login to the citizen record of a case, as a MitID login would. */
export async function linkCitizenUser(
  db: Kysely<Database>,
  municipalityId: string,
  userId: string,
  citizenId: string,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ citizen_id: citizenId })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', userId)
    .execute();
}

/** The smallest design the API accepts: a new way against today's, no eligibility rules or strata. */
export function twoArmDesign(name: string) {
  return {
    name,
    question: 'Virker det?',
    control_arm: 'control',
    follow_up_weeks: 52,
    primary_outcome: 'active_share',
    secondary_outcomes: [],
    consent_required: false,
    arms: [
      { name: 'group1', label: 'Ny', weight: 1, description: '' },
      { name: 'control', label: 'Som i dag', weight: 1, description: '' },
    ],
    eligibility: { categories: [] },
    strata: { age_cuts: [], benefit_year_cuts: [] },
  };
}
