// Each demo login lands on its own role's start page.
import { describe, it, expect } from 'vitest';
import { expectAccessible, setUpApp } from './harness.js';
import { DEMO_MUNICIPALITY, headerText, logIn, waitForHeading } from './steps.js';

const DEMO_ROLES = [
  { email: 'sagsbehandler@demo.medspiller.dk', role: 'Sagsbehandler', heading: 'Mine borgere og frister' },
  {
    email: 'virksomhedskonsulent@demo.medspiller.dk',
    role: 'Virksomhedskonsulent',
    heading: 'Virksomheder og praktik',
  },
  { email: 'teamleder@demo.medspiller.dk', role: 'Teamleder', heading: 'Teamets overblik' },
  { email: 'analytiker@demo.medspiller.dk', role: 'Analytiker', heading: 'Forsøg og evaluering' },
  { email: 'oekonomi@demo.medspiller.dk', role: 'Økonomi', heading: 'Økonomi og business case' },
  { email: 'admin@demo.medspiller.dk', role: 'Administrator', heading: 'Administration' },
  { email: 'borger@demo.medspiller.dk', role: 'Borger', heading: 'Min side' },
] as const;

describe('start page per role', () => {
  const app = setUpApp();

  for (const demo of DEMO_ROLES) {
    it(`shows "${demo.heading}" to ${demo.email}`, async () => {
      const page = await app.newPage();
      await logIn(page, app, demo.email);
      await waitForHeading(page, demo.heading);
      const header = await headerText(page);
      expect(header).toContain(DEMO_MUNICIPALITY);
      expect(header).toContain(demo.role);
      expect(await page.title()).toBe(`${demo.heading} – Medspiller`);
      // The page says what the role will do, and invents no case data.
      expect(await page.getByRole('heading', { level: 2, name: 'Det kommer du til at kunne her' }).count()).toBe(1);
      await expectAccessible(page, `start page of ${demo.email}`);
    });
  }

  it('links the administrator to the API documentation, which exists', async () => {
    const page = await app.newPage();
    await logIn(page, app, 'admin@demo.medspiller.dk');
    const link = page.getByRole('link', { name: 'API-dokumentation (OpenAPI)' });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe('/api/docs');
    const response = await page.request.get(app.url(href));
    expect(response.status()).toBe(200);
  });

  it('sends a logged-in user from /login to the start page', async () => {
    const page = await app.newPage();
    await logIn(page, app, 'borger@demo.medspiller.dk');
    await page.goto(app.url('/login'));
    await page.waitForURL(app.url('/'));
    await waitForHeading(page, 'Min side');
  });
});
