// An experiment from design to report, as the people who run it use it: the analyst designs
// it and starts enrolment (the design is locked), the caseworker enrols her citizens (each
// one's arm shows only after enrolling), six weeks pass, the caseworker records a status
// period and ends one citizen's follow-up, the analyst imports weekly register data and
// reads the report. The server's clock is moved by shifted-clock.ts; the browser's by
// Playwright's clock, so both agree on the date.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishDate, openCaseSection, todayInCopenhagen, waitForNotice } from './case-steps.js';
import { expectAccessible, setUpApp } from './harness.js';
import { shiftedClockImport } from './shifted-clock.js';
import { DEMO_USERS, fillDate, logIn, mainMenu, waitForHeading, welcome } from './steps.js';

const ANALYST = DEMO_USERS.analyst.email;
const CASEWORKER = DEMO_USERS.caseworker.email;
const TEAM_LEADER = DEMO_USERS.teamLeader.email;
const WEEKS_LATER = 6;
const OFFSET_MS = WEEKS_LATER * 7 * 86_400_000;
const NAME = 'Ansvar for eget liv, e2e';
/** The demo caseworker's activity-ready citizens: the ones the design lets in. */
const ELIGIBLE = ['Bente Borger', 'Fatima Ali', 'Jens Øster', 'Åse Kristensen'];

const clockFile = path.join(mkdtempSync(path.join(tmpdir(), 'medspiller-clock-')), 'offset-ms');
writeFileSync(clockFile, '0');
const nodeOptions = process.env.NODE_OPTIONS;

// Registered before setUpApp's hooks: the server it starts inherits the option, nothing else does.
beforeAll(() => {
  process.env.NODE_OPTIONS = [nodeOptions ?? '', shiftedClockImport(clockFile)].join(' ').trim();
});
const app = setUpApp();
beforeAll(() => {
  if (nodeOptions === undefined) Reflect.deleteProperty(process.env, 'NODE_OPTIONS');
  else process.env.NODE_OPTIONS = nodeOptions;
});

interface Enrolled {
  name: string;
  pseudonym: string;
  arm: string;
}

const danishPercent = (value: number): string =>
  new Intl.NumberFormat('da-DK', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );

/**
 * Waits until the element with this id has keyboard focus (focus may move a frame later).
 * A locator, not waitForFunction: the app's CSP forbids the eval its polling needs.
 */
async function waitForFocus(page: Page, id: string): Promise<void> {
  await page.locator(`[id="${id}"]:focus`).waitFor();
}

/** A page whose browser clock stands `WEEKS_LATER` weeks on, like the server's. */
async function laterPage(): Promise<Page> {
  const page = await app.newPage();
  await page.context().clock.setFixedTime(new Date(Date.now() + OFFSET_MS));
  return page;
}

async function designExperiment(page: Page): Promise<string> {
  await logIn(page, app, ANALYST);
  await waitForHeading(page, welcome(DEMO_USERS.analyst.name));
  await mainMenu(page).getByRole('link', { name: 'Forsøg', exact: true }).click();
  await waitForHeading(page, 'Forsøg');
  await page.locator('h1:focus').waitFor();
  await expectAccessible(page, 'experiment list');

  await page.getByRole('link', { name: 'Nyt forsøg' }).click();
  await waitForHeading(page, 'Nyt forsøg');
  await expectAccessible(page, 'empty design form');

  // Sent empty: the form names every missing field and links to it.
  await page.getByRole('button', { name: 'Opret forsøg' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
  await summary.waitFor();
  expect(await summary.getByRole('link').allInnerTexts()).toEqual([
    'Navn: Udfyld feltet.',
    'Forskningsspørgsmål: Udfyld feltet.',
    'Arm 1, kode: Udfyld feltet.',
    'Arm 1, navn: Udfyld feltet.',
    'Arm 2, kode: Udfyld feltet.',
    'Arm 2, navn: Udfyld feltet.',
    'Kontrolgruppe: Vælg hvilken arm der er kontrolgruppe.',
    'Opfølgning i uger: Udfyld feltet.',
    'Primært udfald: Vælg det primære udfald.',
  ]);
  await summary.getByRole('link', { name: 'Arm 2, kode: Udfyld feltet.' }).click();
  await waitForFocus(page, 'arm-1-name');
  await expectAccessible(page, 'design form with problems');

  // A third arm by keyboard: focus lands in the new row, and back on the button when it goes.
  await page.getByRole('button', { name: 'Tilføj arm' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: 'Arm 3' }).waitFor();
  await waitForFocus(page, 'arm-2-name');
  await page.getByRole('button', { name: 'Fjern arm 3' }).focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, 'design-add-arm');
  expect(await page.getByRole('group', { name: 'Arm 3' }).count()).toBe(0);

  const about = page.getByRole('region', { name: 'Forsøget', exact: true });
  await about.getByLabel('Navn').fill(NAME);
  await about.getByLabel('Forskningsspørgsmål').fill('Kommer flere i job, når borgerens egen plan styrer indsatsen?');
  const arm1 = page.getByRole('group', { name: 'Arm 1' });
  await arm1.getByLabel('Kode').fill('group1');
  await arm1.getByLabel('Navn', { exact: true }).fill('Indsatsgruppe');
  await arm1.getByLabel('Hvad armen får').fill('Dobbelt sagsbehandlertid og møder hjemme.');
  await arm1.getByLabel('Loft over sagsstammen (frivilligt)').fill('15');
  const arm2 = page.getByRole('group', { name: 'Arm 2' });
  // The same code twice: only the server sees that, and its problem lands in the summary.
  await arm2.getByLabel('Kode').fill('group1');
  await arm2.getByLabel('Navn', { exact: true }).fill('Kontrolgruppe');
  await page.getByLabel('Kontrolgruppe', { exact: true }).selectOption({ label: 'Indsatsgruppe (group1)' });
  await page.getByRole('group', { name: 'Visitation' }).getByLabel('Aktivitetsparat').check();
  await page.getByLabel('Aldersgrænser (frivilligt)').fill('40');
  await page.getByLabel('Opfølgning i uger').fill('8');
  await page.getByLabel('Primært udfald').selectOption({ label: 'Beskæftigelsesgrad' });
  await page
    .getByRole('group', { name: 'Sekundære udfald (frivilligt)' })
    .getByLabel('Ordinært job på et tidspunkt')
    .check();
  await page.getByLabel('Borgeren skal give samtykke, før borgeren kan indgå').check();
  const refused = page.waitForResponse(
    (response) => response.url().endsWith('/api/experiments') && response.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Opret forsøg' }).click();
  expect((await refused).status()).toBe(400);
  await summary.getByRole('link', { name: 'Arm 1, kode: To arme har samme kode.' }).waitFor();

  await arm2.getByLabel('Kode').fill('control');
  await page.getByLabel('Kontrolgruppe', { exact: true }).selectOption({ label: 'Kontrolgruppe (control)' });
  await page.getByRole('button', { name: 'Opret forsøg' }).click();
  await page.waitForURL(/\/forsoeg\/[0-9a-f-]{36}$/);
  await waitForHeading(page, NAME);
  await waitForNotice(page, 'Forsøget er oprettet som kladde');
  expect(await page.locator('.font-lead [data-status]').innerText()).toBe('Kladde');
  expect(await page.locator('table.design-summary [data-field="primary"] td').innerText()).toBe('Beskæftigelsesgrad');
  await expectAccessible(page, 'a draft experiment');

  // Starting enrolment locks the design: the pre-registration with its hash and time.
  await page.getByRole('button', { name: 'Start rekruttering' }).click();
  const confirm = page.getByRole('heading', { name: 'Vil du låse designet og starte rekrutteringen?' });
  await confirm.waitFor();
  await page.locator('#confirm-lock-heading:focus').waitFor();
  await page.getByRole('button', { name: 'Lås designet og start rekruttering' }).click();
  await page.locator('.font-lead [data-status="enrolling"]').waitFor();
  expect(await page.locator('table.pre-registration [data-field="hash"] td').innerText()).toMatch(/^[0-9a-f]{64}$/);
  expect(await page.locator('table.pre-registration [data-field="lockedAt"] td').innerText()).toContain(
    String(new Date().getFullYear()),
  );
  expect(await page.getByRole('link', { name: 'Ret designet' }).count()).toBe(0);
  await expectAccessible(page, 'an experiment enrolling');
  return page.url();
}

async function enrolCitizens(page: Page, experimentUrl: string): Promise<Enrolled[]> {
  await logIn(page, app, CASEWORKER);
  await mainMenu(page).getByRole('link', { name: 'Forsøg', exact: true }).click();
  await waitForHeading(page, 'Forsøg');
  await page.getByRole('link', { name: NAME }).click();
  await page.waitForURL(experimentUrl);
  await waitForHeading(page, NAME);

  const panel = page.getByRole('region', { name: 'Indskriv borgere', exact: true });
  const eligible = panel.locator('tr[data-case] th');
  await eligible.first().waitFor();
  expect((await eligible.allInnerTexts()).sort()).toEqual([...ELIGIBLE].sort());
  // Concealment: no arm anywhere before a citizen is enrolled.
  expect(await panel.innerText()).not.toMatch(/Indsatsgruppe|Kontrolgruppe/);
  await expectAccessible(page, 'eligible citizens');

  // Consent is required: without it the citizen is not enrolled, and the summary links to the box.
  await panel.getByRole('button', { name: 'Indskriv Bente Borger' }).click();
  const problem = page.getByRole('link', { name: 'Sæt kryds, når Bente Borger har givet samtykke.' });
  await problem.waitFor();
  await problem.click();
  const bente = panel.locator('tr[data-case]').filter({ hasText: 'Bente Borger' });
  await waitForFocus(page, `consent-${(await bente.getAttribute('data-case')) ?? ''}`);
  await page.keyboard.press('Space');

  const enrolled = page.getByRole('region', { name: 'Indskrevne borgere', exact: true });
  for (const name of ELIGIBLE) {
    if (name !== 'Bente Borger') await panel.getByLabel(`Har givet samtykke (${name})`).check();
    await panel.getByRole('button', { name: `Indskriv ${name}` }).click();
    const done = page.locator('[data-enrolled]').filter({ hasText: `${name} er indskrevet` });
    await done.waitFor();
    expect(await done.innerText()).toMatch(/Lodtrækningen gav: (Indsatsgruppe|Kontrolgruppe)\./);
    await page.locator('[data-enrolled]:focus').waitFor();
    await enrolled.locator('tr[data-pseudonym]').filter({ hasText: name }).waitFor();
  }
  await panel.getByText('Ingen af dine borgere opfylder betingelserne, eller de er allerede indskrevet.').waitFor();
  await expectAccessible(page, 'all eligible citizens enrolled');

  const result: Enrolled[] = [];
  for (const row of await enrolled.locator('tr[data-pseudonym]').all()) {
    result.push({
      name: await row.locator('th').innerText(),
      pseudonym: (await row.getAttribute('data-pseudonym')) ?? '',
      arm: (await row.getAttribute('data-arm')) ?? '',
    });
    expect(await row.locator('[data-field="followUp"]').innerText()).toBe('Følges');
  }
  expect(result.map((r) => r.name).sort()).toEqual([...ELIGIBLE].sort());
  return result;
}

async function laterCaseworkerWork(experimentUrl: string, enrolmentDay: string): Promise<void> {
  const page = await laterPage();
  await logIn(page, app, CASEWORKER);
  await page.goto(experimentUrl);
  await waitForHeading(page, NAME);
  const enrolled = page.getByRole('region', { name: 'Indskrevne borgere', exact: true });

  // Fatima Ali moved away today: her follow-up ends, the report counts her as lost.
  await enrolled.getByRole('button', { name: /^Afslut opfølgning\W+Fatima Ali$/ }).click();
  const end = page.getByRole('form', { name: 'Afslut opfølgning for Fatima Ali' });
  await end.getByLabel('Flyttet').check();
  await end.getByRole('button', { name: 'Afslut opfølgning' }).click();
  const fatima = enrolled.locator('tr[data-pseudonym]').filter({ hasText: 'Fatima Ali' });
  await fatima
    .locator('[data-field="followUp"]')
    .filter({ hasText: /^Afsluttet .*: Flyttet$/ })
    .waitFor();
  await expectAccessible(page, 'enrolled list with an ended follow-up');

  // Bente Borger got an ordinary job two weeks after enrolment, and still has it.
  await enrolled.getByRole('link', { name: 'Bente Borger' }).click();
  await waitForHeading(page, 'Bente Borger');
  await openCaseSection(page, 'Status');
  const status = page.getByRole('region', { name: 'Status', exact: true });
  const add = page.getByRole('form', { name: 'Registrér statusperiode' });
  await add.getByRole('button', { name: 'Registrér periode' }).click();
  await page.getByRole('link', { name: 'Vælg status.' }).waitFor();
  expect(await add.getByLabel('Status', { exact: true }).locator('option').allInnerTexts()).toEqual([
    'Vælg status',
    'Ordinært job',
    'Fleksjob',
    'Løntilskud',
    'Uddannelse',
    'Virksomhedspraktik',
    'Aktiv indsats',
  ]);
  const jobStart = addDays(enrolmentDay, 14);
  // First a wrong one, voided with the reason: it stays listed, struck out.
  await add.getByLabel('Status', { exact: true }).selectOption({ label: 'Fleksjob' });
  await fillDate(add, 'Fra', jobStart);
  await add.getByRole('button', { name: 'Registrér periode' }).click();
  const flexjobAdded = await waitForNotice(page, 'Statusperioden er registreret.');
  expect(await flexjobAdded.innerText()).toContain(`Fleksjob, ${danishDate(jobStart)}.`);
  const flexjob = status.locator('tr[data-status="flexjob"]');
  await flexjob.waitFor();
  expect(await flexjob.locator('td').nth(1).innerText()).toBe('Varer stadig');
  await flexjob.getByRole('button', { name: /^Annullér\W+Fleksjob/ }).click();
  await flexjob.getByLabel('Hvorfor annulleres perioden?').fill('Registreret forkert: det er et ordinært job.');
  await flexjob.getByRole('button', { name: 'Annullér perioden' }).click();
  await waitForNotice(page, 'Statusperioden er annulleret.');
  await status.locator('tr[data-status="flexjob"][data-voided="true"]').getByText('Annulleret').waitFor();

  await add.getByLabel('Status', { exact: true }).selectOption({ label: 'Ordinært job' });
  await fillDate(add, 'Fra', jobStart);
  await add.getByRole('button', { name: 'Registrér periode' }).click();
  const jobAdded = await waitForNotice(page, 'Statusperioden er registreret.');
  expect(await jobAdded.innerText()).toContain(`Ordinært job, ${danishDate(jobStart)}.`);
  const job = status.locator('tr[data-status="ordinary_job"][data-voided="false"]');
  await job.waitFor();
  expect(await job.locator('td').nth(2).innerText()).toBe('Sagsbehandler');
  await expectAccessible(page, 'case page with status periods');
}

/** Weekly register statuses for everyone but Bente Borger, whose weeks come from her status period. */
const IMPORTED: Readonly<Record<string, readonly string[]>> = {
  'Fatima Ali': ['none', 'none', 'none', 'none', 'none', 'none'],
  'Jens Øster': ['none', 'none', 'none', 'subsidised_hours', 'subsidised_hours', 'subsidised_hours'],
  'Åse Kristensen': ['internship', 'internship', 'internship', 'internship', 'internship', 'internship'],
};

/** Employed weeks (ordinary job, flexjob, subsidised hours) out of six, worked out by hand. */
const EMPLOYMENT_DEGREE: Readonly<Record<string, number>> = {
  'Bente Borger': 4 / 6, // ordinary job from week 3 (enrolment + 14 days) to week 6
  'Fatima Ali': 0,
  'Jens Øster': 3 / 6,
  'Åse Kristensen': 0,
};

function csvFor(people: readonly Enrolled[]): string {
  const lines = ['citizen_id,week,status'];
  for (const person of people) {
    const weeks = IMPORTED[person.name];
    if (weeks === undefined) continue;
    weeks.forEach((status, index) => lines.push(`${person.pseudonym},${index + 1},${status}`));
  }
  return `${lines.join('\n')}\n`;
}

function meanOf(people: readonly Enrolled[], arm: string, value: (name: string) => number): number {
  const own = people.filter((person) => person.arm === arm);
  return own.reduce((sum, person) => sum + value(person.name), 0) / own.length;
}

async function importAndReport(experimentUrl: string, people: readonly Enrolled[]): Promise<void> {
  const page = await laterPage();
  await logIn(page, app, ANALYST);
  await page.goto(experimentUrl);
  await waitForHeading(page, NAME);
  // Analysts see pseudonyms, never names.
  const enrolled = page.getByRole('region', { name: 'Indskrevne borgere', exact: true });
  await enrolled.locator('tr[data-pseudonym]').first().waitFor();
  expect(await enrolled.innerText()).not.toContain('Bente Borger');

  const upload = page.getByRole('region', { name: 'Ugentlige registerdata', exact: true });
  const file = upload.getByLabel('CSV-fil');
  await file.setInputFiles({
    name: 'uger.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`citizen_id,week,status\n${people[0]?.pseudonym ?? ''},1,job\nUKENDT,2,none\n`),
  });
  await upload.getByRole('button', { name: 'Indlæs filen' }).click();
  const rejected = page.getByRole('alert').filter({ hasText: 'Filen blev ikke indlæst' });
  await rejected.waitFor();
  expect(await rejected.locator('li').allInnerTexts()).toEqual([
    'line 2: status "job" is not one of none, active_measure, internship, subsidised_hours, flexjob, education, ordinary_job',
    'line 3: citizen_id "UKENDT" is not enrolled in this experiment',
  ]);
  await expectAccessible(page, 'a rejected weekly import');

  await file.setInputFiles({ name: 'uger.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFor(people)) });
  const sent = page.waitForRequest((request) => request.url().endsWith('/weekly-import'));
  await upload.getByRole('button', { name: 'Indlæs filen' }).click();
  expect((await sent).headers()['content-type']).toBe('text/csv');
  await upload.getByRole('heading', { name: '18 uger er indlæst' }).waitFor();

  await page.getByRole('link', { name: 'Se opgørelsen' }).click();
  await waitForHeading(page, 'Opgørelse');
  await page.locator('h1:focus').waitFor();
  await page.getByRole('heading', { name: 'Foreløbig opgørelse (interim)' }).waitFor();

  // The flow: four enrolled, split as the enrolled list shows, Fatima Ali lost (moved), all analysed.
  const flow = page.getByRole('list', { name: 'Forløbet fra betingelser til analyse' });
  expect(await flow.locator('[data-value="enrolled"]').innerText()).toBe('4');
  expect(Number(await flow.locator('[data-value="eligible"]').innerText())).toBeGreaterThanOrEqual(4);
  const fatimaArm = people.find((person) => person.name === 'Fatima Ali')?.arm ?? '';
  for (const arm of ['group1', 'control']) {
    const box = flow.locator(`li[data-arm="${arm}"]`);
    const allocated = people.filter((person) => person.arm === arm).length;
    expect(await box.locator('[data-value="allocated"]').innerText()).toBe(String(allocated));
    expect(await box.locator('[data-reason="moved"]').innerText()).toBe(`flyttet: ${arm === fatimaArm ? 1 : 0}`);
    expect(await box.locator('[data-value="analysed"]').innerText()).toBe(String(allocated));
  }

  // The primary outcome first: the employment degree of each arm, worked out by hand above.
  const outcomes = page.getByRole('region', {
    name: 'Udfald med forskel og 95 %-interval, primært udfald først',
    exact: true,
  });
  const primary = outcomes.locator('tbody tr').first();
  expect(await primary.getAttribute('data-outcome')).toBe('employment_degree');
  expect(await primary.locator('th').innerText()).toContain('Primært udfald');
  const cells = primary.locator('td');
  const degree = (name: string): number => EMPLOYMENT_DEGREE[name] ?? Number.NaN;
  expect(await cells.nth(0).innerText()).toBe(danishPercent(meanOf(people, 'group1', degree)));
  expect(await cells.nth(1).innerText()).toBe(danishPercent(meanOf(people, 'control', degree)));
  expect(await outcomes.locator('tbody tr').count()).toBe(9);
  expect(await outcomes.locator('tr[data-outcome="ever_ordinary_job"]').getAttribute('data-role')).toBe('secondary');

  // Both curves drawn, each with its sentence: after six weeks, the share ever in a job.
  // Drawn as images named by their captions (Plot's SVG), with a legend and the numbers as a table.
  await page.getByRole('img', { name: 'Andel, der har været i job' }).waitFor();
  await page.getByRole('img', { name: 'Kaplan–Meier: andel endnu ikke i job' }).waitFor();
  expect(await page.locator('figure[data-chart="survival"] .curve-plot svg path').count()).toBeGreaterThanOrEqual(2);
  const employedTable = page.getByRole('region', { name: 'Andel, der har været i job', exact: true });
  await page.getByText('Vis tallene som tabel: Andel, der har været i job').click();
  expect(await employedTable.locator('tbody tr').count()).toBe(WEEKS_LATER + 1);
  const everEmployed = (name: string): number => ((EMPLOYMENT_DEGREE[name] ?? 0) > 0 ? 1 : 0);
  const summary = await page.locator('#chart-employed-summary').innerText();
  expect(summary).toContain(`Efter ${WEEKS_LATER} uger`);
  expect(summary).toContain(`Indsatsgruppe ${danishPercent(meanOf(people, 'group1', everEmployed))}`);
  expect(summary).toContain(`Kontrolgruppe ${danishPercent(meanOf(people, 'control', everEmployed))}`);
  await expectAccessible(page, 'the report');

  // The other way round, by the pickers: the address keeps the choice.
  await page.getByLabel('Indsatsgruppe', { exact: true }).selectOption({ label: 'Kontrolgruppe' });
  await page.getByLabel('Sammenlignes med').selectOption({ label: 'Indsatsgruppe' });
  await page.getByRole('button', { name: 'Vis opgørelsen' }).click();
  await page.getByText('Opgørelsen sammenligner Kontrolgruppe med Indsatsgruppe.').waitFor();
  expect(new URL(page.url()).search).toBe('?indsats=control&kontrol=group1');
  expect(await outcomes.locator('tbody tr').first().locator('td').nth(0).innerText()).toBe(
    danishPercent(meanOf(people, 'control', degree)),
  );

  // The PDF answers as a PDF, for the arms shown.
  const pdfLink = page.getByRole('link', { name: 'Opgørelsen som PDF' });
  const href = (await pdfLink.getAttribute('href')) ?? '';
  expect(href).toContain('treatment=control&control=group1');
  const pdf = await page.request.get(app.url(href));
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const dataset = await page.request.get(
    app.url((await page.getByRole('link', { name: 'Datasæt (CSV)' }).getAttribute('href')) ?? ''),
  );
  expect((await dataset.text()).split('\n')[0]).toBe('citizen_id,arm,stratum,age,years_on_benefit,week,status');
}

describe('experiments', () => {
  it('designs, locks, enrols with concealed allocation, records weeks and reports', async () => {
    const enrolmentDay = todayInCopenhagen();
    const analyst = await app.newPage();
    const experimentUrl = await designExperiment(analyst);
    const people = await enrolCitizens(await app.newPage(), experimentUrl);
    expect(new Set(people.map((person) => person.arm))).toEqual(new Set(['group1', 'control']));

    writeFileSync(clockFile, String(OFFSET_MS));
    await laterCaseworkerWork(experimentUrl, enrolmentDay);
    await importAndReport(experimentUrl, people);

    // The team leader reads the report too.
    const leader = await laterPage();
    await logIn(leader, app, TEAM_LEADER);
    await leader.goto(`${experimentUrl}/rapport`);
    await waitForHeading(leader, 'Opgørelse');
    await leader.getByRole('img', { name: 'Kaplan–Meier: andel endnu ikke i job' }).waitFor();
    await expectAccessible(leader, "the team leader's report");
  }, 300_000);

  it("changes the demo experiment's draft design, keeping what the form does not show", async () => {
    const page = await app.newPage();
    await logIn(page, app, ANALYST);
    await page.goto(app.url('/forsoeg'));
    await waitForHeading(page, 'Forsøg');
    await page.getByRole('link', { name: 'Ansvar for eget liv', exact: true }).click();
    await waitForHeading(page, 'Ansvar for eget liv');
    expect(await page.locator('.font-lead [data-status]').innerText()).toBe('Kladde');
    await page.getByRole('link', { name: 'Ret designet' }).click();
    await waitForHeading(page, 'Ret design');
    // The draft as saved: three arms, the weights and the follow-up filled in.
    expect(await page.getByRole('group', { name: 'Arm 3' }).getByLabel('Kode').inputValue()).toBe('control');
    expect(await page.getByRole('group', { name: 'Arm 3' }).getByLabel('Vægt').inputValue()).toBe('2');
    expect(await page.getByLabel('Opfølgning i uger').inputValue()).toBe('104');
    await expectAccessible(page, 'editing a draft design');

    await page.getByLabel('Opfølgning i uger').fill('52');
    const saved = page.waitForResponse((response) => response.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Gem design' }).click();
    const body: unknown = (await saved).request().postDataJSON();
    expect(body).toMatchObject({
      follow_up_weeks: 52,
      version: 1,
      arms: [{ name: 'group1', caseload_cap: 15 }, { name: 'group2' }, { name: 'control', weight: 2 }],
    });
    await waitForNotice(page, 'Designet er gemt');
    expect(await page.locator('table.design-summary [data-field="followUp"] td').innerText()).toBe('52 uger');
    await expectAccessible(page, 'a draft design just saved');
  });
});
