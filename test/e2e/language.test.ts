// Switching between Danish and English: texts, <html lang>, and the choice surviving a reload.
import { describe, it, expect } from 'vitest';
import { expectAccessible, setUpApp } from './harness.js';
import { DEMO_USERS, htmlLang, logIn, mainMenu, openLogin, waitForHeading, welcome } from './steps.js';

describe('language switch', () => {
  const app = setUpApp();

  it('switches the login page to English and back, remembering the choice', async () => {
    const page = await app.newPage();
    await openLogin(page, app);
    await waitForHeading(page, 'Log ind');

    await page.getByRole('link', { name: 'English' }).click();
    await waitForHeading(page, 'Log in');
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByLabel('E-mail address').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'English' }).getAttribute('aria-current')).toBe('true');
    expect(await page.evaluate("window.localStorage.getItem('medspiller.language')")).toBe('en');
    await expectAccessible(page, 'login page in English');

    await page.reload();
    await waitForHeading(page, 'Log in');
    expect(await htmlLang(page)).toBe('en');

    // The API is asked in English too, so its error message matches the page.
    await page.getByLabel('E-mail address').fill('sagsbehandler@demo.medspiller.dk');
    await page.getByLabel('Password').fill('not-the-password');
    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/api/session') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Log in' }).click();
    const response = await answer;
    expect(response.request().headers()['accept-language']).toBe('en');
    const body: unknown = await response.json();
    const message = typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : '';
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(message).not.toBe('');
    expect(await summary.innerText()).toContain(message);
    await expectAccessible(page, 'login page in English after a wrong password');

    await page.getByRole('link', { name: 'Dansk' }).click();
    await waitForHeading(page, 'Log ind');
    expect(await htmlLang(page)).toBe('da');
    await page.reload();
    await waitForHeading(page, 'Log ind');
  });

  it('shows the start page in English, with the date written the English way', async () => {
    const page = await app.newPage();
    const { email, name } = DEMO_USERS.citizen;
    await logIn(page, app, email);
    await waitForHeading(page, welcome(name));
    expect(await page.getByRole('main').innerText()).toMatch(/I dag er det \S+dag den \d{1,2}\. \S+ \d{4}\./);
    expect(await page.title()).toBe(`${welcome(name)} – Medspiller`);

    await page.getByRole('link', { name: 'English' }).click();
    await waitForHeading(page, `Welcome, ${name}`);
    expect(await htmlLang(page)).toBe('en');
    expect(await page.title()).toBe(`Welcome, ${name} – Medspiller`);
    expect(await page.getByRole('main').innerText()).toMatch(/Today is [A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(1);
    // The header's menu follows the language too.
    await page
      .getByRole('navigation', { name: 'Main menu', exact: true })
      .getByRole('link', { name: 'Home' })
      .waitFor();
    await expectAccessible(page, 'citizen start page in English');

    await page.getByRole('link', { name: 'Dansk' }).click();
    await waitForHeading(page, welcome(name));
    expect(await htmlLang(page)).toBe('da');
    await mainMenu(page).getByRole('link', { name: 'Forside' }).waitFor();
  });
});
