// Steps the journeys share: what a user does, written once.
import type { Page } from 'playwright-core';
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
