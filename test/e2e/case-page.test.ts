// The case page beyond the main journey: every problem of a form in one summary, no-shows,
// activities and voiding, the timeline filter, contact details, and what other roles may do.
import { describe, it, expect } from 'vitest';
import { generateFictitiousCprs } from '../../src/core/cpr/index.js';
import {
  addDays,
  caseSections,
  caseSummary,
  dataOf,
  openCaseSection,
  registerCitizen,
  todayInCopenhagen,
  waitForNotice,
  writtenCpr,
} from './case-steps.js';
import { expectAccessible, setUpApp } from './harness.js';
import { DEMO_USERS, fillDate, logIn, mainMenu, waitForHeading } from './steps.js';

const CASEWORKER = DEMO_USERS.caseworker.email;
const TEAM_LEADER = DEMO_USERS.teamLeader.email;
const CONSULTANT = DEMO_USERS.companyConsultant.email;
const [FIRST_CPR = '', SECOND_CPR = '', THIRD_CPR = ''] = generateFictitiousCprs('case-page-e2e', 3).map(writtenCpr);

describe('case page', () => {
  const app = setUpApp();
  const today = todayInCopenhagen();
  const benefitStart = addDays(today, -30);

  it("names the server's checks in one round before sending: an impossible CPR date and a name too long", async () => {
    const page = await app.newPage();
    await logIn(page, app, CASEWORKER);
    await page.goto(app.url('/sager/ny'));
    await waitForHeading(page, 'Registrér borger');
    // The right form, but 30 February does not exist: core's CPR rule, which the server applies too.
    await page.getByLabel('CPR-nummer').fill('300290-9123');
    // The limit shows before typing, and nothing typed past it is cut off unseen.
    const name = page.getByLabel('Navn', { exact: true });
    expect(await page.locator('#register-name-help').innerText()).toBe('Højst 200 tegn.');
    await name.fill('x'.repeat(201));
    expect((await name.inputValue()).length).toBe(201);
    await page.getByLabel('Ydelse', { exact: true }).selectOption({ label: 'Uddannelseshjælp' });
    await fillDate(page, 'Ydelsen startede', benefitStart);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/cases') && request.method() === 'POST') sent.push(request.url());
    });
    await page.getByRole('button', { name: 'Registrér borger' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'CPR-nummeret indeholder ikke en gyldig fødselsdato. Tjek dag og måned.',
      'Navnet må højst have 200 tegn. Du har skrevet 201.',
    ]);
    expect(sent).toEqual([]);
    await summary.getByRole('link', { name: /^CPR-nummeret/ }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('register-cpr');
    expect(await page.getByLabel('CPR-nummer').getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'registration with problems found before sending');
  });

  it('records a no-show and an activity, voids the activity, filters the timeline and changes contact details', async () => {
    const page = await app.newPage();
    await logIn(page, app, CASEWORKER);
    const caseUrl = await registerCitizen(page, app, { cpr: FIRST_CPR, name: 'Erik Udeblevsen', benefitStart });
    const event = page.getByRole('form', { name: 'Registrér hændelse' });
    const timeline = page.getByRole('list', { name: 'Sagens historik, nyeste først' });
    const summaryBox = caseSummary(page);

    // A conversation the citizen did not come to, from the form the summary's button opens.
    await summaryBox.getByRole('link', { name: 'Registrér samtale' }).click();
    await page.waitForURL(`${caseUrl}/registrer?type=conversation`);
    await page.getByRole('heading', { level: 2, name: 'Registrér hændelse' }).and(page.locator(':focus')).waitFor();
    expect(await event.getByLabel('Hvad skete der?').inputValue()).toBe('conversation');
    await event.getByLabel('Nej, den blev aflyst, eller borgeren udeblev').check();
    // A note over its limit is counted, not cut, and named in the same round as the missing choice.
    const note = event.getByLabel('Notat');
    await note.fill('n'.repeat(4012));
    await event.locator('.character-limit.limit-exceeded').getByText('Du har 12 tegn for meget.').waitFor();
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Vælg hvem der aflyste.' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Vælg hvem der aflyste.',
      'Notatet må højst have 4.000 tegn. Du har skrevet 4.012.',
    ]);
    await note.fill('');
    await event.getByLabel('Hvem aflyste?').selectOption({ label: 'Borgeren (aflyst eller udeblevet)' });
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    // Saved, the user is back at the overview: a no-show does not meet the first-conversation deadline.
    await page.waitForURL(caseUrl);
    await waitForNotice(page, 'Samtale er registreret.');
    expect(await page.locator('tr[data-rule="lab.first_conversation"]').getAttribute('data-status')).toBe('open');
    await openCaseSection(page, 'Tidslinje');
    await timeline.getByText('Ikke holdt. Aflyst af: Borgeren (aflyst eller udeblevet)').waitFor();

    // An activity whose end lies before its start is refused before sending.
    await summaryBox.getByRole('link', { name: 'Registrér aktivitet' }).click();
    await page.waitForURL(`${caseUrl}/registrer?type=activity`);
    await page.getByRole('heading', { level: 2, name: 'Registrér hændelse' }).and(page.locator(':focus')).waitFor();
    expect(await event.getByLabel('Hvad skete der?').inputValue()).toBe('activity');
    await event.getByLabel('Hvilken aktivitet?').selectOption({ label: 'Virksomhedspraktik' });
    // A whole date typed into the day box is split; one that does not exist is named as such.
    const endDay = event.getByRole('group', { name: 'Slutdato (frivilligt)' }).getByLabel('Dag', { exact: true });
    await endDay.pressSequentially('31022026');
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    const noSuchDay = page
      .getByRole('alert')
      .getByRole('link', { name: 'Datoen findes ikke: februar 2026 har 28 dage.' });
    await noSuchDay.click();
    expect(await page.evaluate('document.activeElement.id')).toBe('event-end-date-day');
    await fillDate(event, 'Slutdato (frivilligt)', addDays(today, -1));
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    const problems = page
      .getByRole('alert')
      .filter({ hasText: 'Slutdatoen skal være en dato på eller efter startdatoen.' });
    await problems.waitFor();
    await expectAccessible(page, 'event form with a problem');
    await fillDate(event, 'Slutdato (frivilligt)', addDays(today, 30));
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    await page.waitForURL(caseUrl);
    await waitForNotice(page, 'Aktivitet er registreret.');
    await openCaseSection(page, 'Tidslinje');
    const activity = timeline.locator('li[data-type="activity"]');
    await activity.getByText('Virksomhedspraktik').waitFor();

    // Voiding keeps the entry, marked, with the reason.
    await activity.getByRole('button', { name: /^Annullér registreringen/ }).click();
    await activity.getByLabel('Hvorfor annulleres registreringen?').fill('Registreret på den forkerte borger.');
    await activity.getByRole('button', { name: 'Annullér registreringen', exact: true }).click();
    await waitForNotice(page, 'Registreringen er annulleret.');
    await activity.getByText('Annulleret', { exact: true }).waitFor();
    expect(await activity.innerText()).toContain('Annulleret fordi: Registreret på den forkerte borger.');
    expect(await activity.getByRole('button', { name: /^Annullér registreringen/ }).count()).toBe(0);
    await expectAccessible(page, 'timeline with a voided entry');

    // The filter shows one type only.
    await page.getByLabel('Vis', { exact: true }).selectOption({ label: 'Samtale' });
    await page.getByRole('form', { name: 'Filtrér tidslinjen' }).getByRole('button', { name: 'Vis' }).click();
    await timeline.locator('li[data-type="activity"]').waitFor({ state: 'detached' });
    expect(new Set(await dataOf(timeline.locator('li'), 'data-type'))).toEqual(new Set(['conversation']));
    // The filter is in the address: a reload shows the same entries.
    expect(new URL(page.url()).searchParams.get('type')).toBe('conversation');
    await page.reload();
    await timeline.locator('li').first().waitFor();
    expect(new Set(await dataOf(timeline.locator('li'), 'data-type'))).toEqual(new Set(['conversation']));
    expect(await page.getByLabel('Vis', { exact: true }).inputValue()).toBe('conversation');

    // Contact details: a malformed e-mail address is caught, a good one saved.
    await openCaseSection(page, 'Kontakt', 'Borgerens kontaktoplysninger');
    await page.getByRole('button', { name: 'Ret kontaktoplysninger' }).click();
    await page.locator('#contact-name:focus').waitFor();
    const contact = page.getByRole('form', { name: 'Borgerens kontaktoplysninger' });
    await contact.getByLabel('E-mailadresse (frivilligt)').fill('erik.example.dk');
    await contact.getByRole('button', { name: 'Gem kontaktoplysninger' }).click();
    await page.getByRole('alert').filter({ hasText: 'Indtast en e-mailadresse med @' }).waitFor();
    await contact.getByLabel('E-mailadresse (frivilligt)').fill('erik@example.dk');
    await contact.getByLabel('Sprog').selectOption({ label: 'Arabisk' });
    await contact.getByLabel('Borgeren har brug for tolk').check();
    await contact.getByRole('button', { name: 'Gem kontaktoplysninger' }).click();
    await waitForNotice(page, 'Kontaktoplysningerne er gemt.');
    await page.locator('tr[data-field="email"] td').getByText('erik@example.dk').waitFor();
    expect(await page.locator('tr[data-field="language"] td').innerText()).toBe('Arabisk');
    expect(await page.locator('tr[data-field="interpreter"] td').innerText()).toBe('Ja');
    await page.getByRole('heading', { level: 3, name: 'Kontaktpersoner' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Sara Sagsbehandler, Sagsbehandler' }).waitFor();
    await expectAccessible(page, 'case page after changing contact details');

    // In English, the sections and the case's facts too.
    await openCaseSection(page, 'Overblik');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 3, name: 'Deadlines', exact: true }).waitFor();
    await page
      .getByRole('navigation', { name: "The case's sections", exact: true })
      .getByRole('link', { name: 'Timeline', exact: true })
      .waitFor();
    expect(await page.locator('table.case-overview tr[data-field="category"] td').innerText()).toBe('Not visited yet');
    await expectAccessible(page, 'case page in English');
    await page.getByRole('link', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 3, name: 'Frister', exact: true }).waitFor();

    // The team leader reads the case and may reassign it, but not record on it.
    const leader = await app.newPage();
    await logIn(leader, app, TEAM_LEADER);
    await leader.goto(caseUrl);
    await waitForHeading(leader, 'Erik Udeblevsen');
    // Neither the summary nor the section menu offers what the leader may not do.
    const leaderSummary = caseSummary(leader);
    expect(await leaderSummary.getByRole('link').allInnerTexts()).toEqual(['Skift sagsbehandler']);
    expect(await caseSections(leader).getByRole('link').allInnerTexts()).toEqual([
      'Overblik',
      'Visitation og spor',
      'Tidslinje',
      'Status',
      'Kontakt',
      'Sagsbehandler',
      'Luk sagen',
    ]);
    await expectAccessible(leader, 'case page as team leader');
    await openCaseSection(leader, 'Visitation og spor');
    expect(await leader.getByRole('form', { name: 'Visitation og spor' }).count()).toBe(0);
    await openCaseSection(leader, 'Tidslinje');
    await leader.getByRole('list', { name: 'Sagens historik, nyeste først' }).waitFor();
    expect(await leader.getByRole('button', { name: /^Annullér registreringen/ }).count()).toBe(0);
    await openCaseSection(leader, 'Kontakt', 'Borgerens kontaktoplysninger');
    expect(await leader.getByRole('button', { name: 'Ret kontaktoplysninger' }).count()).toBe(0);
    // The record section's address, typed in, says no rather than offering the form.
    await leader.goto(`${caseUrl}/registrer`);
    await leader.getByText('Du kan ikke ændre denne sag.').waitFor();
    expect(await leader.getByRole('form', { name: 'Registrér hændelse' }).count()).toBe(0);
    await expectAccessible(leader, 'record section as team leader');
    await leaderSummary.getByRole('link', { name: 'Skift sagsbehandler' }).click();
    await leader.waitForURL(`${caseUrl}/sagsbehandler`);
    await leader
      .getByRole('heading', { level: 2, name: 'Skift sagsbehandler' })
      .and(leader.locator(':focus'))
      .waitFor();
    await expectAccessible(leader, 'reassign section as team leader');
  });

  it('lets a company consultant find cases but not register citizens', async () => {
    const caseworker = await app.newPage();
    await logIn(caseworker, app, CASEWORKER);
    await registerCitizen(caseworker, app, { cpr: SECOND_CPR, name: 'Frida Virksomhed', benefitStart });

    const page = await app.newPage();
    await logIn(page, app, CONSULTANT);
    expect(await mainMenu(page).getByRole('link', { name: 'Registrér borger' }).count()).toBe(0);
    await mainMenu(page).getByRole('link', { name: 'Sager', exact: true }).click();
    await waitForHeading(page, 'Find sag');
    expect(await page.getByRole('link', { name: 'Registrér en ny borger' }).count()).toBe(0);
    await page.getByLabel('Søg', { exact: true }).fill('Frida');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.getByRole('link', { name: 'Frida Virksomhed' }).click();
    await waitForHeading(page, 'Frida Virksomhed');
    // Reading only: no actions in the summary, no record or caseworker section.
    expect(await caseSummary(page).getByRole('link').count()).toBe(0);
    expect(await caseSections(page).getByRole('link').allInnerTexts()).toEqual([
      'Overblik',
      'Visitation og spor',
      'Tidslinje',
      'Status',
      'Kontakt',
    ]);
    await expectAccessible(page, 'case page as company consultant');
    await openCaseSection(page, 'Visitation og spor');
    expect(await page.getByRole('form', { name: 'Visitation og spor' }).count()).toBe(0);
    await expectAccessible(page, 'visitation section as company consultant');

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
