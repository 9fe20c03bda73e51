import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../../src/core/access/roles.js';
import type { DeclaredRoute } from '../../src/server/plugins/auth.js';
import { buildTestApp, Client } from '../support/app.js';
import { sample } from '../support/sample.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import {
  buildMunicipality,
  buildTeam,
  buildUser,
  linkCitizenUser,
  nextCpr,
  twoArmDesign,
  type BuiltUser,
} from '../support/factories.js';
import { ALL_MUNICIPALITIES } from '../../src/server/db/tenant.js';

// Every route × every role (and no login) × a record in the caller's own scope, in another
// caseload of the same municipality, and in another municipality. The expectations are
// written out here from the access rules in words, not computed by the code under test.

type Target = 'own' | 'other' | 'foreign';
type Who = Role | 'anonymous';

/** Whether `who` may act on a record of `target` under the route's declared scope. */
function expectedScope(scope: string, who: Role, target: Target): boolean {
  if (target === 'foreign') return false;
  const own = target === 'own';
  switch (scope) {
    case 'case.read':
      return own && ['caseworker', 'company_consultant', 'team_leader', 'citizen'].includes(who);
    case 'case.write':
      return own && who === 'caseworker';
    case 'case.reassign':
      return own && who === 'team_leader';
    case 'case.close':
      return own && (who === 'caseworker' || who === 'team_leader');
    case 'case.break_glass':
      return ['caseworker', 'company_consultant', 'team_leader'].includes(who);
    case 'team.read':
      return (own && ['caseworker', 'company_consultant', 'team_leader'].includes(who)) || who === 'municipality_admin';
    case 'team.manage':
      return (own && who === 'team_leader') || who === 'municipality_admin';
    case 'citizen.audit':
      return who === 'municipality_admin';
    case 'experiment':
      // Any experiment of the caller's own municipality, for the roles the route names.
      return true;
    default:
      throw new Error(`the matrix has no expectation for scope ${scope}: add it`);
  }
}

function expected(route: DeclaredRoute, who: Who, target: Target): boolean {
  const p = route.policy;
  if (p.access === 'public') return true;
  if (who === 'anonymous') return false;
  if (p.access === 'authenticated') return true;
  if (!p.roles.includes(who)) return false;
  return p.scope === undefined ? true : expectedScope(p.scope, who, target);
}

interface World {
  cases: Record<Target, string>;
  events: Record<Target, string>;
  teams: Record<Target, string>;
  citizens: Record<Target, string>;
  experiments: Record<Target, string>;
  users: Record<Role, BuiltUser>;
}

describe.each(drivers)('authorisation matrix on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let world: World;
  const clients = new Map<Who, Client>();

  async function buildSide(municipalityName: string) {
    const m = await buildMunicipality(t.db.kysely, municipalityName);
    const users = {} as Record<Role, BuiltUser>;
    for (const role of ROLES) users[role] = await buildUser(t.db.kysely, m.id, [role]);
    const otherWorker = await buildUser(t.db.kysely, m.id, ['caseworker']);
    const otherLeader = await buildUser(t.db.kysely, m.id, ['team_leader']);
    const ownTeam = await buildTeam(t.db.kysely, m.id, users.team_leader.id, [
      users.caseworker.id,
      users.company_consultant.id,
    ]);
    const otherTeam = await buildTeam(t.db.kysely, m.id, otherLeader.id, [otherWorker.id]);
    const register = async (worker: BuiltUser) => {
      const c = new Client(app);
      await c.login(worker.email, worker.password);
      const r = await c.request('POST', '/api/cases', {
        cpr: nextCpr(),
        name: 'Matrix Borger',
        benefit: 'cash_benefit',
        benefit_start: '2024-01-01',
        registered: '2026-01-05',
      });
      expect(r.statusCode).toBe(201);
      const body = r.json<{ id: string; citizen: { id: string } }>();
      const e = await c.request('POST', `/api/cases/${body.id}/events`, {
        type: 'conversation',
        date: '2026-01-06',
        held: true,
        mode: 'home',
      });
      expect(e.statusCode).toBe(201);
      const tl = (await c.request('GET', `/api/cases/${body.id}/timeline?types=conversation`)).json<{
        items: { id: string }[];
      }>();
      return { caseId: body.id, citizenId: body.citizen.id, eventId: tl.items[0]?.id ?? '' };
    };
    const own = await register(users.caseworker);
    const other = await register(otherWorker);
    await linkCitizenUser(t.db.kysely, m.id, users.citizen.id, own.citizenId);
    const designer = new Client(app);
    await designer.login(users.analyst.email, users.analyst.password);
    const experiment = async (name: string) => {
      const r = await designer.request('POST', '/api/experiments', twoArmDesign(name));
      expect(r.statusCode).toBe(201);
      return r.json<{ id: string }>().id;
    };
    return {
      users,
      own,
      other,
      ownTeam: ownTeam.id,
      otherTeam: otherTeam.id,
      ownExperiment: await experiment('Forsøg A'),
      otherExperiment: await experiment('Forsøg B'),
    };
  }

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db, { clock: () => new Date('2026-02-01T12:00:00Z') });
    const home = await buildSide('Hjemkommune');
    const away = await buildSide('Nabokommune');
    world = {
      cases: { own: home.own.caseId, other: home.other.caseId, foreign: away.own.caseId },
      events: { own: home.own.eventId, other: home.other.eventId, foreign: away.own.eventId },
      teams: { own: home.ownTeam, other: home.otherTeam, foreign: away.ownTeam },
      citizens: { own: home.own.citizenId, other: home.other.citizenId, foreign: away.own.citizenId },
      experiments: { own: home.ownExperiment, other: home.otherExperiment, foreign: away.ownExperiment },
      users: home.users,
    };
    for (const role of ROLES) {
      const c = new Client(app);
      expect((await c.login(home.users[role].email, home.users[role].password)).statusCode).toBe(200);
      clients.set(role, c);
    }
    const anonymous = new Client(app);
    await anonymous.request('GET', '/api/session');
    clients.set('anonymous', anonymous);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  function urlFor(route: DeclaredRoute, target: Target): string {
    return route.url
      .replace(':caseId', world.cases[target])
      .replace(':eventId', world.events[target])
      .replace(':teamId', world.teams[target])
      .replace(':citizenId', world.citizens[target])
      .replace(':experimentId', world.experiments[target]);
  }

  it('covers every route and gives no unexpected 2xx, and no denial where access is due', async () => {
    const routes = app.routeTable.filter((r) => !(r.url === '/api/session' && r.method !== 'GET'));
    expect(routes.length).toBeGreaterThan(15);
    const surprises: string[] = [];
    let checked = 0;
    for (const route of routes) {
      // Foreign first: its 404 is surely "out of scope", so the same answer elsewhere is a denial too
      // (a 404 with another message, e.g. "not enrolled", is the route's own answer).
      const targets: Target[] = /:(caseId|teamId|citizenId|experimentId)/.test(route.url)
        ? ['foreign', 'own', 'other']
        : ['own'];
      const outOfScope = new Map<Who, string>();
      const body =
        route.schema?.body === undefined ? undefined : sample(route.schema.body as Parameters<typeof sample>[0]);
      for (const who of [...ROLES, 'anonymous'] as Who[]) {
        for (const target of targets) {
          const client = clients.get(who);
          if (client === undefined) throw new Error(`no client for ${who}`);
          const r = await client.request(route.method as 'GET', urlFor(route, target), body);
          checked++;
          const allowed = expected(route, who, target);
          if (target === 'foreign' && r.statusCode === 404) outOfScope.set(who, r.body);
          const denied = [401, 403].includes(r.statusCode) || (r.statusCode === 404 && outOfScope.get(who) === r.body);
          if (!allowed && !denied && r.statusCode !== 404)
            surprises.push(
              `${route.method} ${route.url} as ${who} on ${target}: ${r.statusCode} (expected 401/403/404)`,
            );
          if (allowed && denied && route.policy.access !== 'public')
            surprises.push(`${route.method} ${route.url} as ${who} on ${target}: ${r.statusCode} (expected access)`);
          if (r.statusCode >= 500)
            surprises.push(`${route.method} ${route.url} as ${who} on ${target}: ${r.statusCode} ${r.body}`);
          // An allowed break-glass would widen the next checks' scope; the matrix tests each cell alone.
          await t.db.kysely
            .deleteFrom('case_access_grant')
            .modifyEnd(ALL_MUNICIPALITIES('each cell of the matrix starts without grants'))
            .execute();
        }
      }
    }
    expect(surprises).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  it('refuses to start with a route that declares no policy', async () => {
    const { buildApp } = await import('../../src/server/app.js');
    const { testKeyring } = await import('../support/app.js');
    const bare = await buildApp({ db: t.db, migrationCount: 0, keyring: testKeyring });
    expect(() => bare.get('/api/undeclared', async () => ({}))).toThrow(/declares no policy/);
    await bare.close();
  });
});
