// How much effort the caseworker's everyday tasks take, counted as a person acts: clicks,
// fields filled and key presses from the start page, login not counted. Each task ends with
// its result checked in the app, so a short path that saves nothing cannot pass.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateFictitiousCprs } from '../../src/core/cpr/index.js';
import { addDays, danishDate, todayInCopenhagen, writtenCpr } from './case-steps.js';
import { setUpApp, type App } from './harness.js';
import { InteractionCounter, isFocused } from './interactions.js';
import { logIn, waitForHeading } from './steps.js';

const CASEWORKER = 'sagsbehandler@demo.medspiller.dk';
const [NEW_CPR = ''] = generateFictitiousCprs('interactions-e2e', 1).map(writtenCpr);

/** Limits from the product goals. */
const CONVERSATION_BY_POINTER = 6;
const REGISTER_AND_VISIT = 10;
const CONVERSATION_BY_KEYBOARD = 25;

const CONVERSATION_ACTION = /^Registrér samtale for /;

interface QueueRow {
  caseId: string;
  name: string;
  rule: string;
  status: string;
  due: string;
  action: Locator;
}

/** A row of the start page's queue, as the caseworker sees it before acting. */
async function readRow(row: Locator): Promise<QueueRow> {
  const attribute = async (name: string): Promise<string> => {
    const value = await row.getAttribute(name);
    if (value === null) throw new Error(`the queue row has no ${name}`);
    return value;
  };
  return {
    caseId: await attribute('data-case'),
    name: await row.getByRole('link').first().innerText(),
    rule: await attribute('data-rule'),
    status: await attribute('data-status'),
    due: await attribute('data-due'),
    action: row.getByRole('link', { name: CONVERSATION_ACTION }),
  };
}

/** The rows of the queue on the start page, the most urgent first. */
function queueRows(page: Page): Locator {
  return page.locator('table.queue-table tbody tr');
}

async function expectFocused(target: Locator, what: string): Promise<void> {
  await target.waitFor();
  expect(await isFocused(target), `focus should be on ${what}`).toBe(true);
}

/**
 * What the saved conversation left behind: the confirmation on the overview has focus, the
 * deadline the row named moved on, and the timeline lists the conversation at home with its note.
 */
async function expectConversationSaved(page: Page, app: App, row: QueueRow, note: string): Promise<void> {
  const today = todayInCopenhagen();
  await page.waitForURL(app.url(`/sager/${row.caseId}`));
  // The confirmation takes focus a frame after the page's heading did.
  await page.locator('.notice:focus').filter({ hasText: 'Samtale er registreret.' }).waitFor();

  const deadline = page.locator(`table.deadlines-table tr[data-rule="${row.rule}"]`);
  const cells = deadline.locator('td');
  const status = (await deadline.getAttribute('data-status')) ?? '';
  const due = await cells.nth(1).innerText();
  expect(status).not.toBe('overdue');
  if (status === 'met') {
    // A one-off deadline (the first conversation) is met today.
    expect(await cells.nth(3).innerText()).toBe(danishDate(today));
  } else {
    // A recurring one (the monthly conversation) counts from today: the next one is later.
    expect(status).toBe('open');
    expect(due).not.toBe(danishDate(row.due));
  }
  console.log(`${row.name}: ${row.rule} was ${row.status} due ${row.due}; now ${status}, due ${due}`);

  // Reading the result is not part of the task: the section is opened without counting.
  await page.getByRole('navigation', { name: 'Sagens afsnit' }).getByRole('link', { name: 'Tidslinje' }).click();
  const timeline = page.getByRole('list', { name: 'Sagens historik, nyeste først' });
  const entry = timeline.locator('li[data-type="conversation"]').filter({ hasText: note }).first();
  await entry.waitFor();
  const text = await entry.innerText();
  expect(text).toContain('Holdt: Hjemme hos borgeren');
  expect(text).toContain(`Notat: ${note}`);
  expect(text).toContain(danishDate(today));
}

describe('interactions a caseworker needs', () => {
  const app = setUpApp();

  it(`records a held conversation at home with a note in at most ${CONVERSATION_BY_POINTER} interactions`, async () => {
    const page = await app.newPage();
    await logIn(page, app, CASEWORKER);
    // A citizen whose first conversation is still to come; the keyboard test takes the first row.
    const row = await readRow(page.locator('table.queue-table tbody tr[data-rule="lab.first_conversation"]').first());
    const note = 'Talte om CV og ønsket om praktik i en dyrehandel.';
    const act = new InteractionCounter(page);

    await act.click(row.action, `"Registrér samtale" for ${row.name}`);
    await page.waitForURL(app.url(`/sager/${row.caseId}/registrer?type=conversation`));
    const form = page.getByRole('form', { name: 'Registrér hændelse' });
    await act.click(form.getByLabel('Ja, samtalen blev holdt'), 'held: yes');
    await act.click(form.getByLabel('Hjemme hos borgeren'), 'place: at home');
    await act.fill(form.getByLabel(/^Notat/), note, 'note');
    await act.click(form.getByRole('button', { name: 'Registrér hændelse' }), 'save');

    await expectConversationSaved(page, app, row, note);
    console.log(`(a) conversation by pointer: ${act.count} interactions\n${act.report()}`);
    expect(act.count, act.report()).toBeLessThanOrEqual(CONVERSATION_BY_POINTER);
  });

  it(`registers a citizen and visits them into step-up in at most ${REGISTER_AND_VISIT} interactions`, async () => {
    const page = await app.newPage();
    await logIn(page, app, CASEWORKER);
    const name = 'Ida Interaktion';
    const benefitStart = addDays(todayInCopenhagen(), -30);
    const [year, month, day] = benefitStart.split('-');
    const act = new InteractionCounter(page);

    await act.click(
      page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Registrér borger' }),
      'menu: Registrér borger',
    );
    await waitForHeading(page, 'Registrér borger');
    const register = page.getByRole('form', { name: 'Registrér borger' });
    await act.fill(register.getByLabel('CPR-nummer'), NEW_CPR, 'CPR number');
    await act.fill(register.getByLabel('Navn', { exact: true }), name, 'name');
    // The whole date typed into the day box, which splits it into the three boxes.
    const started = register.getByRole('group', { name: 'Ydelsen startede' });
    await act.fill(started.getByLabel('Dag', { exact: true }), `${day}.${month}.${year}`, 'benefit start');
    await act.click(register.getByRole('button', { name: 'Registrér borger' }), 'save the registration');

    await page.waitForURL(/\/sager\/[0-9a-f-]{36}\/visitation$/);
    await waitForHeading(page, name);
    const visitation = page.getByRole('region', { name: 'Visitation og spor' });
    await act.click(visitation.getByLabel('Aktivitetsparat', { exact: true }), 'Aktivitetsparat');
    await act.click(visitation.getByLabel(/^Step-up/), 'track: Step-up');
    await act.fill(
      visitation.getByLabel('Begrundelse', { exact: true }),
      'Borgeren har brug for støtte før et job; angst gør fremmøde svært.',
      'reason',
    );
    await act.click(visitation.getByRole('button', { name: 'Gem visitation' }), 'save the visitation');

    const placement = page.locator('[data-field="placement"] dd');
    await placement.filter({ hasText: /^Aktivitetsparat, Step-up/ }).waitFor();
    expect(await placement.innerText()).toMatch(/^Aktivitetsparat, Step-up/);
    console.log(`(b) register and visit: ${act.count} interactions\n${act.report()}`);
    expect(act.count, act.report()).toBeLessThanOrEqual(REGISTER_AND_VISIT);
  });

  it(`records the same conversation by keyboard alone in at most ${CONVERSATION_BY_KEYBOARD} key presses`, async () => {
    const page = await app.newPage();
    await logIn(page, app, CASEWORKER);
    // A fresh load: nothing has focus, as when the caseworker opens the app in the morning.
    await page.goto(app.url('/'));
    const rows = queueRows(page);
    await rows.first().waitFor();
    const row = await readRow(rows.filter({ has: page.getByRole('link', { name: CONVERSATION_ACTION }) }).first());
    const note = 'Aftalt opfølgning om praktik.';
    const keys = new InteractionCounter(page);

    await keys.press('Tab');
    await expectFocused(page.getByRole('link', { name: 'Gå til sidens indhold' }), 'the skip link');
    await keys.press('Enter');
    await expectFocused(page.locator('#main-content'), 'the main area');
    await keys.tabTo(row.action, 20);
    await keys.press('Enter');
    await page.waitForURL(app.url(`/sager/${row.caseId}/registrer?type=conversation`));
    await expectFocused(page.locator('#record-heading:focus'), 'the heading "Registrér hændelse"');
    await keys.noteFocus();

    const form = page.getByRole('form', { name: 'Registrér hændelse' });
    const heldYes = form.getByLabel('Ja, samtalen blev holdt');
    await keys.tabTo(heldYes, 8);
    await keys.press('Space');
    expect(await heldYes.isChecked()).toBe(true);
    // Tab enters the place question at its first answer; the arrow moves to the next and chooses it.
    await keys.tabTo(form.getByLabel('I jobcentret'), 2);
    await keys.press('ArrowDown');
    const home = form.getByLabel('Hjemme hos borgeren');
    await expectFocused(home, '"Hjemme hos borgeren"');
    expect(await home.isChecked()).toBe(true);
    await keys.tabTo(form.getByLabel(/^Notat/), 3);
    await keys.type(note);
    await keys.tabTo(form.getByRole('button', { name: 'Registrér hændelse' }), 3);
    await keys.press('Enter');
    await page.locator('.notice:focus').waitFor();
    await keys.noteFocus();

    await expectConversationSaved(page, app, row, note);
    console.log(`(c) conversation by keyboard: ${keys.count} key presses\n${keys.report()}`);
    expect(keys.count, keys.report()).toBeLessThanOrEqual(CONVERSATION_BY_KEYBOARD);
  });
});
