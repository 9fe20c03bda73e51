// Logging in and out, the 404 page and the keyboard path through the login form.
import { describe, it, expect } from 'vitest';
import { expectAccessible, setUpApp } from './harness.js';
import {
  DEMO_MUNICIPALITY,
  DEMO_USERS,
  focusedId,
  headerText,
  htmlLang,
  logIn,
  mainMenu,
  openLogin,
  waitForHeading,
  welcome,
} from './steps.js';

const CASEWORKER = DEMO_USERS.caseworker.email;
const CASEWORKER_START = welcome(DEMO_USERS.caseworker.name);

describe('logging in and out', () => {
  const app = setUpApp();

  it('shows the login page in Danish with a header that names no municipality', async () => {
    const page = await app.newPage();
    await page.goto(app.url('/'));
    // Not logged in: the start page sends the visitor to the login page.
    await page.waitForURL(app.url('/login'));
    await waitForHeading(page, 'Log ind');

    expect(await htmlLang(page)).toBe('da');
    expect(await page.title()).toBe('Log ind – Medspiller');
    const header = await headerText(page);
    expect(header).toContain('Medspiller');
    expect(header).not.toContain(DEMO_MUNICIPALITY);
    expect(await page.getByRole('button', { name: 'Log af' }).count()).toBe(0);
    // No menu before logging in: every area needs a user.
    expect(await mainMenu(page).count()).toBe(0);

    const email = page.getByLabel('E-mailadresse');
    const password = page.getByLabel('Adgangskode');
    expect(await email.getAttribute('type')).toBe('email');
    expect(await email.getAttribute('autocomplete')).toBe('username');
    expect(await password.getAttribute('type')).toBe('password');
    expect(await password.getAttribute('autocomplete')).toBe('current-password');
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    await expectAccessible(page, 'login page');
  });

  it('names the missing fields when the form is sent empty', async () => {
    const page = await app.newPage();
    await openLogin(page, app);
    await page.getByRole('button', { name: 'Log ind' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Indtast din e-mailadresse.',
      'Indtast din adgangskode.',
    ]);
    expect(await page.getByLabel('E-mailadresse').getAttribute('aria-invalid')).toBe('true');
    // The summary's link takes the user to the field.
    await summary.getByRole('link', { name: 'Indtast din adgangskode.' }).click();
    expect(await focusedId(page)).toBe('login-password');
    await expectAccessible(page, 'login page with missing fields');
  });

  it("shows the server's message in an error summary after a wrong password, without reloading", async () => {
    const page = await app.newPage();
    await openLogin(page, app);
    // A marker on the live document: it survives only if the page is not reloaded.
    await page.evaluate("document.body.dataset.loadedOnce = 'yes'");
    await page.getByLabel('E-mailadresse').fill(CASEWORKER);
    await page.getByLabel('Adgangskode').fill('not-the-password');
    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/api/session') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Log ind' }).click();
    const response = await answer;
    expect(response.status()).toBe(401);
    const body: unknown = await response.json();
    const message = typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : '';
    expect(message).not.toBe('');

    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    expect((await summary.innerText()).includes(message)).toBe(true);
    expect(await focusedId(page)).toBe('error-summary');
    expect(await page.evaluate('document.body.dataset.loadedOnce')).toBe('yes');
    expect(page.url()).toBe(app.url('/login'));
    expect(await page.getByLabel('E-mailadresse').inputValue()).toBe(CASEWORKER);
    await expectAccessible(page, 'login page after a wrong password');
  });

  it('logs out from the header and returns to the login page', async () => {
    const page = await app.newPage();
    await logIn(page, app, CASEWORKER);
    await waitForHeading(page, CASEWORKER_START);
    expect(await headerText(page)).toContain(DEMO_MUNICIPALITY);
    // The header's menu marks where the user is.
    const home = mainMenu(page).getByRole('link', { name: 'Forside', exact: true });
    expect(await home.getAttribute('aria-current')).toBe('page');

    await page.getByRole('button', { name: 'Log af' }).click();
    await page.waitForURL(app.url('/login'));
    await waitForHeading(page, 'Log ind');
    await page.getByRole('status').filter({ hasText: 'Du er logget af' }).waitFor();
    expect(await headerText(page)).not.toContain(DEMO_MUNICIPALITY);
    expect(await mainMenu(page).count()).toBe(0);
    await expectAccessible(page, 'login page after logging out');

    // The session is gone on the server too: a fresh load of the start page asks for login.
    await page.goto(app.url('/'));
    await page.waitForURL(app.url('/login'));
  });

  it('shows a 404 page with a way home for an unknown address', async () => {
    const page = await app.newPage();
    const response = await page.goto(app.url('/findes/ikke'));
    expect(response?.headers()['content-type']).toContain('text/html');
    await waitForHeading(page, 'Siden findes ikke');
    expect(await page.getByRole('main').innerText()).toContain('/findes/ikke');
    await expectAccessible(page, '404 page');

    await page.getByRole('link', { name: 'Gå til forsiden', exact: true }).click();
    // Home is the start page, which sends a visitor who is not logged in on to the login page.
    await page.waitForURL(app.url('/login'));
    await waitForHeading(page, 'Log ind');
  });

  it('can be used with the keyboard alone: skip link, fields, Enter', async () => {
    const page = await app.newPage();
    await openLogin(page, app);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').innerText()).toBe('Gå til sidens indhold');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('main-content');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('login-email');
    await page.keyboard.type(CASEWORKER);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('login-password');
    await page.keyboard.type('Medspiller-demo-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL(app.url('/'));
    await waitForHeading(page, CASEWORKER_START);
    // After the in-app navigation focus is on the new page's heading, not left behind.
    await page.locator('h1:focus').waitFor();
    await expectAccessible(page, 'caseworker start page after keyboard login');
  });

  it('on a narrow screen puts the menu, the municipality and "Log af" in a menu dialog that Escape closes', async () => {
    const page = await app.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, app, CASEWORKER);
    await waitForHeading(page, CASEWORKER_START);
    const menuButton = page.getByRole('button', { name: 'Menu', exact: true });
    expect(await page.getByRole('button', { name: 'Log af' }).isVisible()).toBe(false);
    // The navigation bar is not shown on a narrow screen: the menu button takes its place.
    expect(await mainMenu(page).count()).toBe(0);

    await menuButton.click();
    const dialog = page.getByRole('dialog', { name: 'Menu' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(DEMO_MUNICIPALITY);
    expect(await mainMenu(dialog).getByRole('link').allInnerTexts()).toEqual([
      'Forside',
      'Arbejdskø',
      'Sager',
      'Registrér borger',
      'Forsøg',
    ]);
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe('Luk menu');
    await expectAccessible(page, 'open menu on a narrow screen');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await page.locator(':focus').innerText()).trim()).toBe('Menu');

    // Choosing an area closes the dialog and moves focus to the new page's heading.
    await menuButton.click();
    await mainMenu(dialog).getByRole('link', { name: 'Arbejdskø', exact: true }).click();
    await page.waitForURL(app.url('/arbejdsko'));
    await dialog.waitFor({ state: 'detached' });
    await waitForHeading(page, 'Arbejdskø');
    await page.locator('h1:focus').waitFor();
    await expectAccessible(page, 'work queue on a narrow screen');

    await menuButton.click();
    expect(
      await mainMenu(dialog).getByRole('link', { name: 'Arbejdskø', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    await dialog.getByRole('button', { name: 'Log af' }).click();
    await page.waitForURL(app.url('/login'));
    await waitForHeading(page, 'Log ind');
  });
});
