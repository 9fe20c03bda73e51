// The case flow as a caseworker walks it: register a citizen, visitation and track in one
// step, a held conversation, and the same deadlines in the work queue (one row per citizen)
// with their explanations, the next action, sorting and filters. Then a duplicate
// registration, a version conflict, and the team leader's view of the caseloads.
import type { Locator, Page } from 'playwright-core';
import { describe, it, expect } from 'vitest';
import { generateFictitiousCprs, parseCpr } from '../../src/core/cpr/index.js';
import {
  addDays,
  caseSections,
  caseSummary,
  danishDate,
  dataOf,
  fillRegistration,
  openCaseSection,
  registerCitizen,
  todayInCopenhagen,
  waitForNotice,
  writtenCpr,
} from './case-steps.js';
import { expectAccessible, setUpApp } from './harness.js';
import { dateFieldValue, DEMO_USERS, logIn, mainMenu, waitForHeading, welcome } from './steps.js';

const CASEWORKER = DEMO_USERS.caseworker.email;
const TEAM_LEADER = DEMO_USERS.teamLeader.email;
const CPRS = generateFictitiousCprs('case-flow-e2e', 6).map(writtenCpr);

/**
 * "TAG|case id|rule" of the focused element: the queue row it sits in, and the deadline of
 * the row's list it sits in (empty outside that list).
 */
async function focusedIn(page: Page): Promise<string> {
  const where: unknown = await page.evaluate(
    "(() => { const a = document.activeElement; const r = a?.closest('tr'); const d = a?.closest('li[data-rule]'); return [a?.tagName ?? '', r?.getAttribute('data-case') ?? '', d?.getAttribute('data-rule') ?? ''].join('|'); })()",
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

/** "rule|date written out" for each deadline in a queue row's list. */
async function listedKeys(items: Locator): Promise<string[]> {
  const keys: string[] = [];
  for (const item of await items.all()) {
    keys.push(
      `${(await item.getAttribute('data-rule')) ?? ''}|${danishDate((await item.getAttribute('data-due')) ?? '')}`,
    );
  }
  return keys;
}

/** The citizens' names in the queue table, as shown. */
async function queueNames(table: Locator): Promise<string[]> {
  return table.locator('tbody tr td:first-child a').allInnerTexts();
}

/** Code-point order of lower-cased names, as the queue sorts them. */
const byName = (a: string, b: string): number => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
};

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
    await waitForHeading(page, welcome(DEMO_USERS.caseworker.name));
    // The demo caseload may already have deadlines; the queue shows its counts either way.
    const queue = page.getByRole('region', { name: 'Arbejdskø', exact: true });
    await queue.locator('[data-count="citizens"]').waitFor();
    await expectAccessible(page, 'caseworker start page with the work queue');

    await mainMenu(page).getByRole('link', { name: 'Registrér borger', exact: true }).click();
    await waitForHeading(page, 'Registrér borger');
    await page.locator('h1:focus').waitFor();
    const cprField = page.getByLabel('CPR-nummer');
    expect(await cprField.getAttribute('type')).toBe('text');
    expect(await cprField.getAttribute('inputmode')).toBe('numeric');
    expect(await cprField.getAttribute('autocomplete')).toBe('off');
    expect(await dateFieldValue(page, 'Registreringsdato')).toBe(today);
    const benefit = page.getByLabel('Ydelse', { exact: true });
    expect(await benefit.locator('option').allInnerTexts()).toEqual([
      'Vælg ydelse',
      'Kontanthjælp',
      'Uddannelseshjælp',
      'Selvforsørgelses- og hjemrejseydelse',
      'Ressourceforløbsydelse',
      'Sygedagpenge',
      'Andet',
    ]);
    // Medspiller is built for citizens on cash benefit: that is chosen from the start.
    expect(await benefit.inputValue()).toBe('cash_benefit');
    await expectAccessible(page, 'registration form');

    // Sent empty: every missing field is named and linked; the benefit is already chosen.
    await page.getByRole('button', { name: 'Registrér borger' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Indtast borgerens CPR-nummer.',
      'Indtast borgerens navn.',
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
    // A new case needs its visitation next: the app goes there and says the citizen is registered.
    await page.waitForURL(/\/sager\/[0-9a-f-]{36}\/visitation$/);
    await waitForHeading(page, citizen.name);
    await waitForNotice(page, `${citizen.name} er registreret. Visitér borgeren herunder.`);
    expect(page.url()).not.toContain(citizen.cpr.slice(0, 6));
    const caseUrl = page.url().replace(/\/visitation$/, '');
    const caseId = new URL(caseUrl).pathname.split('/').pop() ?? '';
    // Where the user is: the section in the case's menu, the case under "Sager" in the header's.
    expect(await caseSections(page).locator('[aria-current="page"]').allInnerTexts()).toEqual(['Visitation og spor']);
    expect(await mainMenu(page).locator('[aria-current="page"]').count()).toBe(0);
    expect(await mainMenu(page).getByRole('link', { name: 'Sager', exact: true }).getAttribute('aria-current')).toBe(
      'true',
    );
    expect(await page.getByRole('navigation', { name: 'Brødkrumme' }).locator('a[aria-current]').count()).toBe(0);
    await page.getByText('Borgeren er ikke visiteret endnu.').waitFor();

    const facts = caseSummary(page);
    expect(await facts.locator('[data-field="cpr"] dd').innerText()).toContain(`${citizen.cpr.slice(0, 6)}-xxxx`);
    expect(await facts.locator('[data-field="cpr"] dd').innerText()).not.toContain(citizen.cpr.slice(7));
    expect(await facts.locator('[data-field="caseworker"] dd').innerText()).toBe('Sara Sagsbehandler');
    expect(await facts.locator('[data-field="placement"] dd').innerText()).toBe('Ikke visiteret endnu');
    // LAB § 31: the first conversation within one week of registration, among the next deadlines.
    expect(await facts.locator('li[data-rule="lab.first_conversation"]').innerText()).toContain(
      `senest ${danishDate(addDays(today, 7))}`,
    );
    await expectAccessible(page, 'a newly registered case');

    // The whole CPR number, for a stated purpose.
    await facts.getByRole('button', { name: 'Vis fuldt CPR-nummer' }).click();
    await facts.getByLabel('Formål').fill('Opslag i ydelsessystemet');
    await facts.getByRole('button', { name: 'Vis CPR-nummer' }).click();
    await facts.getByTestId('cpr-full').waitFor();
    expect(await facts.getByTestId('cpr-full').innerText()).toBe(citizen.cpr);
    await facts.getByRole('button', { name: 'Skjul CPR-nummer' }).click();
    expect(await page.getByTestId('cpr-full').count()).toBe(0);

    // Visitation and track in one form: activity-ready reveals the track, one reason for both.
    const visitation = page.getByRole('form', { name: 'Visitation og spor' });
    const tracks = visitation.getByRole('group', { name: 'Hvilket spor skal borgeren i?' });
    expect(await tracks.count()).toBe(0);
    await visitation.getByLabel('Aktivitetsparat', { exact: true }).check();
    await tracks.getByLabel('Step-up (behov for støtte)').check();
    await visitation
      .getByLabel('Begrundelse')
      .fill('Misbrug og ingen beskæftigelse i tre år. Har brug for hyppige samtaler og støtte.');
    await visitation.getByRole('button', { name: 'Gem visitation' }).click();
    // Saved, the user is back at the overview, told what the citizen now is.
    await page.waitForURL(caseUrl);
    const visited = await waitForNotice(page, 'Visitationen er gemt.');
    expect(await visited.innerText()).toContain(
      'Alma Testesen er aktivitetsparat i sporet Step-up (behov for støtte).',
    );
    const overview = page.locator('table.case-overview');
    expect(await overview.locator('[data-field="category"] td').innerText()).toBe('Aktivitetsparat');
    expect(await overview.locator('[data-field="track"] td').innerText()).toBe('Step-up (behov for støtte)');
    expect(await facts.locator('[data-field="placement"] dd').innerText()).toBe(
      'Aktivitetsparat, Step-up (behov for støtte)',
    );
    // Halsnæs step-up: CV workshop after 5–6 weeks (here 6 weeks from registration).
    const deadlines = page.getByRole('region', { name: 'Sagens frister, tidligste først' });
    const first = deadlines.locator('tr[data-rule="lab.first_conversation"]');
    expect(await first.locator('td').nth(1).innerText()).toBe(danishDate(addDays(today, 7)));
    expect(await first.locator('td').nth(2).innerText()).toBe('Åben');
    const cvWorkshop = deadlines.locator('tr[data-rule="halsnaes.cv_workshop"]');
    expect(await cvWorkshop.locator('td').nth(1).innerText()).toBe(danishDate(addDays(today, 42)));
    await expectAccessible(page, 'case overview after the visitation');

    // A held conversation at the citizen's home meets the first-conversation deadline. The
    // summary's button opens the form ready for a conversation.
    await facts.getByRole('link', { name: 'Registrér samtale' }).click();
    await page.waitForURL(`${caseUrl}/registrer?type=conversation`);
    await page.getByRole('heading', { level: 2, name: 'Registrér hændelse' }).and(page.locator(':focus')).waitFor();
    const event = page.getByRole('form', { name: 'Registrér hændelse' });
    expect(await event.getByLabel('Hvad skete der?').inputValue()).toBe('conversation');
    expect(await dateFieldValue(event, 'Dato')).toBe(today);
    await event.getByLabel('Ja, samtalen blev holdt').check();
    // Where it was held has no default: it must be chosen.
    const where = event.getByRole('group', { name: 'Hvor blev samtalen holdt?' });
    expect(await where.getByRole('radio', { checked: true }).count()).toBe(0);
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    const missingMode = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    expect(await missingMode.getByRole('link').allInnerTexts()).toEqual(['Vælg, hvor samtalen foregik.']);
    await expectAccessible(page, 'conversation without where it was held');
    await where.getByLabel('Hjemme hos borgeren').check();
    await event.getByLabel('Notat').fill('Første samtale, god kontakt.');
    await event.getByRole('button', { name: 'Registrér hændelse' }).click();
    await page.waitForURL(caseUrl);
    await waitForNotice(page, 'Samtale er registreret.');
    expect(await first.locator('td').nth(2).innerText()).toBe('Overholdt');
    expect(await first.locator('td').nth(3).innerText()).toBe(danishDate(today));
    await expectAccessible(page, 'case overview after a conversation');

    // The timeline has the conversation first, and the visitation's track with its reason.
    await openCaseSection(page, 'Tidslinje');
    const timeline = page.getByRole('list', { name: 'Sagens historik, nyeste først' });
    await timeline.locator('li[data-type="conversation"]').getByText('Holdt: Hjemme hos borgeren').waitFor();
    expect(await timeline.locator('li').first().getAttribute('data-type')).toBe('conversation');
    expect(await timeline.locator('li[data-type="track"]').innerText()).toContain(
      'Begrundelse: Misbrug og ingen beskæftigelse i tre år. Har brug for hyppige samtaler og støtte.',
    );
    expect(await timeline.locator('li[data-type="category"]').innerText()).toContain('Sat til Aktivitetsparat');
    await expectAccessible(page, 'timeline after visitation, track and a conversation');

    // The case's open deadlines are the queue's, with the same dates.
    await openCaseSection(page, 'Overblik');
    const open = await rowKeys(deadlines.locator('tbody tr[data-status="open"]'), 1);
    expect(open.length).toBeGreaterThanOrEqual(4);
    await mainMenu(page).getByRole('link', { name: 'Arbejdskø', exact: true }).click();
    await waitForHeading(page, 'Arbejdskø');
    await page.locator('h1:focus').waitFor();
    const table = page.getByRole('table', { name: 'Borgere med åbne frister, den mest presserende først' });
    await table.waitFor();
    await expectAccessible(page, 'work queue');
    // The queue keeps showing the last list while it fetches the next: read it once it is done.
    const settled = page.locator('.work-queue[aria-busy="false"]');
    // One row per citizen, the most urgent deadline first on every page; find this citizen's.
    const row = table.locator(`tbody tr[data-case="${caseId}"]`);
    for (let pageNumber = 1; ; pageNumber++) {
      const dues = await dataOf(table.locator('tbody tr'), 'data-due');
      expect(dues).toEqual([...dues].sort());
      expect(new Set(await dataOf(table.locator('tbody tr'), 'data-case')).size).toBe(dues.length);
      if ((await row.count()) > 0) break;
      const next = page.getByRole('button', { name: 'Næste' });
      expect(await next.count()).toBe(1);
      await next.click();
      await settled
        .getByRole('button', { name: `Side ${String(pageNumber + 1)}`, exact: true })
        .and(page.locator('[aria-current="true"]'))
        .waitFor();
    }
    const listed = row.locator('li[data-rule]');
    expect([...(await listedKeys(listed))].sort()).toEqual([...open].sort());
    // The row leads with the soonest of them, and counts the others.
    const soonest = [...(await dataOf(listed, 'data-due'))].sort()[0];
    expect(await row.getAttribute('data-due')).toBe(soonest);
    expect(await row.locator('summary').first().innerText()).toBe(`Se ${String(open.length - 1)} frister mere`);
    const rowUrl = page.url();

    // Keyboard only: Tab from the top of the page to this citizen's deadlines, open them with
    // Enter, then on to the CV workshop's explanation and open that too.
    await page.goto(rowUrl);
    await waitForHeading(page, 'Arbejdskø');
    await row.waitFor();
    const tabTo = async (target: string, limit: number): Promise<boolean> => {
      for (let presses = 0; presses < limit; presses++) {
        await page.keyboard.press('Tab');
        if ((await focusedIn(page)) === target) return true;
      }
      return false;
    };
    expect(await tabTo(`SUMMARY|${caseId}|`, 200)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await row.locator('details').first().getAttribute('open')).not.toBeNull();
    expect(await tabTo(`SUMMARY|${caseId}|halsnaes.cv_workshop`, 20)).toBe(true);
    await page.keyboard.press('Enter');
    const explained = row.locator('li[data-rule="halsnaes.cv_workshop"] details');
    expect(await explained.getAttribute('open')).not.toBeNull();
    const explanation = await explained.locator('.details-text').innerText();
    expect(explanation).toContain('Start i CV-værksted senest 6 uger efter registrering');
    expect(explanation).toContain('Grundlag: Halsnæs Kommune');
    await expectAccessible(page, 'work queue with an explanation open');
    // Shift+Tab back to the citizen's name in the same row, Enter opens the case.
    for (let presses = 0; presses < 20; presses++) {
      if ((await focusedIn(page)) === `A|${caseId}|`) break;
      await page.keyboard.press('Shift+Tab');
    }
    expect(await page.locator(':focus').innerText()).toBe(citizen.name);
    await page.keyboard.press('Enter');
    await page.waitForURL(caseUrl);
    await waitForHeading(page, citizen.name);
    await page.getByRole('heading', { level: 2, name: 'Overblik' }).and(page.locator(':focus')).waitFor();

    // The row's next action opens the form ready for what its most urgent deadline waits for.
    await page.goto(rowUrl);
    await waitForHeading(page, 'Arbejdskø');
    const action = row.getByRole('link', { name: new RegExp(`^Registrér \\S+ for ${citizen.name}$`) });
    const actionHref = new URL((await action.getAttribute('href')) ?? '', app.url('/'));
    expect(actionHref.pathname).toBe(`/sager/${caseId}/registrer`);
    const actionType = actionHref.searchParams.get('type') ?? '';
    expect(actionType).not.toBe('');
    await action.click();
    await page.getByRole('heading', { level: 2, name: 'Registrér hændelse' }).and(page.locator(':focus')).waitFor();
    expect(await page.getByLabel('Hvad skete der?').inputValue()).toBe(actionType);
    await expectAccessible(page, 'event form opened from the work queue');

    // Sorting by a column lives in the address: by name, then the other way round.
    await page.goto(app.url('/arbejdsko'));
    await waitForHeading(page, 'Arbejdskø');
    await table.waitFor();
    await table.getByRole('button', { name: /^Borger/ }).click();
    await page.waitForURL(/sortering=name/);
    await settled
      .locator('th[aria-sort="ascending"]')
      .getByRole('button', { name: /^Borger/ })
      .waitFor();
    const ascending = await queueNames(table);
    expect(ascending).toEqual([...ascending].sort(byName));
    await table.getByRole('button', { name: /^Borger/ }).click();
    await page.waitForURL(/orden=desc/);
    await settled.locator('th[aria-sort="descending"]').waitFor();
    const descending = await queueNames(table);
    expect(descending).toEqual([...descending].sort(byName).reverse());
    await page.reload();
    await settled.locator('th[aria-sort="descending"]').waitFor();
    expect(await queueNames(table)).toEqual(descending);
    await expectAccessible(page, 'work queue sorted by name');

    // Filters live in the address: only overdue deadlines, none of this new case's, after a reload too.
    await page.goto(app.url('/arbejdsko'));
    await waitForHeading(page, 'Arbejdskø');
    const overdue = Number(await page.locator('[data-count="overdue"] .queue-count-number').innerText());
    await page.getByLabel('Status').selectOption({ label: 'Overskredet' });
    await page.getByRole('button', { name: 'Vis borgere' }).click();
    await page.waitForURL(/status=overdue/);
    const shownAfterFilter =
      overdue === 0
        ? page.getByText('Ingen borgere har frister, der passer til filtrene.')
        : settled.locator('tbody tr').first();
    await shownAfterFilter.waitFor();
    expect(await table.locator(`tbody tr[data-case="${caseId}"]`).count()).toBe(0);
    await page.reload();
    await shownAfterFilter.waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('overdue');
    expect(new Set(await dataOf(table.locator('tbody tr'), 'data-status'))).toEqual(
      new Set(overdue === 0 ? [] : ['overdue']),
    );
    expect(new Set(await dataOf(table.locator('tbody li[data-rule]'), 'data-status'))).toEqual(
      new Set(overdue === 0 ? [] : ['overdue']),
    );
    expect(await table.locator(`tbody tr[data-case="${caseId}"]`).count()).toBe(0);
    await expectAccessible(page, 'work queue filtered to overdue');
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await table
      .locator(`tbody tr[data-case="${caseId}"]`)
      .or(page.getByRole('button', { name: 'Næste' }))
      .first()
      .waitFor();
    expect(new URL(page.url()).search).toBe('');

    // The explanations come in English too.
    await page.goto(rowUrl);
    await row.waitFor();
    await page.getByRole('link', { name: 'English' }).click();
    await waitForHeading(page, 'Work queue');
    // The table is named in English now, so find the row by its case.
    const englishRow = page.locator(`tbody tr[data-case="${caseId}"]`);
    expect(await englishRow.locator('summary').first().innerText()).toBe(
      `See ${String(open.length - 1)} more deadlines`,
    );
    await englishRow.locator('summary').first().click();
    await englishRow.locator('li[data-rule="halsnaes.cv_workshop"] summary').click();
    expect(await englishRow.locator('li[data-rule="halsnaes.cv_workshop"] .details-text').innerText()).toContain(
      'Start in a CV workshop at the latest 6 weeks after registration',
    );
    await expectAccessible(page, 'work queue in English');
    await page.getByRole('link', { name: 'Dansk' }).click();
    await waitForHeading(page, 'Arbejdskø');
  }, 120_000);

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
    await caseSummary(second).getByRole('link', { name: 'Visitation og spor' }).click();
    await second.getByRole('heading', { level: 2, name: 'Visitation og spor' }).and(second.locator(':focus')).waitFor();

    // The first saves a visitation while the second still has the case as it was.
    const firstForm = first.getByRole('form', { name: 'Visitation og spor' });
    await firstForm.getByLabel('Jobparat', { exact: true }).check();
    await firstForm.getByLabel('Begrundelse').fill('Kan tage et job nu.');
    await firstForm.getByRole('button', { name: 'Gem visitation' }).click();
    const visited = await waitForNotice(first, 'Visitationen er gemt.');
    expect(await visited.innerText()).toContain('Carla Konfliktsen er jobparat.');

    const secondForm = second.getByRole('form', { name: 'Visitation og spor' });
    await secondForm.getByLabel('Aktivitetsparat', { exact: true }).check();
    await secondForm.getByRole('group', { name: 'Hvilket spor skal borgeren i?' }).getByLabel('Jobnær').check();
    await secondForm.getByLabel('Begrundelse').fill('Har brug for støtte.');
    await secondForm.getByRole('button', { name: 'Gem visitation' }).click();
    // Focus moves to the warning, and the page shows the case as the first left it.
    const conflict = second.getByRole('alert').filter({ hasText: 'Nogen har ændret sagen, efter du åbnede den' });
    await conflict.waitFor();
    await second.locator('.conflict-alert:focus').waitFor();
    await second.getByText('Nuværende visitation: Jobparat.').waitFor();
    expect(second.url()).toBe(`${caseUrl}/visitation`);
    expect(await caseSummary(second).locator('[data-field="placement"] dd').innerText()).toBe('Jobparat');
    await expectAccessible(second, 'case page after a version conflict');
  });

  it("shows the team leader the caseworker's caseload against the cap", async () => {
    const leader = await app.newPage();
    await logIn(leader, app, TEAM_LEADER);
    await waitForHeading(leader, welcome(DEMO_USERS.teamLeader.name));
    // The team's queue names each citizen's caseworker.
    const teamQueue = leader.getByRole('region', { name: 'Teamets arbejdskø', exact: true });
    await teamQueue.locator('[data-count="citizens"]').waitFor();
    await teamQueue.getByRole('columnheader', { name: /^Sagsbehandler/ }).waitFor();
    await expectAccessible(leader, 'team leader start page');
    await mainMenu(leader).getByRole('link', { name: 'Team', exact: true }).click();
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
    await leader.waitForURL(/\/sager\/[0-9a-f-]{36}\/visitation$/);
    await waitForHeading(leader, 'Dorte Sagsstamme');
    await waitForNotice(leader, 'Dorte Sagsstamme er registreret. Visitér borgeren herunder.');
    expect(await caseSummary(leader).locator('[data-field="caseworker"] dd').innerText()).toBe('Sara Sagsbehandler');
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
