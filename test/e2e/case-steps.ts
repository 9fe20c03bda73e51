// Steps of the case-flow journeys: dates as the job centre counts them, and registering a citizen.
import type { Locator, Page } from 'playwright-core';
import type { App } from './harness.js';
import { fillDate, waitForHeading } from './steps.js';

const DAY_MS = 86_400_000;

/** Today's date in Copenhagen as YYYY-MM-DD. */
export function todayInCopenhagen(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** An ISO date moved by whole days (calendar arithmetic in UTC, no time-zone surprises). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** An ISO date as a Dane writes it in long form, e.g. "30. november 2026". */
export function danishDate(iso: string): string {
  return new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}

/** "DDMMYY-SSSS" from ten digits. */
export function writtenCpr(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

export interface NewCitizen {
  cpr: string;
  name: string;
  benefitStart: string;
}

/** Fills in the registration form (already open) and sends it. */
export async function fillRegistration(page: Page, citizen: NewCitizen): Promise<void> {
  await page.getByLabel('CPR-nummer').fill(citizen.cpr);
  await page.getByLabel('Navn', { exact: true }).fill(citizen.name);
  await page.getByLabel('Telefonnummer (frivilligt)').fill('+45 12 34 56 78');
  await page.getByLabel('Foretrukken kontaktform').selectOption({ label: 'SMS' });
  await page.getByLabel('Ydelse', { exact: true }).selectOption({ label: 'Kontanthjælp' });
  await fillDate(page, 'Ydelsen startede', citizen.benefitStart);
  await page.getByRole('button', { name: 'Registrér borger' }).click();
}

/**
 * Registers a citizen from /sager/ny; the app moves on to the new case's visitation with a
 * confirmation. Returns the case's address (its overview).
 */
export async function registerCitizen(page: Page, app: App, citizen: NewCitizen): Promise<string> {
  await page.goto(app.url('/sager/ny'));
  await waitForHeading(page, 'Registrér borger');
  await fillRegistration(page, citizen);
  await page.waitForURL(/\/sager\/[0-9a-f-]{36}\/visitation$/);
  await waitForHeading(page, citizen.name);
  await waitForNotice(page, `${citizen.name} er registreret. Visitér borgeren herunder.`);
  return page.url().replace(/\/visitation$/, '');
}

/**
 * Waits for the confirmation after a save (a success alert first in the page's main area) and
 * for it to have keyboard focus, so a screen reader reads it and the keyboard starts there.
 */
export async function waitForNotice(page: Page, heading: string): Promise<Locator> {
  const notice = page
    .locator('[data-notice]')
    .filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
  await notice.and(page.locator(':focus')).waitFor();
  return notice;
}

/** The case's summary at the top of every section: facts by data-field, next deadlines, main actions. */
export function caseSummary(page: Page): Locator {
  return page.getByRole('region', { name: 'Sagen kort', exact: true });
}

/** The case's section menu ("Sagens afsnit"). */
export function caseSections(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Sagens afsnit', exact: true });
}

/**
 * Opens a section of the case from its menu and waits until the section's heading has focus
 * (an in-app move: focus goes to the heading so screen readers announce it).
 */
export async function openCaseSection(page: Page, link: string, heading = link): Promise<void> {
  await caseSections(page).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: heading, exact: true }).and(page.locator(':focus')).waitFor();
}

/** One attribute of each element, in order. */
export async function dataOf(elements: Locator, attribute: string): Promise<string[]> {
  const values: string[] = [];
  for (const element of await elements.all()) values.push((await element.getAttribute(attribute)) ?? '');
  return values;
}
