// The case page beyond the main journey: the server's field errors in the summary, no-shows,
// activities and voiding, the timeline filter, contact details, and what other roles may do.
import { describe, it, expect } from 'vitest';
import { generateFictitiousCprs } from '../../src/core/cpr/index.js';
import { addDays, dataOf, registerCitizen, todayInCopenhagen, writtenCpr } from './case-steps.js';
import { expectAccessible, setUpApp } from './harness.js';
import { logIn, waitForHeading } from './steps.js';

const CASEWORKER = 'sagsbehandler@demo.medspiller.dk';
const TEAM_LEADER = 'teamleder@demo.medspiller.dk';
const CONSULTANT = 'virksomhedskonsulent@demo.medspiller.dk';
const [FIRST_CPR = '', SECOND_CPR = '', THIRD_CPR = ''] = generateFictitiousCprs('case-page-e2e', 3).map(writtenCpr);

describe('case page', () => {
  const app = setUpApp();
  const today = todayInCopenhagen();
  const benefitStart = addDays(today, -30);

  it("shows the server's field error in the summary, linked to the field", async () => {
    const page = await app.newPage();
    await logIn(page, app, CASEWORKER);
    await page.goto(app.url('/sager/ny'));
    await waitForHeading(page, 'Registrér borger');
    // The right form, but 30 February does not exist: only the server's CPR check knows.
    await page.getByLabel('CPR-nummer').fill('300290-9123');
    await page.getByLabel('Navn', { exact: true }).fill('Ingen Dato');
    await page.getByLabel('Ydelse', { exact: true }).selectOption({ label: 'Uddannelseshjælp' });
    await page.getByLabel('Ydelsen startede').fill(benefitStart);
    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/api/cases') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Registrér borger' }).click();
    expect((await answer).status()).toBe(400);
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    const link = summary.getByRole('link', { name: /^CPR-nummer: / });
    expect(await link.innerText()).toBe('CPR-nummer: CPR-nummeret indeholder ikke en gyldig fødselsdato.');
    await link.click();
    expect(await page.evaluate('document.activeElement.id')).toBe('register-cpr');
    expect(await page.getByLabel('CPR-nummer').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, "registration with the server's CPR error");
  });

  it('records a no-show and an activity, voids the activity, filters the timeline and changes contact details', async () => {
    const page = await app.newPage();
    await logIn(page, app, CASEWORKER);
    const caseUrl = await registerCitizen(page, app, { cpr: FIRST_CPR, name: 'Erik Udeblevsen', benefitStart });
    const event = page.getByRole('form', { name: 'Registrér hændelse' });
    const timeline = page.getByRole('list', { name: 'Sagens historik, nyeste først' });

    // A conversation the citizen did not come to.
    await event.getByLabel('Hvad skete der?').selectOption({ label: 'Samtale' });
    await event.getByLabel('Nej, den blev aflyst, eller borgeren udeblev').check();
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    await page.getByRole('alert').filter({ hasText: 'Vælg hvem der aflyste.' }).waitFor();
    await event.getByLabel('Hvem aflyste?').selectOption({ label: 'Borgeren (aflyst eller udeblevet)' });
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    await timeline.getByText('Ikke holdt. Aflyst af: Borgeren (aflyst eller udeblevet)').waitFor();
    // A no-show does not meet the first-conversation deadline.
    expect(await page.locator('tr[data-rule="lab.first_conversation"]').getAttribute('data-status')).toBe('open');

    // An activity whose end lies before its start is refused before sending.
    await event.getByLabel('Hvad skete der?').selectOption({ label: 'Aktivitet' });
    await event.getByLabel('Hvilken aktivitet?').selectOption({ label: 'Virksomhedspraktik' });
    await event.getByLabel('Slutdato (frivilligt)').fill(addDays(today, -1));
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    const problems = page
      .getByRole('alert')
      .filter({ hasText: 'Slutdatoen skal være en dato på eller efter startdatoen.' });
    await problems.waitFor();
    await expectAccessible(page, 'event form with a problem');
    await event.getByLabel('Slutdato (frivilligt)').fill(addDays(today, 30));
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    const activity = timeline.locator('li[data-type="activity"]');
    await activity.getByText('Virksomhedspraktik').waitFor();

    // Voiding keeps the entry, marked, with the reason.
    await activity.getByRole('button', { name: /^Annullér registreringen/ }).click();
    await activity.getByLabel('Hvorfor annulleres registreringen?').fill('Registreret på den forkerte borger.');
    await activity.getByRole('button', { name: 'Annullér registreringen', exact: true }).click();
    await activity.getByText('Annulleret', { exact: true }).waitFor();
    expect(await activity.innerText()).toContain('Annulleret fordi: Registreret på den forkerte borger.');
    expect(await activity.getByRole('button', { name: /^Annullér registreringen/ }).count()).toBe(0);
    await expectAccessible(page, 'timeline with a voided entry');

    // The filter shows one type only.
    await page.getByLabel('Vis', { exact: true }).selectOption({ label: 'Samtale' });
    await page.getByRole('form', { name: 'Filtrér tidslinjen' }).getByRole('button', { name: 'Vis' }).click();
    await timeline.locator('li[data-type="activity"]').waitFor({ state: 'detached' });
    expect(new Set(await dataOf(timeline.locator('li'), 'data-type'))).toEqual(new Set(['conversation']));

    // Contact details: a malformed e-mail address is caught, a good one saved.
    await page.getByRole('button', { name: 'Ret kontaktoplysninger' }).click();
    const contact = page.getByRole('form', { name: 'Borgerens kontaktoplysninger' });
    await contact.getByLabel('E-mailadresse (frivilligt)').fill('erik.example.dk');
    await contact.getByRole('button', { name: 'Gem kontaktoplysninger' }).click();
    await page.getByRole('alert').filter({ hasText: 'Indtast en e-mailadresse med @' }).waitFor();
    await contact.getByLabel('E-mailadresse (frivilligt)').fill('erik@example.dk');
    await contact.getByLabel('Sprog').selectOption({ label: 'Arabisk' });
    await contact.getByLabel('Borgeren har brug for tolk').check();
    await contact.getByRole('button', { name: 'Gem kontaktoplysninger' }).click();
    await page.locator('tr[data-field="email"] td').getByText('erik@example.dk').waitFor();
    expect(await page.locator('tr[data-field="language"] td').innerText()).toBe('Arabisk');
    expect(await page.locator('tr[data-field="interpreter"] td').innerText()).toBe('Ja');
    expect(await page.getByRole('region', { name: 'Kontaktpersoner' }).innerText()).toContain(
      'Sara Sagsbehandler, Sagsbehandler',
    );
    await expectAccessible(page, 'case page after changing contact details');

    // In English.
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Deadlines' }).waitFor();
    expect(await page.locator('tr[data-field="category"] td').innerText()).toBe('Not visited yet');
    await expectAccessible(page, 'case page in English');
    await page.getByRole('link', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 2, name: 'Frister' }).waitFor();

    // The team leader reads the case and may reassign it, but not record on it.
    const leader = await app.newPage();
    await logIn(leader, app, TEAM_LEADER);
    await leader.goto(caseUrl);
    await waitForHeading(leader, 'Erik Udeblevsen');
    expect(await leader.getByRole('form', { name: 'Visitation' }).count()).toBe(0);
    expect(await leader.getByRole('form', { name: 'Registrér hændelse' }).count()).toBe(0);
    expect(await leader.getByRole('button', { name: 'Ret kontaktoplysninger' }).count()).toBe(0);
    expect(await leader.getByRole('button', { name: /^Annullér registreringen/ }).count()).toBe(0);
    await leader.getByRole('heading', { level: 2, name: 'Skift sagsbehandler' }).waitFor();
    await expectAccessible(leader, 'case page as team leader');
  });

  it('lets a company consultant find cases but not register citizens', async () => {
    const caseworker = await app.newPage();
    await logIn(caseworker, app, CASEWORKER);
    await registerCitizen(caseworker, app, { cpr: SECOND_CPR, name: 'Frida Virksomhed', benefitStart });

    const page = await app.newPage();
    await logIn(page, app, CONSULTANT);
    await page.getByRole('link', { name: 'Find en sag' }).click();
    await waitForHeading(page, 'Find sag');
    expect(await page.getByRole('link', { name: 'Registrér en ny borger' }).count()).toBe(0);
    await page.getByLabel('Søg', { exact: true }).fill('Frida');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.getByRole('link', { name: 'Frida Virksomhed' }).click();
    await waitForHeading(page, 'Frida Virksomhed');
    expect(await page.getByRole('form', { name: 'Visitation' }).count()).toBe(0);
    await expectAccessible(page, 'case page as company consultant');

    await page.goto(app.url('/sager/ny'));
    await waitForHeading(page, 'Registrér borger');
    await page.getByText('Du har ikke adgang til denne side').waitFor();
    await expectAccessible(page, 'registration page without access');
  });

  it('opens a case outside your own only with a written reason, which the team leader then sees', async () => {
    const caseworker = await app.newPage();
    await logIn(caseworker, app, CASEWORKER);
    const caseUrl = await registerCitizen(caseworker, app, { cpr: THIRD_CPR, name: 'Gorm Glasbrud', benefitStart });

    // Every demo colleague shares one team, so the server would call this case in scope;
    // the answer is made "out of scope" to walk the break-glass path the other way.
    const page = await app.newPage();
    await logIn(page, app, CONSULTANT);
    await page.route('**/api/cases/find-by-cpr', async (route) => {
      const response = await route.fetch();
      const body: unknown = await response.json();
      await route.fulfill({
        response,
        json: { ...(typeof body === 'object' && body !== null ? body : {}), in_scope: false },
      });
    });
    await page.goto(app.url('/sager'));
    await waitForHeading(page, 'Find sag');
    await page.getByLabel('Helt CPR-nummer').fill(THIRD_CPR);
    await page.getByRole('button', { name: 'Find sag' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sagen hører ikke til dine sager' }).waitFor();
    await expectAccessible(page, 'break-glass form');
    await page.getByLabel('Begrundelse').fill('Kort');
    await page.getByRole('button', { name: 'Åbn sagen med begrundelse' }).click();
    await page.getByRole('alert').filter({ hasText: 'Skriv en begrundelse på mindst 10 tegn.' }).waitFor();
    const reason = 'Borgeren ringede om praktikken, og sagsbehandleren er syg.';
    await page.getByLabel('Begrundelse').fill(reason);
    await page.getByRole('button', { name: 'Åbn sagen med begrundelse' }).click();
    await waitForHeading(page, 'Gorm Glasbrud');
    expect(page.url()).toBe(caseUrl);

    const leader = await app.newPage();
    await logIn(leader, app, TEAM_LEADER);
    await leader.goto(app.url('/team'));
    await waitForHeading(leader, 'Team Medspiller');
    const grants = leader.getByRole('region', { name: 'Teamets sager åbnet med begrundelse, nyeste først' });
    await grants.waitFor();
    const grant = grants.locator('tbody tr').first();
    expect(await grant.locator('td').nth(1).innerText()).toBe('Villads Virksomhedskonsulent');
    expect(await grant.locator('td').nth(2).innerText()).toBe(reason);
    await expectAccessible(leader, 'team page with a broken glass');
  });
});
