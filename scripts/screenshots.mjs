// Screenshots of the app for the documentation, in docs/screenshots/: the caseworker's start
// page, work queue and a case at 1280 px, and the start page at 360 px. Starts the built app
// (npm run build first) on a fresh demo database, as the browser tests do, and reuses their
// harness; run with `npm run screenshots` (tsx, for the TypeScript harness).
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startServer } from '../test/e2e/harness.ts';
import { logIn } from '../test/e2e/steps.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const CASEWORKER = 'sagsbehandler@demo.medspiller.dk';
/** The demo citizen whose case has the most to show: visited, on a track, with history. */
const CASE_CITIZEN = 'Bente Borger';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };

/** Waits for the page's data and fonts, then saves the viewport (not the full page). */
async function shoot(page, name, ready) {
  await page.locator(ready).first().waitFor();
  await page.locator('.spinner-box').first().waitFor({ state: 'detached' });
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  const file = path.join(OUT, name);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  const { size } = await stat(file);
  console.log(`${path.relative(process.cwd(), file)}: ${Math.round(size / 1024)} KB`);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const browser = await launchBrowser();
  const server = await startServer();
  const app = {
    url: (address) => `${server.baseUrl}${address}`,
  };
  try {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    const page = await context.newPage();
    await logIn(page, app, CASEWORKER);
    // A fresh load, so no focus ring shows from the login.
    await page.goto(app.url('/'));
    await shoot(page, 'start.png', 'table.queue-table');

    await page.goto(app.url('/arbejdsko'));
    await shoot(page, 'queue.png', 'table.queue-table');

    const found = await page.request.get(app.url(`/api/cases?q=${encodeURIComponent(CASE_CITIZEN)}`));
    if (!found.ok()) throw new Error(`finding the case of ${CASE_CITIZEN}: HTTP ${found.status()}`);
    const caseId = (await found.json()).items[0]?.id;
    if (typeof caseId !== 'string') throw new Error(`the demo case of ${CASE_CITIZEN} is missing`);
    await page.goto(app.url(`/sager/${caseId}`));
    await shoot(page, 'case.png', 'table.deadlines-table');

    await page.setViewportSize(PHONE);
    await page.goto(app.url('/'));
    await shoot(page, 'start-mobile.png', 'table.queue-table');
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
