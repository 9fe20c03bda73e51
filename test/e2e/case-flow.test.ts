// The case flow as a caseworker walks it: register a citizen, visitation, track, a held
// conversation, and the same deadlines in the work queue with their explanations. Then a
// duplicate registration, a version conflict, and the team leader's view of the caseloads.
import type { Locator, Page } from 'playwright-core';
import { describe, it, expect } from 'vitest';
import { generateFictitiousCprs, parseCpr } from '../../src/core/cpr/index.js';
import {
  addDays,
  danishDate,
  dataOf,
  fillRegistration,
  registerCitizen,
  todayInCopenhagen,
  writtenCpr,
} from './case-steps.js';
import { expectAccessible, setUpApp } from './harness.js';
import { logIn, waitForHeading } from './steps.js';

const CASEWORKER = 'sagsbehandler@demo.medspiller.dk';
const TEAM_LEADER = 'teamleder@demo.medspiller.dk';
const CPRS = generateFictitiousCprs('case-flow-e2e', 6).map(writtenCpr);

/** "TAG|case id|rule" of the focused element and the queue row it sits in. */
async function focusedIn(page: Page): Promise<string> {
  const where: unknown = await page.evaluate(
    "(() => { const a = document.activeElement; const r = a?.closest('tr'); return [a?.tagName ?? '', r?.getAttribute('data-case') ?? '', r?.getAttribute('data-rule') ?? ''].join('|'); })()",
  );
  return String(where);
}

/** "rule|date as shown" for each row; `dueColumn` is the index of the date among the row's cells. */
async function rowKeys(rows: Locator, dueColumn: number): Promise<string[]> {
  const keys: string[] = [];
  for (const row of await rows.all()) {
    keys.push(`${(await row.getAttribute('data-rule')) ?? ''}|${await row.locator('td').nth(dueColumn).innerText()}`);
  }
  return keys;
}

function cpr(index: number): string {
  const value = CPRS[index];
  if (value === undefined || !parseCpr(value).ok) throw new Error(`no valid fictitious CPR number ${String(index)}`);
  return value;
}

describe('case flow', () => {
  const app = setUpApp();
  const today = todayInCopenhagen();
  const benefitStart = addDays(today, -60);

  it('registers a citizen, records visitation, track and a conversation, and shows the deadlines in the work queue', async () => {
    const page = await app.newPage();
    await logIn(page, app, CASEWORKER);
    await waitForHeading(page, 'Mine borgere og frister');
    // The demo caseload may already have deadlines; the queue shows its counts either way.
    const queue = page.getByRole('region', { name: 'Arbejdskø' });
    await queue.locator('[data-count="total"]').waitFor();
    await expectAccessible(page, 'caseworker start page with the work queue');

    await page.getByRole('link', { name: 'Registrér en ny borger' }).click();
    await waitForHeading(page, 'Registrér borger');
    await page.locator('h1:focus').waitFor();
    const cprField = page.getByLabel('CPR-nummer');
    expect(await cprField.getAttribute('type')).toBe('text');
    expect(await cprField.getAttribute('inputmode')).toBe('numeric');
    expect(await cprField.getAttribute('autocomplete')).toBe('off');
    expect(await page.getByLabel('Registreringsdato').inputValue()).toBe(today);
    expect(await page.getByLabel('Ydelse', { exact: true }).locator('option').allInnerTexts()).toEqual([
      'Vælg ydelse',
      'Kontanthjælp',
      'Uddannelseshjælp',
      'Selvforsørgelses- og hjemrejseydelse',
      'Ressourceforløbsydelse',
      'Sygedagpenge',
      'Andet',
    ]);
    await expectAccessible(page, 'registration form');

    // Sent empty: every missing field is named and linked.
    await page.getByRole('button', { name: 'Registrér borger' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Indtast borgerens CPR-nummer.',
      'Indtast borgerens navn.',
      'Vælg hvilken ydelse borgeren modtager.',
      'Indtast hvornår ydelsen startede.',
    ]);
    expect(await cprField.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'registration form with problems');

    const citizen = { cpr: cpr(0), name: 'Alma Testesen', benefitStart };
    const sent = page.waitForRequest((request) => request.url().endsWith('/api/cases') && request.method() === 'POST');
    await fillRegistration(page, citizen);
    const request = await sent;
    // The CPR number travels in the body only.
    expect(request.postDataJSON()).toMatchObject({
      cpr: citizen.cpr,
      name: citizen.name,
      benefit: 'cash_benefit',
      benefit_start: benefitStart,
      registered: today,
      contact_channel: 'sms',
    });
    expect(request.url()).not.toContain(citizen.cpr.slice(0, 6));
    await page.waitForURL(/\/sager\/[0-9a-f-]{36}$/);
    await waitForHeading(page, citizen.name);
    expect(page.url()).not.toContain(citizen.cpr.slice(0, 6));

    const overview = page.locator('table.case-overview');
    expect(await overview.locator('[data-field="cpr"] td').innerText()).toContain(`${citizen.cpr.slice(0, 6)}-xxxx`);
    expect(await overview.locator('[data-field="cpr"] td').innerText()).not.toContain(citizen.cpr.slice(7));
    expect(await overview.locator('[data-field="caseworker"] td').innerText()).toBe('Sara Sagsbehandler');
    expect(await overview.locator('[data-field="category"] td').innerText()).toBe('Ikke visiteret endnu');
    // LAB § 31: the first conversation within one week of registration.
    const deadlines = page.getByRole('region', { name: 'Sagens frister, tidligste først' });
    const first = deadlines.locator('tr[data-rule="lab.first_conversation"]');
    expect(await first.locator('td').nth(1).innerText()).toBe(danishDate(addDays(today, 7)));
    expect(await first.locator('td').nth(2).innerText()).toBe('Åben');
    await expectAccessible(page, 'a newly registered case');

    // The whole CPR number, for a stated purpose.
    await page.getByRole('button', { name: 'Vis fuldt CPR-nummer' }).click();
    await page.getByLabel('Formål').fill('Opslag i ydelsessystemet');
    await page.getByRole('button', { name: 'Vis CPR-nummer' }).click();
    await page.getByTestId('cpr-full').waitFor();
    expect(await page.getByTestId('cpr-full').innerText()).toBe(citizen.cpr);
    await page.getByRole('button', { name: 'Skjul CPR-nummer' }).click();
    expect(await page.getByTestId('cpr-full').count()).toBe(0);

    // Visitation: activity-ready, with the reason.
    const visitation = page.getByRole('form', { name: 'Visitation' });
    await visitation.getByLabel('Aktivitetsparat', { exact: true }).check();
    await visitation.getByLabel('Begrundelse').fill('Misbrug og ingen beskæftigelse i tre år.');
    await visitation.getByRole('button', { name: 'Gem visitation' }).click();
    await page.getByText('Nuværende visitation: Aktivitetsparat.').waitFor();
    expect(await overview.locator('[data-field="category"] td').innerText()).toBe('Aktivitetsparat');

    // Track: step-up.
    const track = page.getByRole('form', { name: 'Spor' });
    await track.getByLabel('Step-up (behov for støtte)').check();
    await track.getByLabel('Begrundelse').fill('Har brug for hyppige samtaler og støtte.');
    await track.getByRole('button', { name: 'Gem spor' }).click();
    await page.getByText('Nuværende spor: Step-up (behov for støtte).').waitFor();
    // Halsnæs step-up: CV workshop after 5–6 weeks (here 6 weeks from registration).
    const cvWorkshop = deadlines.locator('tr[data-rule="halsnaes.cv_workshop"]');
    await cvWorkshop.waitFor();
    expect(await cvWorkshop.locator('td').nth(1).innerText()).toBe(danishDate(addDays(today, 42)));

    // A held conversation at the citizen's home meets the first-conversation deadline.
    const event = page.getByRole('form', { name: 'Registrér hændelse' });
    await event.getByLabel('Hvad skete der?').selectOption({ label: 'Samtale' });
    expect(await event.getByLabel('Dato', { exact: true }).inputValue()).toBe(today);
    await event.getByLabel('Ja, samtalen blev holdt').check();
    await event.getByLabel('Hvor blev samtalen holdt?').selectOption({ label: 'Hjemme hos borgeren' });
    await event.getByLabel('Notat').fill('Første samtale, god kontakt.');
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    await page.getByRole('status').filter({ hasText: 'Samtale er registreret.' }).waitFor();
    await first.locator('td').nth(2).getByText('Overholdt').waitFor();
    expect(await first.locator('td').nth(3).innerText()).toBe(danishDate(today));
    const timeline = page.getByRole('list', { name: 'Sagens historik, nyeste først' });
    await timeline.locator('li[data-type="conversation"]').getByText('Holdt: Hjemme hos borgeren').waitFor();
    expect(await timeline.locator('li').first().getAttribute('data-type')).toBe('conversation');
    expect(await timeline.locator('li[data-type="track"]').innerText()).toContain(
      'Begrundelse: Har brug for hyppige samtaler og støtte.',
    );
    await expectAccessible(page, 'case page after visitation, track and a conversation');

    // The case's open deadlines are the queue's, with the same dates.
    const open = await rowKeys(deadlines.locator('tbody tr[data-status="open"]'), 1);
    expect(open.length).toBeGreaterThanOrEqual(4);
    const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('link', { name: 'Forside', exact: true }).click();
    await waitForHeading(page, 'Mine borgere og frister');
    await page.getByRole('link', { name: 'Hele arbejdskøen' }).click();
    await waitForHeading(page, 'Arbejdskø');
    const table = page.getByRole('region', { name: 'Frister, tidligste først' });
    await table.waitFor();
    await expectAccessible(page, 'work queue');
    // Soonest first on every page; this case's rows may be spread over several pages.
    const queued: string[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const dues = await dataOf(table.locator('tbody tr'), 'data-due');
      expect(dues).toEqual([...dues].sort());
      queued.push(...(await rowKeys(table.locator(`tbody tr[data-case="${caseId}"]`), 3)));
      const next = page.getByRole('button', { name: 'Næste' });
      if ((await next.count()) === 0) break;
      await next.click();
      await page
        .getByRole('button', { name: `Side ${String(pageNumber + 1)}`, exact: true })
        .and(page.locator('[aria-current="true"]'))
        .waitFor();
    }
    expect([...queued].sort()).toEqual([...open].sort());
    await page.goto(app.url('/arbejdsko'));
    await waitForHeading(page, 'Arbejdskø');
    await table.waitFor();

    // Keyboard only: Tab from the top of the page to this case's CV workshop explanation, open it with Enter.
    const target = `${caseId}|halsnaes.cv_workshop`;
    let found = false;
    for (let presses = 0; presses < 150 && !found; presses++) {
      await page.keyboard.press('Tab');
      found = (await focusedIn(page)) === `SUMMARY|${target}`;
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    const cvRow = `tr[data-case="${caseId}"][data-rule="halsnaes.cv_workshop"]`;
    const explained = table.locator(`${cvRow} details`);
    expect(await explained.getAttribute('open')).not.toBeNull();
    const explanation = await explained.locator('.details-text').innerText();
    expect(explanation).toContain('Start i CV-værksted senest 6 uger efter registrering');
    expect(explanation).toContain('Grundlag: Halsnæs Kommune');
    await expectAccessible(page, 'work queue with an explanation open');
    // Shift+Tab back to the citizen's name in the same row, Enter opens the case.
    for (let presses = 0; presses < 5; presses++) {
      if ((await focusedIn(page)) === `A|${target}`) break;
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await waitForHeading(page, citizen.name);
    await page.locator('h1:focus').waitFor();

    // Filters live in the address: only overdue deadlines, none of this new case's, after a reload too.
    await page.goto(app.url('/arbejdsko'));
    await waitForHeading(page, 'Arbejdskø');
    const overdue = Number(await page.locator('[data-count="overdue"] .queue-count-number').innerText());
    await page.getByLabel('Status').selectOption({ label: 'Overskredet' });
    await page.getByRole('button', { name: 'Vis frister' }).click();
    expect(new URL(page.url()).searchParams.get('status')).toBe('overdue');
    const shownAfterFilter =
      overdue === 0 ? page.getByText('Ingen frister passer til filtrene.') : table.locator('tbody tr').first();
    await shownAfterFilter.waitFor();
    await page.reload();
    await shownAfterFilter.waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('overdue');
    expect(new Set(await dataOf(table.locator('tbody tr'), 'data-status'))).toEqual(
      new Set(overdue === 0 ? [] : ['overdue']),
    );
    expect(await table.locator(`tbody tr[data-case="${caseId}"]`).count()).toBe(0);
    await expectAccessible(page, 'work queue filtered to overdue');
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await table
      .locator(`tbody tr[data-case="${caseId}"]`)
      .first()
      .or(page.getByRole('button', { name: 'Næste' }))
      .first()
      .waitFor();
    expect(new URL(page.url()).search).toBe('');

    // The explanations come in English too.
    await page.getByRole('link', { name: 'English' }).click();
    await waitForHeading(page, 'Work queue');
    // The table is named in English now, so find the row by its rule.
    await page.locator(`${cvRow} summary`).click();
    expect(await page.locator(`${cvRow} .details-text`).innerText()).toContain(
      'Start in a CV workshop at the latest 6 weeks after registration',
    );
    await expectAccessible(page, 'work queue in English');
    await page.getByRole('link', { name: 'Dansk' }).click();
    await waitForHeading(page, 'Arbejdskø');
  });

  it('sends a second registration of the same CPR number to the existing case', async () => {
    const page = await app.newPage();
    await logIn(page, app, CASEWORKER);
    const citizen = { cpr: cpr(1), name: 'Bent Dobbeltsen', benefitStart };
    const caseUrl = await registerCitizen(page, app, citizen);

    await page.goto(app.url('/sager/ny'));
    await waitForHeading(page, 'Registrér borger');
    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/api/cases') && response.request().method() === 'POST',
    );
    await fillRegistration(page, { ...citizen, name: 'Bent Igen' });
    expect((await answer).status()).toBe(409);
    const duplicate = page.getByRole('alert').filter({ hasText: 'Borgeren er allerede registreret' });
    await duplicate.waitFor();
    await expectAccessible(page, 'registration of a citizen already registered');
    await duplicate.getByRole('link', { name: 'Åbn den eksisterende sag' }).click();
    await waitForHeading(page, citizen.name);
    expect(page.url()).toBe(caseUrl);

    // Search by name finds the case; a whole CPR number goes through the CPR form, in a body.
    await page.goto(app.url('/sager'));
    await waitForHeading(page, 'Find sag');
    await page.getByLabel('Søg', { exact: true }).fill('Dobbelt');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page
      .getByRole('region', { name: 'Sager, der passer til søgningen' })
      .getByRole('link', { name: citizen.name })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Dobbelt');
    await expectAccessible(page, 'case search with a result');
    const found = page.waitForRequest((request) => request.url().endsWith('/api/cases/find-by-cpr'));
    await page.getByLabel('Helt CPR-nummer').fill(citizen.cpr);
    await page.getByRole('button', { name: 'Find sag' }).click();
    expect((await found).postDataJSON()).toEqual({ cpr: citizen.cpr });
    await waitForHeading(page, citizen.name);
    expect(page.url()).toBe(caseUrl);
  });

  it('says so when someone else changed the case first, and shows the case as it is now', async () => {
    const first = await app.newPage();
    await logIn(first, app, CASEWORKER);
    const caseUrl = await registerCitizen(first, app, { cpr: cpr(2), name: 'Carla Konfliktsen', benefitStart });
    const second = await app.newPage();
    await logIn(second, app, CASEWORKER);
    await second.goto(caseUrl);
    await waitForHeading(second, 'Carla Konfliktsen');

    const firstForm = first.getByRole('form', { name: 'Visitation' });
    await firstForm.getByLabel('Jobparat', { exact: true }).check();
    await firstForm.getByLabel('Begrundelse').fill('Kan tage et job nu.');
    await firstForm.getByRole('button', { name: 'Gem visitation' }).click();
    await first.getByText('Nuværende visitation: Jobparat.').waitFor();

    const secondForm = second.getByRole('form', { name: 'Visitation' });
    await secondForm.getByLabel('Aktivitetsparat', { exact: true }).check();
    await secondForm.getByLabel('Begrundelse').fill('Har brug for støtte.');
    await secondForm.getByRole('button', { name: 'Gem visitation' }).click();
    await second.getByRole('alert').filter({ hasText: 'Nogen har ændret sagen, efter du åbnede den' }).waitFor();
    await second.getByText('Nuværende visitation: Jobparat.').waitFor();
    expect(await second.locator('table.case-overview [data-field="category"] td').innerText()).toBe('Jobparat');
    await expectAccessible(second, 'case page after a version conflict');
  });

  it("shows the team leader the caseworker's caseload against the cap", async () => {
    const leader = await app.newPage();
    await logIn(leader, app, TEAM_LEADER);
    await waitForHeading(leader, 'Teamets overblik');
    await leader.getByRole('region', { name: 'Teamets arbejdskø' }).waitFor();
    await expectAccessible(leader, 'team leader start page');
    await leader.getByRole('link', { name: 'Teamets sagsstammer' }).click();
    await waitForHeading(leader, 'Team Medspiller');
    const row = leader
      .getByRole('region', { name: 'Åbne sager pr. medarbejder' })
      .locator('tr[data-member="Sara Sagsbehandler"]');
    await row.waitFor();
    const before = Number(await row.locator('td').nth(1).innerText());
    expect(before).toBeGreaterThanOrEqual(1);
    const capField = leader.getByLabel('Højst antal sager pr. sagsbehandler');
    const cap = await capField.inputValue();
    expect(await row.locator('td').nth(2).innerText()).toBe(cap);
    await expectAccessible(leader, 'team page');

    // The team leader registers a citizen for the caseworker; the caseload grows by one.
    await leader.goto(app.url('/sager/ny'));
    await waitForHeading(leader, 'Registrér borger');
    const chooser = leader.getByLabel('Sagsbehandler', { exact: true });
    const sara = chooser.locator('option', { hasText: 'Sara Sagsbehandler' });
    await sara.waitFor({ state: 'attached' });
    expect(await sara.innerText()).toBe(`Sara Sagsbehandler (${String(before)} af ${cap} sager)`);
    await chooser.selectOption({ label: await sara.innerText() });
    await expectAccessible(leader, 'registration by a team leader');
    await fillRegistration(leader, { cpr: cpr(3), name: 'Dorte Sagsstamme', benefitStart });
    await leader.waitForURL(/\/sager\/[0-9a-f-]{36}$/);
    await waitForHeading(leader, 'Dorte Sagsstamme');
    expect(await leader.locator('table.case-overview [data-field="caseworker"] td').innerText()).toBe(
      'Sara Sagsbehandler',
    );
    await leader.goto(app.url('/team'));
    await waitForHeading(leader, 'Team Medspiller');
    await row.waitFor();
    expect(Number(await row.locator('td').nth(1).innerText())).toBe(before + 1);

    // A cap below the caseload marks it over the cap.
    await capField.fill(String(before));
    await leader.getByRole('button', { name: 'Gem loft' }).click();
    await leader
      .getByRole('status')
      .filter({ hasText: `Loftet er nu ${String(before)} sager.` })
      .waitFor();
    await row.getByText('Over loftet').waitFor();
    expect(await row.getAttribute('class')).toContain('caseload-over');
    await expectAccessible(leader, 'team page with a caseload over the cap');
  });
});
