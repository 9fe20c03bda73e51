// Closing a case from the case page and reopening it: the reason and the day, the summary that
// says so, the work queue without it and with it again, and both forms accessible at both widths.
import { describe, expect, it } from 'vitest';
import { generateFictitiousCprs } from '../../src/core/cpr/index.js';
import {
  addDays,
  caseSections,
  caseSummary,
  danishDate,
  openCaseSection,
  registerCitizen,
  todayInCopenhagen,
  waitForNotice,
  writtenCpr,
} from './case-steps.js';
import { expectAccessible, setUpApp } from './harness.js';
import { DEMO_USERS, fillDate, logIn, waitForHeading } from './steps.js';
import type { Page } from 'playwright-core';

const CASEWORKER = DEMO_USERS.caseworker.email;
const [CPR = ''] = generateFictitiousCprs('case-lifecycle-e2e', 1).map(writtenCpr);

describe('closing and reopening a case', () => {
  const app = setUpApp();
  const today = todayInCopenhagen();
  const name = 'Lukas Lukkesen';

  const queueHas = async (page: Page): Promise<boolean> => {
    await page.goto(app.url('/arbejdsko'));
    const table = page.locator('table.queue-table');
    await table.waitFor();
    return (await table.getByText(name, { exact: true }).count()) > 0;
  };

  it('closes a case with a reason and a day, takes it out of the queue, and reopens it', async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, app, CASEWORKER);
    const caseUrl = await registerCitizen(page, app, { cpr: CPR, name, benefitStart: addDays(today, -30) });
    expect(await queueHas(page)).toBe(true);

    await page.goto(caseUrl);
    await waitForHeading(page, name);
    await openCaseSection(page, 'Luk sagen');
    expect(page.url()).toBe(`${caseUrl}/luk`);
    const form = page.locator('section[data-section="close"] form');
    // Sent empty: the category and the reason are named; the day is today already.
    await form.getByRole('button', { name: 'Luk sagen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Vælg hvorfor sagen lukkes.',
      'Skriv en begrundelse for at lukke sagen.',
    ]);
    await expectAccessible(page, 'close form with problems at 1280');
    await page.setViewportSize({ width: 360, height: 900 });
    await expectAccessible(page, 'close form with problems at 360');
    await page.setViewportSize({ width: 1280, height: 900 });

    await form.getByLabel('Job', { exact: true }).check();
    await form.getByLabel('Begrundelse').fill('Fastansat som lagermedarbejder fra i dag.');
    await fillDate(form, 'Sagen lukkes pr.', addDays(today, 1));
    await form.getByRole('button', { name: 'Luk sagen' }).click();
    await summary.getByRole('link', { name: /^Datoen må ikke ligge i fremtiden/ }).waitFor();
    await fillDate(form, 'Sagen lukkes pr.', today);
    await form.getByRole('button', { name: 'Luk sagen' }).click();

    await waitForNotice(page, `Sagen for ${name} er lukket.`);
    expect(page.url()).toBe(caseUrl);
    expect(await caseSummary(page).locator('[data-field="status"] dd').innerText()).toBe(
      `Lukket ${danishDate(today)}: Job`,
    );
    // A closed case takes no changes: the menu has no way to record one, and offers reopening.
    const menu = await caseSections(page).getByRole('link').allInnerTexts();
    expect(menu).not.toContain('Registrér hændelse');
    expect(menu).toContain('Genåbn sagen');
    expect(await queueHas(page)).toBe(false);

    await page.goto(`${caseUrl}/luk`);
    await page.getByRole('heading', { level: 2, name: 'Genåbn sagen' }).waitFor();
    await expectAccessible(page, 'reopen form at 1280');
    await page.setViewportSize({ width: 360, height: 900 });
    await expectAccessible(page, 'reopen form at 360');
    await page.setViewportSize({ width: 1280, height: 900 });
    const reopen = page.locator('section[data-section="close"] form');
    await reopen.getByLabel('Hvorfor genåbnes sagen?').fill('Ansættelsen stoppede i prøvetiden.');
    await reopen.getByRole('button', { name: 'Genåbn sagen' }).click();
    await waitForNotice(page, `Sagen for ${name} er genåbnet, og fristerne gælder igen.`);
    expect(await caseSummary(page).locator('[data-field="status"] dd').innerText()).toBe('Åben');
    expect(await queueHas(page)).toBe(true);
  });
});
