// Each demo login lands on its own start page, and the header's menu offers that role's areas
// and no others: every area it offers opens for the role, without a "no access" page.
import { describe, it, expect } from 'vitest';
import { expectAccessible, setUpApp } from './harness.js';
import { DEMO_MUNICIPALITY, DEMO_USERS, headerText, logIn, mainMenu, waitForHeading, welcome } from './steps.js';

/** An area of the app: its name in the menu, and the h1 of the page it opens. */
interface Area {
  link: string;
  heading: string;
}

const WORK_QUEUE: Area = { link: 'Arbejdskø', heading: 'Arbejdskø' };
const CASES: Area = { link: 'Sager', heading: 'Find sag' };
const REGISTER: Area = { link: 'Registrér borger', heading: 'Registrér borger' };
const TEAM: Area = { link: 'Team', heading: 'Team Medspiller' };
const ALL_TEAMS: Area = { link: 'Team', heading: 'Kommunens teams' };
const EXPERIMENTS: Area = { link: 'Forsøg', heading: 'Forsøg' };
const ADMINISTRATION: Area = { link: 'Administration', heading: 'Administration' };
const MY_PAGE: Area = { link: 'Min side', heading: 'Min side' };

interface DemoRole {
  user: { email: string; name: string };
  role: string;
  /** The menu's areas after "Forside", in order; the start page lists the same under "Det kan du her". */
  areas: readonly Area[];
  /** The start page's work-queue section, for those who have one. */
  queue?: string;
  /** What the start page says about a role with few or no pages of its own. */
  note?: string;
}

const DEMO_ROLES: readonly DemoRole[] = [
  {
    user: DEMO_USERS.caseworker,
    role: 'Sagsbehandler',
    areas: [WORK_QUEUE, CASES, REGISTER, EXPERIMENTS],
    queue: 'Arbejdskø',
  },
  { user: DEMO_USERS.companyConsultant, role: 'Virksomhedskonsulent', areas: [CASES, EXPERIMENTS] },
  {
    user: DEMO_USERS.teamLeader,
    role: 'Teamleder',
    areas: [WORK_QUEUE, CASES, REGISTER, TEAM, EXPERIMENTS],
    queue: 'Teamets arbejdskø',
  },
  {
    user: DEMO_USERS.analyst,
    role: 'Analytiker',
    areas: [EXPERIMENTS],
    note: 'Som analytiker ser du kun pseudonymiserede data og samlede tal',
  },
  {
    user: DEMO_USERS.finance,
    role: 'Økonomi',
    areas: [],
    note: 'Som økonomimedarbejder har du endnu ingen opgaver i Medspiller.',
  },
  {
    user: DEMO_USERS.admin,
    role: 'Administrator',
    areas: [ALL_TEAMS, EXPERIMENTS, ADMINISTRATION],
    note: 'Som administrator arbejder du ikke i borgernes sager.',
  },
  { user: DEMO_USERS.citizen, role: 'Borger', areas: [MY_PAGE] },
];

describe('start page per role', () => {
  const app = setUpApp();

  for (const demo of DEMO_ROLES) {
    it(`greets ${demo.user.email} and offers exactly the role's areas, each of which opens`, async () => {
      const page = await app.newPage();
      await logIn(page, app, demo.user.email);
      const heading = welcome(demo.user.name);
      await waitForHeading(page, heading);
      const header = await headerText(page);
      expect(header).toContain(DEMO_MUNICIPALITY);
      expect(header).toContain(`${demo.user.name}, ${demo.role}`);
      expect(await page.title()).toBe(`${heading} – Medspiller`);

      const menu = mainMenu(page);
      expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Forside', ...demo.areas.map((area) => area.link)]);
      expect(await menu.locator('[aria-current="page"]').allInnerTexts()).toEqual(['Forside']);

      // "Det kan du her" names the same areas as the menu, and only when there are any.
      const main = page.getByRole('main');
      const areas = main.getByRole('region', { name: 'Det kan du her' });
      if (demo.areas.length === 0) expect(await areas.count()).toBe(0);
      else expect(await areas.getByRole('link').allInnerTexts()).toEqual(demo.areas.map((area) => area.link));

      // A work queue only for those who hold one; the page invents no case data for anyone else.
      const queue = main.getByRole('region', { name: demo.queue ?? /arbejdskø/i });
      if (demo.queue === undefined) expect(await queue.count()).toBe(0);
      else await queue.locator('[data-count="citizens"]').waitFor();
      if (demo.note === undefined) expect(await main.locator('p[data-role]').count()).toBe(0);
      else expect(await main.innerText()).toContain(demo.note);
      await expectAccessible(page, `start page of ${demo.user.email}`);

      // Every area the menu offers opens for this role, marked as current in the menu.
      for (const area of demo.areas) {
        await menu.getByRole('link', { name: area.link, exact: true }).click();
        await waitForHeading(page, area.heading);
        await page.locator('h1:focus').waitFor();
        expect(await main.innerText()).not.toContain('Du har ikke adgang til denne side');
        expect(await menu.locator('[aria-current="page"]').allInnerTexts()).toEqual([area.link]);
        await expectAccessible(page, `${area.link} for ${demo.user.email}`);
      }
    });
  }

  it('links the administrator to the API documentation, which exists', async () => {
    const page = await app.newPage();
    await logIn(page, app, DEMO_USERS.admin.email);
    const link = page.getByRole('link', { name: 'API-dokumentation (OpenAPI)' });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe('/api/docs');
    const response = await page.request.get(app.url(href));
    expect(response.status()).toBe(200);
  });

  it('sends a logged-in user from /login to the start page', async () => {
    const page = await app.newPage();
    await logIn(page, app, DEMO_USERS.citizen.email);
    await page.goto(app.url('/login'));
    await page.waitForURL(app.url('/'));
    await waitForHeading(page, welcome(DEMO_USERS.citizen.name));
  });

  it('refuses an area outside the role on a direct visit, and the menu does not offer it', async () => {
    const page = await app.newPage();
    await logIn(page, app, DEMO_USERS.analyst.email);
    await page.goto(app.url('/arbejdsko'));
    await waitForHeading(page, 'Arbejdskø');
    await page.getByText('Du har ikke adgang til denne side').waitFor();
    expect(await mainMenu(page).getByRole('link', { name: 'Arbejdskø' }).count()).toBe(0);
    await expectAccessible(page, 'work queue without access');
  });
});
