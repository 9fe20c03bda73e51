import type { Kysely } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import type { Role } from '../../core/access/roles.js';
import { generateFictitiousCprs } from '../../core/cpr/index.js';
import { addDays } from '../../core/rules/index.js';
import type { CloseReason } from '../../core/vocabulary.js';
import { danishDate, type Ctx } from '../context.js';
import type { CprKeyring } from '../crypto/index.js';
import type { Database } from '../db/schema.js';
import { Tenant } from '../db/tenant.js';
import * as access from '../modules/access/service.js';
import { closeCase, recordEvent, setVisitation } from '../modules/cases/changes.js';
import { registerCitizen } from '../modules/cases/registration.js';
import { createExperiment } from '../modules/experiments/service.js';
import * as system from '../modules/system/service.js';
import * as teams from '../modules/teams/service.js';
import { hashPassword } from '../modules/users/password.js';
import * as users from '../modules/users/service.js';

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
  {
    role: 'company_consultant',
    email: 'virksomhedskonsulent@demo.medspiller.dk',
    name: 'Villads Virksomhedskonsulent',
  },
  { role: 'team_leader', email: 'teamleder@demo.medspiller.dk', name: 'Tove Teamleder' },
  { role: 'analyst', email: 'analytiker@demo.medspiller.dk', name: 'Anders Analytiker' },
  { role: 'finance', email: 'oekonomi@demo.medspiller.dk', name: 'Øjvind Økonomi' },
  { role: 'municipality_admin', email: 'admin@demo.medspiller.dk', name: 'Amalie Administrator' },
  { role: 'citizen', email: 'borger@demo.medspiller.dk', name: 'Bente Borger' },
  // A caseworker in another team, so that breaking the glass can be tried.
  { role: 'caseworker', email: 'sagsbehandler2@demo.medspiller.dk', name: 'Niels Nørgaard' },
];

/** True when the database holds no municipality yet. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return system.hasNoMunicipality(db);
}

export async function hasDemoMunicipality(db: Kysely<Database>): Promise<boolean> {
  return (await system.findMunicipalityByCode(db, DEMO_MUNICIPALITY.code)) !== undefined;
}

interface DemoCitizen {
  name: string;
  /** Days before today that the citizen first contacted the job centre. */
  registeredDaysAgo: number;
  benefitYears: number;
  category?: 'job_ready' | 'activity_ready';
  track?: 'near_job_ready' | 'step_up' | 'rehab_team';
  reason?: string;
  /** Held conversations, days after registration. */
  conversations: number[];
  /** A case that has ended: closed this many days ago, why, and the reason in words. */
  closed?: { daysAgo: number; category: CloseReason; reason: string };
}

// A handful of citizens spread over the flow: not yet visited, job-ready, each track. The
// last one belongs to the caseworker of the other team.
const DEMO_CITIZENS: readonly DemoCitizen[] = [
  {
    name: 'Bente Borger',
    registeredDaysAgo: 40,
    benefitYears: 3,
    category: 'activity_ready',
    track: 'step_up',
    reason: 'Vil gerne arbejde med dyr; angst gør fremmøde svært.',
    conversations: [3, 10],
  },
  { name: 'Mads Nielsen', registeredDaysAgo: 3, benefitYears: 0, conversations: [] },
  {
    name: 'Fatima Ali',
    registeredDaysAgo: 60,
    benefitYears: 1,
    category: 'activity_ready',
    track: 'near_job_ready',
    reason: 'Har erfaring fra rengøring og ønsker ordinære timer.',
    conversations: [2, 30],
  },
  {
    name: 'Jens Øster',
    registeredDaysAgo: 200,
    benefitYears: 6,
    category: 'activity_ready',
    track: 'rehab_team',
    reason: 'Mange års ledighed, helbred uafklaret; forberedes til rehabiliteringsteamet.',
    conversations: [5, 40, 100, 160],
  },
  {
    name: 'Louise Holm',
    registeredDaysAgo: 15,
    benefitYears: 0,
    category: 'job_ready',
    reason: 'Uddannet kok, klar til at søge job.',
    conversations: [4],
  },
  {
    name: 'Åse Kristensen',
    registeredDaysAgo: 120,
    benefitYears: 2,
    category: 'activity_ready',
    track: 'step_up',
    reason: 'Ønsker at komme i gang; behov for mentor.',
    conversations: [6, 35, 70],
  },
];
const OTHER_TEAM_CITIZEN: DemoCitizen = {
  name: 'Karim Jensen',
  registeredDaysAgo: 25,
  benefitYears: 4,
  category: 'activity_ready',
  track: 'near_job_ready',
  reason: 'Truckcertifikat; søger lager.',
  conversations: [3, 20],
};
// A case that ended in a job, so a newcomer sees what a closed case looks like (and reopening).
const CLOSED_CITIZEN: DemoCitizen = {
  name: 'Henrik Lund',
  registeredDaysAgo: 150,
  benefitYears: 1,
  category: 'job_ready',
  reason: 'Faglært tømrer; søger bredt i byggeriet.',
  conversations: [4, 30, 60],
  closed: {
    daysAgo: 10,
    category: 'job',
    reason: 'Fastansat som tømrer hos Demo Byg fra 1. i måneden; ydelsen er stoppet.',
  },
};

/** Vordingborg's design, as a draft the demo analyst can open, change and start. */
const DEMO_EXPERIMENT = {
  name: 'Ansvar for eget liv',
  question:
    'Kommer flere aktivitetsparate borgere i job eller uddannelse, når deres egne planer styrer indsatsen og sagsbehandleren har halv sagsstamme?',
  arms: [
    {
      name: 'group1',
      label: 'Ny tilgang',
      weight: 1,
      description:
        'Borgerens drømme og plan styrer; halv sagsstamme; selvbudget til ikke-traditionelle aktiviteter; møder hjemme.',
      caseload_cap: 15,
    },
    {
      name: 'group2',
      label: 'Kun mere tid',
      weight: 1,
      description: 'Halv sagsstamme, ellers sædvanlig praksis.',
      caseload_cap: 15,
    },
    { name: 'control', label: 'Sædvanlig praksis', weight: 2, description: 'Jobcentrets sædvanlige indsats.' },
  ],
  control_arm: 'control',
  eligibility: { categories: ['activity_ready' as const], min_age: 18 },
  strata: { age_cuts: [40], benefit_year_cuts: [3, 5] },
  follow_up_weeks: 104,
  primary_outcome: 'ever_job_or_education' as const,
  secondary_outcomes: [
    'employment_degree' as const,
    'active_share' as const,
    'ever_internship' as const,
    'ever_flexjob' as const,
  ],
  consent_required: true,
};

/** Registers the citizens with the caseworker and records their conversations, visitation and track; returns the citizens' ids. */
async function loadDemoCases(
  db: Tenant,
  caseworker: Actor,
  citizens: readonly DemoCitizen[],
  cprs: readonly string[],
  keyring: CprKeyring,
  now: Date,
): Promise<string[]> {
  const today = danishDate(now);
  const ctx: Ctx = { db, actor: caseworker, requestId: 'demo-data', now, today, keyring };
  const citizenIds: string[] = [];
  for (const [i, d] of citizens.entries()) {
    const registered = addDays(today, -d.registeredDaysAgo);
    const { id: caseId } = await registerCitizen(ctx, {
      cpr: cprs[i] ?? '',
      name: d.name,
      benefit: 'cash_benefit',
      benefit_start: addDays(registered, -365 * d.benefitYears),
      registered,
      contact_channel: i % 2 === 0 ? 'phone' : 'sms',
    });
    const inHand = () => access.withCase(ctx, caseId, 'write');
    citizenIds.push((await inHand()).citizenId);
    for (const day of d.conversations) {
      await recordEvent(ctx, await inHand(), {
        type: day === d.conversations[1] && d.track !== undefined ? 'resource_conversation' : 'conversation',
        date: addDays(registered, day),
        held: true,
        mode: day % 2 === 0 ? 'home' : 'phone',
      });
    }
    if (d.category !== undefined) {
      const c = await inHand();
      await setVisitation(ctx, c, {
        category: d.category,
        track: d.track,
        reason: d.reason ?? '',
        version: c.version,
      });
    }
    if (d.closed !== undefined) {
      const c = await access.withCase(ctx, caseId, 'close');
      await closeCase(ctx, c, {
        reason_category: d.closed.category,
        reason: d.closed.reason,
        closed_on: addDays(today, -d.closed.daysAgo),
        version: c.version,
      });
    }
  }
  return citizenIds;
}

/** Loads the demo municipality unless it is already there; returns whether it loaded. */
export async function loadDemoData(db: Kysely<Database>, keyring: CprKeyring, now = new Date()): Promise<boolean> {
  if (await hasDemoMunicipality(db)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const municipalityId = await system.createMunicipality(trx, DEMO_MUNICIPALITY);
    const tenant = new Tenant(trx, municipalityId);
    const ids = new Map<string, string>();
    for (const login of DEMO_LOGINS) {
      const kind = login.role === 'citizen' ? 'citizen' : 'staff';
      ids.set(
        login.email,
        await users.addUser(tenant, { kind, email: login.email, name: login.name, passwordHash, roles: [login.role] }),
      );
    }
    const user = (email: string): { id: string; login: DemoLogin } => {
      const login = DEMO_LOGINS.find((l) => l.email === email);
      const id = ids.get(email);
      if (login === undefined || id === undefined) throw new Error(`no demo user ${email}`);
      return { id, login };
    };
    const actorOf = (email: string): Actor => {
      const { id, login } = user(email);
      return { userId: id, municipalityId, kind: 'staff', name: login.name, email: login.email, roles: [login.role] };
    };
    const team = (name: string, leaderId: string | null, members: readonly string[]) =>
      teams.createTeam(tenant, { name, leaderId, caseloadCap: 15, memberIds: members.map((email) => user(email).id) });
    await team('Team Medspiller', user('teamleder@demo.medspiller.dk').id, [
      'sagsbehandler@demo.medspiller.dk',
      'virksomhedskonsulent@demo.medspiller.dk',
    ]);
    await team('Team Nord', null, ['sagsbehandler2@demo.medspiller.dk']);
    // The closed case's number comes last, so the others keep theirs.
    const cprs = generateFictitiousCprs('medspiller-demo', DEMO_CITIZENS.length + 2, { fromYear: 1965, toYear: 2000 });
    const citizenIds = await loadDemoCases(
      tenant,
      actorOf('sagsbehandler@demo.medspiller.dk'),
      DEMO_CITIZENS,
      cprs,
      keyring,
      now,
    );
    await loadDemoCases(
      tenant,
      actorOf('sagsbehandler2@demo.medspiller.dk'),
      [OTHER_TEAM_CITIZEN],
      cprs.slice(DEMO_CITIZENS.length, DEMO_CITIZENS.length + 1),
      keyring,
      now,
    );
    await loadDemoCases(
      tenant,
      actorOf('sagsbehandler@demo.medspiller.dk'),
      [CLOSED_CITIZEN],
      cprs.slice(DEMO_CITIZENS.length + 1),
      keyring,
      now,
    );
    await createExperiment(
      {
        db: tenant,
        actor: actorOf('analytiker@demo.medspiller.dk'),
        requestId: 'demo-data',
        now,
        today: danishDate(now),
        keyring,
      },
      DEMO_EXPERIMENT,
    );
    // The demo citizen login is the first demo citizen, Bente Borger.
    const citizenUser = ids.get('borger@demo.medspiller.dk');
    if (citizenUser !== undefined && citizenIds[0] !== undefined)
      await users.linkCitizenLogin(tenant, citizenUser, citizenIds[0]);
  });
  return true;
}
