// Every page of the app, for every role that reaches it, at a desktop width (1280 px) and a
// phone width (360 px): axe finds nothing, and the page does not scroll sideways. One test per
// page, role and width, so a failure names exactly that. Each role logs in once; its pages are
// loaded afresh in the same browser context.
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, startServer, type App, type RunningServer } from './harness.js';
import { logIn } from './steps.js';

const ROLES = {
  caseworker: 'sagsbehandler@demo.medspiller.dk',
  teamLeader: 'teamleder@demo.medspiller.dk',
  consultant: 'virksomhedskonsulent@demo.medspiller.dk',
  analyst: 'analytiker@demo.medspiller.dk',
  finance: 'oekonomi@demo.medspiller.dk',
  admin: 'admin@demo.medspiller.dk',
  citizen: 'borger@demo.medspiller.dk',
} as const;
type Role = keyof typeof ROLES;
type Visitor = Role | 'anonymous';

const ALL_ROLES = Object.keys(ROLES) as Role[];
const CASE_READERS: readonly Role[] = ['caseworker', 'teamLeader', 'consultant'];
const EXPERIMENT_STAFF: readonly Role[] = ['analyst', 'admin', 'teamLeader', 'caseworker', 'consultant'];
const DESIGNERS: readonly Role[] = ['analyst', 'admin'];
const REPORT_READERS: readonly Role[] = ['analyst', 'admin', 'teamLeader'];

const WIDTHS = [1280, 360] as const;
const HEIGHT = 900;

/** What the pages need that only exists once the server runs. */
interface Ids {
  /** The demo caseworker's citizen Bente Borger: activity-ready, step-up, with history. */
  caseId: string;
  /** The demo design, still a draft. */
  draftId: string;
  /** A copy of it with enrolment started and citizens enrolled, so it has a report. */
  startedId: string;
}

interface PageCase {
  name: string;
  path: (ids: Ids) => string;
  visitors: readonly Visitor[];
  /** Present once the page shows its data; the h1 alone when not given. */
  ready?: string;
}

const caseSection = (section: string, path: string, visitors: readonly Visitor[]): PageCase => ({
  name: `case: ${section}`,
  path: (ids) => `/sager/${ids.caseId}${path}`,
  visitors,
  ready: `section[data-section="${section}"] h2`,
});

const PAGES: readonly PageCase[] = [
  { name: 'login', path: () => '/login', visitors: ['anonymous'], ready: 'form' },
  { name: '404', path: () => '/findes-ikke', visitors: ['anonymous', 'caseworker'] },
  { name: 'start page', path: () => '/', visitors: ALL_ROLES },
  { name: 'work queue (mine)', path: () => '/arbejdsko', visitors: ['caseworker'], ready: 'table.queue-table' },
  {
    name: 'work queue (team)',
    path: () => '/arbejdsko?omfang=team',
    visitors: ['teamLeader'],
    ready: 'table.queue-table',
  },
  { name: 'case search', path: () => '/sager', visitors: CASE_READERS },
  { name: 'register citizen', path: () => '/sager/ny', visitors: ['caseworker', 'teamLeader'], ready: 'form' },
  caseSection('overview', '', CASE_READERS),
  caseSection('record', '/registrer?type=conversation', ['caseworker']),
  caseSection('visitation', '/visitation', CASE_READERS),
  { ...caseSection('timeline', '/tidslinje', CASE_READERS), ready: 'ol.timeline' },
  caseSection('status', '/status', CASE_READERS),
  caseSection('contact', '/kontakt', CASE_READERS),
  caseSection('reassign', '/sagsbehandler', ['teamLeader']),
  caseSection('close', '/luk', ['caseworker', 'teamLeader']),
  { name: 'team', path: () => '/team', visitors: ['teamLeader', 'admin'] },
  { name: 'experiments', path: () => '/forsoeg', visitors: EXPERIMENT_STAFF },
  { name: 'new experiment', path: () => '/forsoeg/ny', visitors: DESIGNERS, ready: 'form' },
  { name: 'experiment (draft)', path: (ids) => `/forsoeg/${ids.draftId}`, visitors: EXPERIMENT_STAFF },
  { name: 'experiment (enrolling)', path: (ids) => `/forsoeg/${ids.startedId}`, visitors: EXPERIMENT_STAFF },
  { name: 'edit experiment', path: (ids) => `/forsoeg/${ids.draftId}/ret`, visitors: DESIGNERS, ready: 'form' },
  { name: 'experiment report', path: (ids) => `/forsoeg/${ids.startedId}/rapport`, visitors: REPORT_READERS },
  { name: 'administration', path: () => '/administration', visitors: ['admin'] },
  { name: 'administration: users', path: () => '/administration/brugere', visitors: ['admin'] },
  { name: 'administration: rules', path: () => '/administration/regler', visitors: ['admin'] },
  { name: 'administration: access log', path: () => '/administration/adgangslog', visitors: ['admin'] },
  { name: 'my page', path: () => '/min-side', visitors: ['citizen'] },
  { name: 'change password', path: () => '/adgangskode', visitors: ALL_ROLES, ready: 'form' },
];

let server: RunningServer | undefined;
let browser: Browser | undefined;
let ids: Ids | undefined;
const contexts = new Map<Visitor, Promise<Page>>();
const pageErrors: string[] = [];

const app: App = {
  url: (path) => {
    if (server === undefined) throw new Error('the server did not start');
    return `${server.baseUrl}${path}`;
  },
  newPage: async (options) => {
    if (browser === undefined) throw new Error('the browser did not start');
    const context: BrowserContext = await browser.newContext(options);
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      pageErrors.push(`${page.url()}: ${error.message}`);
    });
    return page;
  },
};

/** The visitor's page, logged in once and kept for all their pages. */
function pageOf(visitor: Visitor): Promise<Page> {
  let page = contexts.get(visitor);
  if (page === undefined) {
    page = app.newPage({ viewport: { width: WIDTHS[0], height: HEIGHT } }).then(async (opened) => {
      if (visitor !== 'anonymous') await logIn(opened, app, ROLES[visitor]);
      return opened;
    });
    contexts.set(visitor, page);
  }
  return page;
}

/** An API call as the logged-in browser makes it, with the CSRF token on changes; fails loudly. */
async function send<T>(page: Page, method: 'POST' | 'GET', path: string, data?: unknown): Promise<T> {
  const request: APIRequestContext = page.context().request;
  const cookies = await page.context().cookies();
  const csrf = cookies.find((cookie) => cookie.name === 'medspiller_csrf')?.value ?? '';
  const response = await request.fetch(app.url(path), {
    method,
    headers: method === 'GET' ? {} : { 'X-CSRF-Token': csrf },
    ...(data === undefined ? {} : { data }),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: HTTP ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Paged<T> {
  items: T[];
}

/** Finds the demo case and design, and starts a copy of the design with two citizens enrolled. */
async function prepare(): Promise<Ids> {
  const caseworker = await pageOf('caseworker');
  const found = await send<Paged<{ id: string }>>(caseworker, 'GET', '/api/cases?q=Bente%20Borger');
  const caseId = found.items[0]?.id;
  if (caseId === undefined) throw new Error('the demo case of Bente Borger is missing');

  const analyst = await pageOf('analyst');
  const experiments = await send<{ id: string; status: string }[]>(analyst, 'GET', '/api/experiments');
  const draftId = experiments.find((experiment) => experiment.status === 'draft')?.id;
  if (draftId === undefined) throw new Error('the demo design is missing');
  const draft = await send<{ design: { name: string } }>(analyst, 'GET', `/api/experiments/${draftId}`);
  const copy = await send<{ id: string; version: number }>(analyst, 'POST', '/api/experiments', {
    ...draft.design,
    name: `${draft.design.name}, startet`,
  });
  await send(analyst, 'POST', `/api/experiments/${copy.id}/start-enrolment`, { version: copy.version });
  const eligible = await send<Paged<{ case_id: string }>>(caseworker, 'GET', `/api/experiments/${copy.id}/eligible`);
  for (const citizen of eligible.items.slice(0, 2)) {
    await send(caseworker, 'POST', `/api/experiments/${copy.id}/enrolments`, {
      case_id: citizen.case_id,
      consent: true,
    });
  }
  return { caseId, draftId, startedId: copy.id };
}

/**
 * Loads the page and waits until its content and data are in. A page already open (the same
 * page at the other width, just checked) is resized rather than loaded again, as when a
 * window is narrowed: half the loads, and the layout must follow the width by itself.
 */
async function open(page: Page, path: string, ready: string | undefined): Promise<void> {
  if (page.url() !== app.url(path)) await page.goto(app.url(path));
  await page.locator('h1').first().waitFor();
  if (ready !== undefined) await page.locator(ready).first().waitFor();
  await page.locator('.spinner-box').first().waitFor({ state: 'detached' });
}

async function expectNoSidewaysScroll(page: Page, width: number, label: string): Promise<void> {
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(scrollWidth, `${label} is ${scrollWidth - width} px too wide`).toBeLessThanOrEqual(width);
}

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
  ids = await prepare();
});

afterEach(() => {
  const errors = pageErrors.splice(0);
  if (errors.length > 0) throw new Error(`Uncaught errors in the page:\n${errors.join('\n')}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('every page is accessible', () => {
  for (const entry of PAGES) {
    for (const visitor of entry.visitors) {
      for (const width of WIDTHS) {
        const label = `${entry.name} as ${visitor} at ${width} px`;
        it(label, async () => {
          if (ids === undefined) throw new Error('the test data was not prepared');
          const page = await pageOf(visitor);
          await page.setViewportSize({ width, height: HEIGHT });
          await open(page, entry.path(ids), entry.ready);
          await expectAccessible(page, label);
          await expectNoSidewaysScroll(page, width, label);
        });
      }
    }
  }
});

describe('the mobile menu is accessible while open', () => {
  for (const role of ALL_ROLES) {
    it(`as ${role} at 360 px`, async () => {
      const page = await pageOf(role);
      await page.setViewportSize({ width: 360, height: HEIGHT });
      await open(page, '/', undefined);
      await page.getByRole('button', { name: 'Menu' }).click();
      const menu = page.getByRole('dialog', { name: 'Menu' });
      await menu.waitFor();
      await expectAccessible(page, `the open mobile menu of ${role}`);
      await expectNoSidewaysScroll(page, 360, `the open mobile menu of ${role}`);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
    });
  }
});
