// The administrator's pages, the citizen's own page and changing one's password, as people use
// them: an administrator creates a user and finds a citizen's access log by CPR number, the
// demo citizen reads their case and who has seen it, and a new user changes their password.
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateFictitiousCprs } from '../../src/core/cpr/index.js';
import { todayInCopenhagen, writtenCpr } from './case-steps.js';
import { DEMO_PASSWORD, expectAccessible, setUpApp, type App } from './harness.js';
import { DEMO_USERS, logIn, mainMenu, waitForHeading, welcome } from './steps.js';

const [CITIZEN_CPR = ''] = generateFictitiousCprs('admin-and-citizen-e2e', 1).map(writtenCpr);

/** The CSRF cookie's value for an API context (a page's, sharing its cookies), fetched if need be. */
async function apiCsrf(app: App, request: APIRequestContext): Promise<string> {
  await request.get(app.url('/api/session'));
  const csrf = (await request.storageState()).cookies.find((cookie) => cookie.name === 'medspiller_csrf')?.value;
  if (csrf === undefined) throw new Error('no CSRF cookie from GET /api/session');
  return csrf;
}

/** Logs an API context in as the app does; returns the CSRF token for its later requests. */
async function apiLogIn(
  app: App,
  request: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const csrf = await apiCsrf(app, request);
  const login = await request.post(app.url('/api/session'), {
    data: { email, password },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(login.status()).toBe(200);
  // Logging in may issue a new token with the new session.
  return apiCsrf(app, request);
}

/** The rows of the table in `scope`, each row's cells as text. */
async function rowTexts(scope: Page, selector: string): Promise<string[][]> {
  const rows: string[][] = [];
  for (const row of await scope.locator(`${selector} tbody tr`).all())
    rows.push((await row.locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim()));
  return rows;
}

describe('administration, Min side and the password', () => {
  const app = setUpApp();

  it('lets the administrator create a user, who then shows in the list', async () => {
    const page = await app.newPage();
    await logIn(page, app, DEMO_USERS.admin.email);
    await waitForHeading(page, welcome(DEMO_USERS.admin.name));
    await mainMenu(page).getByRole('link', { name: 'Administration', exact: true }).click();
    await waitForHeading(page, 'Administration');
    expect(await page.locator('li[data-task] a').allInnerTexts()).toEqual([
      'Brugere',
      'Regler og frister',
      'Adgangslog for en borger',
      'Teams og sagsloft',
      'Forsøg',
      'API-dokumentation (OpenAPI)',
    ]);
    await expectAccessible(page, 'administration');

    await page.getByRole('link', { name: 'Brugere', exact: true }).click();
    await waitForHeading(page, 'Brugere');
    const list = page.locator('table.users-table');
    await list.waitFor();
    expect(await list.locator(`tr[data-user="${DEMO_USERS.caseworker.email}"] td`).allInnerTexts()).toEqual([
      DEMO_USERS.caseworker.name,
      DEMO_USERS.caseworker.email,
      'Sagsbehandler',
      'Aktiv',
    ]);
    // The demo citizen logs in too, but is no member of staff.
    expect(await list.locator(`tr[data-user="${DEMO_USERS.citizen.email}"]`).count()).toBe(0);

    // Sent empty: every missing answer is named and linked to its field.
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Navnet skal udfyldes.',
      'E-mailadressen skal udfyldes.',
      'Vælg mindst én rolle.',
      'Adgangskoden skal udfyldes.',
    ]);
    await expectAccessible(page, 'users page with errors');

    await page.getByLabel('Navn', { exact: true }).fill('Karla Kofoed');
    await page.getByLabel('E-mailadresse').fill('karla.kofoed@demo.medspiller.dk');
    await page.getByRole('group', { name: 'Roller' }).getByLabel('Virksomhedskonsulent').check();
    await page.getByLabel('Team (frivilligt)').selectOption({ label: 'Team Medspiller' });
    // A password anyone could guess is refused by the server, on the password field.
    await page.getByLabel('Første adgangskode').fill('password12345');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await summary.getByRole('link', { name: /Adgangskoden er for almindelig/ }).waitFor();
    expect(await page.locator('#new-user-password').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Første adgangskode').fill('grøn-cykel-ved-stranden');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await page.getByRole('heading', { name: 'Karla Kofoed er oprettet' }).waitFor();
    const row = list.locator('tr[data-user="karla.kofoed@demo.medspiller.dk"]');
    await row.waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual([
      'Karla Kofoed',
      'karla.kofoed@demo.medspiller.dk',
      'Virksomhedskonsulent',
      'Aktiv',
    ]);
    // The form is empty again for the next one.
    expect(await page.getByLabel('Navn', { exact: true }).inputValue()).toBe('');
    await expectAccessible(page, 'users page after creating a user');

    // The new member of staff can log in.
    const karla = await app.newPage();
    await logIn(karla, app, 'karla.kofoed@demo.medspiller.dk', 'grøn-cykel-ved-stranden');
    await waitForHeading(karla, welcome('Karla Kofoed'));
  });

  it("shows the administrator the municipality's rule sets and saves the choice", async () => {
    const page = await app.newPage();
    await logIn(page, app, DEMO_USERS.admin.email);
    await page.goto(app.url('/administration/regler'));
    await waitForHeading(page, 'Regler og frister');
    const chosen = page.getByRole('group', { name: 'Regelsæt fra Medspiller' });
    await chosen.waitFor();
    expect(await chosen.getByRole('checkbox', { checked: true }).count()).toBe(2);
    expect(
      await page.locator('[data-rule-set="lab-2019"] tr[data-rule="lab.first_conversation"] td').allInnerTexts(),
    ).toHaveLength(4);
    await expectAccessible(page, 'rules page');

    // Local rules that are not JSON are stopped before they are sent.
    await page.getByLabel('Kommunens egne regelsæt (JSON) (frivilligt)').fill('{ "id": ');
    await page.getByRole('button', { name: 'Gem og regn fristerne om' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Feltet kan ikke læses som JSON. Tjek kommaer, anførselstegn og klammer.' })
      .waitFor();

    await page.getByLabel('Kommunens egne regelsæt (JSON) (frivilligt)').fill('');
    await page.getByRole('button', { name: 'Gem og regn fristerne om' }).click();
    await page.getByRole('heading', { name: 'Reglerne er gemt' }).waitFor();
    await page.getByText('Kommunen har valgt sine regler selv og har 0 egne regelsæt.').waitFor();
  });

  it("opens a citizen's access log by CPR number, page by page", async () => {
    // A caseworker registers a citizen and reads the case often enough to fill more than one page.
    const worker = await app.newPage();
    const csrf = await apiLogIn(app, worker.request, DEMO_USERS.caseworker.email);
    const registered = await worker.request.post(app.url('/api/cases'), {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        cpr: CITIZEN_CPR,
        name: 'Lone Logsen',
        benefit: 'cash_benefit',
        benefit_start: todayInCopenhagen(),
        registered: todayInCopenhagen(),
      },
    });
    expect(registered.status()).toBe(201);
    const caseId = ((await registered.json()) as { id: string }).id;
    for (let i = 0; i < 30; i++) expect((await worker.request.get(app.url(`/api/cases/${caseId}`))).status()).toBe(200);

    const page = await app.newPage();
    await logIn(page, app, DEMO_USERS.admin.email);
    await page.goto(app.url('/administration'));
    await page.getByRole('link', { name: 'Adgangslog for en borger' }).click();
    await waitForHeading(page, 'Adgangslog for en borger');
    await expectAccessible(page, 'access log search');

    // Not a CPR number: said before anything is sent.
    await page.getByLabel('Borgerens CPR-nummer').fill('12345');
    await page.getByRole('button', { name: 'Vis adgangslog' }).click();
    await page.getByRole('alert').getByText('Skriv CPR-nummeret som DDMMÅÅ-XXXX eller som 10 cifre.').waitFor();

    await page.getByLabel('Borgerens CPR-nummer').fill(CITIZEN_CPR);
    await page.getByRole('button', { name: 'Vis adgangslog' }).click();
    const log = page.getByRole('region', { name: `Adgangslog for Lone Logsen (${CITIZEN_CPR.slice(0, 6)}-xxxx)` });
    await log.locator('table.access-log-table').waitFor();
    await log.locator('h2:focus').waitFor();
    // The whole number neither stays on the screen nor goes into the address.
    expect(await page.getByLabel('Borgerens CPR-nummer').inputValue()).toBe('');
    expect(page.url()).not.toContain(CITIZEN_CPR.slice(7));
    await log.getByText('Viser hændelse 1–25, de nyeste først.').waitFor();
    const newest = await rowTexts(page, '.access-log-table');
    expect(newest).toHaveLength(25);
    // Newest first: the administrator's own search, then the caseworker's reads.
    expect(newest[0]?.slice(1)).toEqual([
      `${DEMO_USERS.admin.name} Administrator`,
      'Læst',
      'Søgning på CPR-nummer',
      'Kontrol af adgang (databeskyttelse)',
    ]);
    expect(newest[1]?.slice(1)).toEqual([
      `${DEMO_USERS.caseworker.name} Sagsbehandler`,
      'Læst',
      'Sagen',
      'Sagsbehandling',
    ]);
    expect(newest[0]?.[0]).toMatch(/^\d{1,2}\. \p{L}+ \d{4} kl\. \d{2}\.\d{2}$/u);
    await expectAccessible(page, 'access log of a citizen');

    await log.getByRole('button', { name: 'Ældre hændelser' }).click();
    await log.getByText(/^Viser hændelse 26–\d+, de nyeste først\.$/).waitFor();
    const older = await rowTexts(page, '.access-log-table');
    // The oldest event is the registration.
    expect(older[older.length - 1]?.slice(1)).toEqual([
      `${DEMO_USERS.caseworker.name} Sagsbehandler`,
      'Oprettet',
      'Navn, CPR-nummer og kontaktoplysninger',
      'Registrering',
    ]);
    expect(await log.getByRole('button', { name: 'Ældre hændelser' }).count()).toBe(0);
    await log.getByRole('button', { name: 'Nyere hændelser' }).click();
    await log.getByText('Viser hændelse 1–25, de nyeste først.').waitFor();
    expect(await rowTexts(page, '.access-log-table')).toEqual(newest);
  });

  it('shows the demo citizen their case, what happens next, and who has seen their data', async () => {
    const page = await app.newPage();
    await logIn(page, app, DEMO_USERS.citizen.email);
    await waitForHeading(page, welcome(DEMO_USERS.citizen.name));
    // The start page leads straight on to Min side.
    await page.getByRole('region', { name: 'Det kan du her' }).getByRole('link', { name: 'Min side' }).click();
    await waitForHeading(page, 'Min side');

    const facts = page.locator('table.my-case-facts');
    await facts.waitFor();
    expect(await facts.locator('tr[data-field="status"] td').innerText()).toBe('Din sag er åben.');
    const placement = await facts.locator('tr[data-field="placement"] td').innerText();
    expect(placement).toContain('Aktivitetsparat – Step-up (behov for støtte)');
    expect(placement).toContain('trin for trin');
    expect(await facts.locator('tr[data-field="caseworker"] td').innerText()).toBe(DEMO_USERS.caseworker.name);

    const next = page.getByRole('region', { name: 'Det skal ske i din sag' });
    const deadlines = next.locator('li[data-rule]');
    expect(await deadlines.count()).toBeGreaterThan(0);
    expect(await deadlines.first().innerText()).toMatch(/(Senest|Skulle være sket senest) \d{1,2}\. \p{L}+ \d{4}\./u);

    const log = page.getByRole('region', { name: 'Hvem har set dine oplysninger' });
    await log.locator('table.access-log-table').waitFor();
    const seen = await rowTexts(page, '.access-log-table');
    expect(seen.some((row) => row[1] === `${DEMO_USERS.caseworker.name} Sagsbehandler` && row[2] === 'Oprettet')).toBe(
      true,
    );
    await expectAccessible(page, 'Min side');

    // The citizen's own visit is logged too, and shows as theirs.
    await page.reload();
    await log.locator('table.access-log-table').waitFor();
    const again = await rowTexts(page, '.access-log-table');
    expect(again[0]?.slice(1)).toEqual(['Dig selv Borger', 'Læst', 'Sagen', 'Borgerens eget opslag']);
  });

  it('lets a user change their password, and log in with the new one only', async () => {
    // A user of this test's own, so no other journey depends on the password it changes.
    const admin = await app.newPage();
    const csrf = await apiLogIn(app, admin.request, DEMO_USERS.admin.email);
    const created = await admin.request.post(app.url('/api/users'), {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        email: 'palle.password@demo.medspiller.dk',
        name: 'Palle Pedersen',
        roles: ['analyst'],
        password: 'solsikke-på-altanen',
      },
    });
    expect(created.status()).toBe(201);

    const page = await app.newPage();
    await logIn(page, app, 'palle.password@demo.medspiller.dk', 'solsikke-på-altanen');
    await page.getByRole('banner').getByRole('link', { name: 'Skift adgangskode' }).click();
    await waitForHeading(page, 'Skift adgangskode');
    await page.locator('h1:focus').waitFor();
    expect(await page.getByLabel('Ny adgangskode').getAttribute('autocomplete')).toBe('new-password');
    await expectAccessible(page, 'change password');

    // The form's own checks: the repeat must match.
    await page.getByLabel('Nuværende adgangskode').fill('solsikke-på-altanen');
    await page.getByLabel('Ny adgangskode').fill('regnvejr-over-bakken');
    await page.getByLabel('Gentag den nye adgangskode').fill('regnvejr-over-bakke');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary
      .getByRole('link', { name: 'De to nye adgangskoder er ikke ens. Skriv den samme begge steder.' })
      .waitFor();

    // The server's checks: a wrong current password, then a password on the lists of leaked ones.
    await page.getByLabel('Nuværende adgangskode').fill('ikke-den-rigtige-kode');
    await page.getByLabel('Gentag den nye adgangskode').fill('regnvejr-over-bakken');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await summary.getByRole('link', { name: /den nuværende adgangskode er forkert/ }).waitFor();
    await page.getByLabel('Nuværende adgangskode').fill('solsikke-på-altanen');
    await page.getByLabel('Ny adgangskode').fill('password12345');
    await page.getByLabel('Gentag den nye adgangskode').fill('password12345');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await summary.getByRole('link', { name: /Adgangskoden er for almindelig/ }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('password-new');
    await expectAccessible(page, 'change password with a server error');

    await page.getByLabel('Ny adgangskode').fill('regnvejr-over-bakken');
    await page.getByLabel('Gentag den nye adgangskode').fill('regnvejr-over-bakken');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await page.getByRole('heading', { name: 'Din adgangskode er skiftet' }).waitFor();
    expect(await page.getByLabel('Nuværende adgangskode').inputValue()).toBe('');

    await page.getByRole('button', { name: 'Log af' }).first().click();
    await page.waitForURL(app.url('/login'));
    const old = await app.newPage();
    const refused = await old.request.post(app.url('/api/session'), {
      data: { email: 'palle.password@demo.medspiller.dk', password: 'solsikke-på-altanen' },
      headers: { 'X-CSRF-Token': await apiCsrf(app, old.request) },
    });
    expect(refused.status()).toBe(401);
    await logIn(page, app, 'palle.password@demo.medspiller.dk', 'regnvejr-over-bakken');
    await waitForHeading(page, welcome('Palle Pedersen'));
  });

  it('offers "Skift adgangskode" in the menu on a narrow screen', async () => {
    const page = await app.newPage({ viewport: { width: 360, height: 800 } });
    await logIn(page, app, DEMO_USERS.citizen.email);
    await page.getByRole('button', { name: 'Menu' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('link', { name: 'Skift adgangskode' }).click();
    await waitForHeading(page, 'Skift adgangskode');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
