import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../core/access/roles.js';
import type { Database } from '../db/schema.js';
import { hashPassword } from '../modules/session/service.js';

// A small demo municipality for trying Medspiller: one user per role sharing one password,
// printed at start-up. Not for production: the password is public.

export const DEMO_PASSWORD = 'Medspiller-demo-2026';
export const DEMO_MUNICIPALITY = { code: '0999', name: 'Demo Kommune' } as const;

export interface DemoLogin {
  role: Role;
  email: string;
  name: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { role: 'caseworker', email: 'sagsbehandler@demo.medspiller.dk', name: 'Sara Sagsbehandler' },
  { role: 'company_consultant', email: 'virksomhedskonsulent@demo.medspiller.dk', name: 'Villads Virksomhedskonsulent' },
  { role: 'team_leader', email: 'teamleder@demo.medspiller.dk', name: 'Tove Teamleder' },
  { role: 'analyst', email: 'analytiker@demo.medspiller.dk', name: 'Anders Analytiker' },
  { role: 'finance', email: 'oekonomi@demo.medspiller.dk', name: 'Øjvind Økonomi' },
  { role: 'municipality_admin', email: 'admin@demo.medspiller.dk', name: 'Amalie Administrator' },
  { role: 'citizen', email: 'borger@demo.medspiller.dk', name: 'Bente Borger' },
];

/** True when the database holds no municipality yet. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function hasDemoMunicipality(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('municipality').select('id').where('code', '=', DEMO_MUNICIPALITY.code).executeTakeFirst();
  return row !== undefined;
}

/** Loads the demo municipality unless it is already there; returns whether it loaded. */
export async function loadDemoData(db: Kysely<Database>): Promise<boolean> {
  if (await hasDemoMunicipality(db)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const municipalityId = randomUUID();
    await trx.insertInto('municipality').values({ id: municipalityId, ...DEMO_MUNICIPALITY }).execute();
    const ids = new Map<Role, string>();
    for (const login of DEMO_LOGINS) {
      const id = randomUUID();
      ids.set(login.role, id);
      await trx
        .insertInto('app_user')
        .values({ municipality_id: municipalityId, id, kind: login.role === 'citizen' ? 'citizen' : 'staff', email: login.email, name: login.name, password_hash: passwordHash })
        .execute();
      await trx.insertInto('user_role').values({ municipality_id: municipalityId, user_id: id, role: login.role }).execute();
    }
    const teamId = randomUUID();
    await trx
      .insertInto('team')
      .values({ municipality_id: municipalityId, id: teamId, name: 'Team Medspiller', leader_id: ids.get('team_leader') ?? null, caseload_cap: 15 })
      .execute();
    for (const role of ['caseworker', 'company_consultant'] as const) {
      const userId = ids.get(role);
      if (userId !== undefined) await trx.insertInto('team_member').values({ municipality_id: municipalityId, team_id: teamId, user_id: userId }).execute();
    }
  });
  return true;
}
