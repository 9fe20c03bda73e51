// Steps the journeys share: what a user does, written once.
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, type App } from './harness.js';

export const DEMO_MUNICIPALITY = 'Demo Kommune';

/** Waits until the page's h1 reads exactly `name`. */
export async function waitForHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** The id of the element that has keyboard focus, or '' when it has none. */
export async function focusedId(page: Page): Promise<string> {
  const focused = page.locator(':focus');
  if ((await focused.count()) === 0) return '';
  return (await focused.getAttribute('id')) ?? '';
}

/** The header's visible text, whitespace collapsed. */
export async function headerText(page: Page): Promise<string> {
  const text = await page.getByRole('banner').innerText();
  return text.replace(/\s+/g, ' ').trim();
}

export async function openLogin(page: Page, app: App): Promise<void> {
  await page.goto(app.url('/login'));
  await page.getByLabel('E-mailadresse').or(page.getByLabel('E-mail address')).waitFor();
}

/** Logs in through the form (Danish labels) and waits for the start page. */
export async function logIn(page: Page, app: App, email: string, password = DEMO_PASSWORD): Promise<void> {
  await openLogin(page, app);
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(app.url('/'));
}

/** The three boxes of a DKFDS date field, found by its legend. */
function dateBoxes(scope: Page | Locator, legend: string): { day: Locator; month: Locator; year: Locator } {
  const group = scope.getByRole('group', { name: legend, exact: true });
  return {
    day: group.getByLabel('Dag', { exact: true }),
    month: group.getByLabel('Måned', { exact: true }),
    year: group.getByLabel('År', { exact: true }),
  };
}

/**
 * Types a date into the date field named `legend` ("Fra", "Slutdato (frivilligt)"), day, month
 * and year in their boxes as a person does. Takes "07.12.2026" or the ISO "2026-12-07".
 */
export async function fillDate(scope: Page | Locator, legend: string, date: string): Promise<void> {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(date) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new Error(`fillDate: write the date as 07.12.2026 or 2026-12-07, not ${date}`);
  const iso = date.includes('-');
  const [day, month, year] = iso ? [match[3], match[2], match[1]] : [match[1], match[2], match[3]];
  const boxes = dateBoxes(scope, legend);
  await boxes.day.fill(day ?? '');
  await boxes.month.fill(month ?? '');
  await boxes.year.fill(year ?? '');
}

/** What the date field named `legend` holds, as an ISO date (boxes as shown, joined). */
export async function dateFieldValue(scope: Page | Locator, legend: string): Promise<string> {
  const boxes = dateBoxes(scope, legend);
  const [day, month, year] = await Promise.all([
    boxes.day.inputValue(),
    boxes.month.inputValue(),
    boxes.year.inputValue(),
  ]);
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The demo users by role, with the names the start page greets them by. */
export const DEMO_USERS = {
  caseworker: { email: 'sagsbehandler@demo.medspiller.dk', name: 'Sara Sagsbehandler' },
  companyConsultant: { email: 'virksomhedskonsulent@demo.medspiller.dk', name: 'Villads Virksomhedskonsulent' },
  teamLeader: { email: 'teamleder@demo.medspiller.dk', name: 'Tove Teamleder' },
  analyst: { email: 'analytiker@demo.medspiller.dk', name: 'Anders Analytiker' },
  finance: { email: 'oekonomi@demo.medspiller.dk', name: 'Øjvind Økonomi' },
  admin: { email: 'admin@demo.medspiller.dk', name: 'Amalie Administrator' },
  citizen: { email: 'borger@demo.medspiller.dk', name: 'Bente Borger' },
} as const;

/** The start page's h1 for a user. */
export function welcome(name: string): string {
  return `Velkommen, ${name}`;
}

/** The header's main menu (on a narrow screen it is in the menu dialog instead). */
export function mainMenu(scope: Page | Locator): Locator {
  return scope.getByRole('navigation', { name: 'Hovedmenu', exact: true });
}
