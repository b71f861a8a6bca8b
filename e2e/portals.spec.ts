import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { shot as screenshot, signIn, switchLanguage } from './support';

// Issue 5's journeys, one per external audience, on the demo unit: the guardian reads and
// acknowledges a report and records the minor's views; the social services send a family-tracing
// request and upload their report; the juvenile court's clerk opens what is filed in a proceeding
// and uploads a decree; the ministry reads the statistics and exports them with small cells
// suppressed. Screens are kept in Italian, and in English for the inbox and the statistics.
test.describe.configure({ mode: 'serial' });

// A minimal PDF: the server checks the type by content (magic bytes), not by name.
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

// Every page fails the test on a server error or an uncaught script error.
const problems: string[] = [];
const pages: Page[] = [];

const as = async (browser: Browser, local: string): Promise<Page> => {
  const { locale, timezoneId, baseURL } = test.info().project.use;
  const context = await browser.newContext({ locale, timezoneId, baseURL, acceptDownloads: true });
  const page = await context.newPage();
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${local}: ${response.request().method()} ${response.url()} → ${response.status()}`);
  });
  page.on('pageerror', (error) => problems.push(`${local}: page error ${error.message}`));
  await signIn(page, local);
  await expect(page.getByTestId('user-name')).toBeVisible();
  pages.push(page);
  return page;
};

type Answer = { status: number; body: unknown };

// IOM staff set the scene through the API, from their own signed-in page (same cookie, CSRF header).
const call = (page: Page, method: string, path: string, body?: unknown): Promise<Answer> =>
  page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-Requested-With': 'fetch', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, path, body },
  );

const ok = async <T>(answer: Promise<Answer>, what: string): Promise<T> => {
  const { status, body } = await answer;
  expect(status, `${what}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body as T;
};

const uploadAs = (page: Page, path: string, fields: Record<string, string>): Promise<Answer> =>
  page.evaluate(
    async ({ path, fields, pdf }) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('file', new Blob([Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0))], { type: 'application/pdf' }), 'relazione.pdf');
      const response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' }, body: form });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { path, fields, pdf: PDF.toString('base64') },
  );

// From the top: a full-page shot of a scrolled page draws the fixed header in the middle.
const shot = async (page: Page, name: string) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
};

// A field by its whole label (a required field's label ends with an asterisk).
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`));

test.afterAll(async () => {
  for (const page of pages) await page.context().close();
});

test.afterEach(() => {
  expect(problems, problems.join('\n')).toEqual([]);
});

test('a guardian reads and acknowledges a report, and records the minor’s views', async ({ browser }) => {
  const guardian = await as(browser, 'guardian');
  await expect(guardian).toHaveURL(/\/cases$/);

  await guardian.getByRole('navigation').getByRole('link', { name: 'Relazioni ricevute' }).click();
  await expect(guardian.getByRole('heading', { level: 1, name: 'Relazioni ricevute' })).toBeVisible();
  await expect(guardian.getByTestId('inbox-counts')).toContainText('da confermare');
  const item = guardian.locator('[data-testid="inbox-item"][data-unacknowledged="true"]').first();
  await expect(item).toBeVisible();
  await shot(guardian, 'portals-guardian-inbox-it');
  await switchLanguage(guardian, 'en');
  await expect(guardian.getByRole('heading', { level: 1, name: 'Reports received' })).toBeVisible();
  await shot(guardian, 'portals-guardian-inbox-en');
  await switchLanguage(guardian, 'it');

  // The PDF (watermarked by the server) downloads; the first download is the read receipt.
  const caseLink = item.getByRole('link', { name: /^Caso IF-/ });
  const caseHref = await caseLink.getAttribute('href');
  const [download] = await Promise.all([guardian.waitForEvent('download'), item.getByTestId('inbox-pdf').click()]);
  expect(readFileSync((await download.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const readStatus = guardian.locator('[data-testid="inbox-item"]').filter({ has: guardian.locator(`a[href="${caseHref}"]`) }).first().getByTestId('inbox-read-status');
  await expect(readStatus).toContainText('da Paola Riva', { timeout: 15_000 });

  const card = guardian.locator('[data-testid="inbox-item"]').filter({ has: guardian.locator(`a[href="${caseHref}"]`) }).first();
  await card.getByTestId('inbox-acknowledge').click();
  await expect(card.getByTestId('inbox-ack-status')).toContainText(/Ricezione confermata il .* da Paola Riva/);
  await expect(card.getByTestId('inbox-acknowledge')).toHaveCount(0);
  await shot(guardian, 'portals-guardian-inbox-acknowledged-it');

  // The ward's case: state and next steps in words, then the guardian's part.
  await card.getByRole('link', { name: /^Caso IF-/ }).click();
  await expect(guardian.getByTestId('case-header')).toBeVisible();
  await guardian.getByRole('tab', { name: 'Consensi e parola del minore' }).click();
  const form = guardian.getByTestId('minor-view-form');
  await form.getByLabel(/^Di cosa si parlava/).selectOption('LIFE_IN_ITALY');
  await field(guardian, 'Le parole del minore').fill('Qui a Milano sto bene, voglio finire il corso da meccanico.');
  await field(guardian, 'Lingua in cui si è espresso').fill('ucraino');
  await form.getByLabel('Era presente un mediatore culturale').check();
  await field(guardian, 'Nome del mediatore').fill('Olena (mediatrice)');
  await form.getByRole('button', { name: 'Registra le parole del minore' }).click();
  await expect(guardian.getByTestId('minor-view').filter({ hasText: 'voglio finire il corso da meccanico' })).toBeVisible();
  await expect(guardian.getByTestId('minor-view').first()).toContainText('riferito da Paola Riva');
  await shot(guardian, 'portals-guardian-minor-views-it');
  await guardian.getByRole('tab', { name: 'Relazioni' }).click();
  await expect(guardian.getByTestId('case-inbox')).toBeVisible();
  await shot(guardian, 'portals-guardian-case-reports-it');

  // The sender (IOM) sees who opened and who acknowledged the report, and when.
  const caseworker = await as(browser, 'caseworker');
  await caseworker.goto(`${caseHref}?tab=reports`);
  const row = caseworker.getByTestId('disclosure-row').filter({ hasText: 'Tutore' }).first();
  await expect(row.getByTestId('disclosure-read')).toContainText('Paola Riva');
  await expect(row.getByTestId('disclosure-acknowledged')).toContainText(/Sì, il .*Paola Riva/);
  await shot(caseworker, 'portals-caseworker-receipts-it');
});

test('social services send a family-tracing request and upload their report', async ({ browser }) => {
  const office = await as(browser, 'social.milano');
  await office.getByRole('navigation').getByRole('link', { name: 'Nuova richiesta di indagine' }).click();
  await expect(office.getByRole('heading', { level: 1, name: 'Nuova richiesta di indagine familiare' })).toBeVisible();

  await field(office, 'Nome').fill('Amadou');
  await field(office, 'Cognome').fill('Sow');
  await office.getByRole('radio', { name: 'Maschio' }).check();
  await office.getByTestId('tracing-request-nationality').fill('Seneg');
  await office.getByRole('option', { name: 'Senegal' }).click();
  await field(office, 'Data di nascita').fill('2010-02-14');
  await field(office, 'Lingue parlate').fill('wolof, francese');
  await field(office, 'Comune').fill('Milano');
  await field(office, "Domande per l'indagine").fill('La madre è disponibile a un colloquio?\nChi si occupava del minore prima della partenza?');
  await field(office, 'Cosa sapete della famiglia').fill('Madre Aminata Sow a Kolda; un cugino a Dakar.');
  await shot(office, 'portals-social-tracing-request-form-it');
  await office.getByTestId('tracing-request-submit').click();

  const sent = office.getByTestId('tracing-request-sent');
  await expect(sent).toContainText(/caso IF-\d{4}-\d{4}, stato «Richiesta ricevuta»/);
  await shot(office, 'portals-social-tracing-request-sent-it');
  await sent.getByRole('link', { name: 'Apri il caso' }).click();
  await expect(office.getByTestId('case-state')).toHaveText('Richiesta ricevuta');
  await expect(office.getByRole('heading', { level: 1, name: 'Amadou Sow' })).toBeVisible();

  await office.getByRole('tab', { name: 'Documenti' }).click();
  const upload = office.getByTestId('portal-upload');
  await expect(upload.getByLabel(/^Tipo di documento/)).toHaveValue('SOCIAL_SERVICES_REPORT');
  await office.getByTestId('portal-upload-file').setInputFiles({ name: 'relazione-servizi-sociali.pdf', mimeType: 'application/pdf', buffer: PDF });
  await upload.getByLabel(/^Titolo/).fill('Relazione sulla situazione del minore a Milano');
  await upload.getByRole('button', { name: 'Carica il documento' }).click();
  await expect(office.getByTestId('portal-document').filter({ hasText: 'Relazione sulla situazione del minore a Milano' })).toBeVisible();
  await expect(office.getByTestId('portal-document').first()).toContainText('Relazione dei servizi sociali');
  await shot(office, 'portals-social-report-uploaded-it');

  // The office follows the request among its cases.
  await office.getByRole('navigation').getByRole('link', { name: 'Casi' }).click();
  await expect(office.getByTestId('case-row').filter({ hasText: 'Amadou' })).toBeVisible();
});

test('a juvenile court clerk opens what is filed in a proceeding and uploads a decree', async ({ browser }) => {
  // IOM records the filing of a return petition (done by the guardian) on a case in counselling.
  const supervisor = await as(browser, 'supervisor');
  type Page1<T> = { items: T[] };
  type CaseRow = { id: string; caseNumber: string };
  const candidates = [
    ...(await ok<Page1<CaseRow>>(call(supervisor, 'GET', '/api/cases?state=AVR_COUNSELLING&limit=5'), 'cases in counselling')).items,
    ...(await ok<Page1<CaseRow>>(call(supervisor, 'GET', '/api/cases?state=COURT_PENDING&limit=5'), 'cases before the court')).items,
  ];
  expect(candidates.length).toBeGreaterThan(0);
  const target = candidates[0]!;
  const detail = await ok<{ requestingAuthority: { name: string } | null; minor: { firstName: string; lastName: string } }>(call(supervisor, 'GET', `/api/cases/${target.id}`), 'the case');
  const palermo = (detail.requestingAuthority?.name ?? '').includes('Palermo');
  const courtName = palermo ? 'Tribunale per i minorenni di Palermo' : 'Tribunale per i minorenni di Milano';
  const clerkLocal = palermo ? 'court.palermo' : 'court.milano';
  const courtFile = await ok<{ proceedings: { id: string; docketNumber: string; court: { name: string } }[] }>(call(supervisor, 'GET', `/api/cases/${target.id}/court`), 'the court file');
  let docket = courtFile.proceedings.find((proceeding) => proceeding.court.name === courtName)?.docketNumber;
  if (!docket) {
    const reports = await ok<{ items: { id: string; kind: string; released: boolean }[] }>(call(supervisor, 'GET', `/api/cases/${target.id}/reports`), 'the reports');
    const familyReport = reports.items.find((report) => report.kind === 'FAMILY_ASSESSMENT' && report.released);
    expect(familyReport, 'a released family-assessment report').toBeDefined();
    const socialReport = await ok<{ id: string }>(
      uploadAs(supervisor, `/api/cases/${target.id}/documents`, { type: 'SOCIAL_SERVICES_REPORT', title: 'Relazione dei servizi sociali per il tribunale', language: 'italiano' }),
      "the social services' report",
    );
    await ok(
      call(supervisor, 'PUT', `/api/cases/${target.id}/reintegration-plan`, {
        assessmentsDone: { vulnerability: true, risk: true, family: true, skills: true, rssBaseline: true },
        needsAndSkills: 'Vuole finire la scuola; competenze di base in meccanica.',
        familySituation: 'La madre e due fratelli; reddito irregolare.',
        minorViews: 'Voglio tornare a studiare vicino a mia madre.',
        minorViewsLanguage: 'ucraino',
      }),
      'the reintegration plan',
    );
    const courts = await ok<{ items: { id: string; name: string }[] }>(call(supervisor, 'GET', '/api/directory/organisations'), 'the directory');
    const court = courts.items.find((organisation) => organisation.name === courtName);
    docket = `${Math.floor(Date.now() / 1000) % 100000}/2026`;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    await ok(
      call(supervisor, 'POST', `/api/cases/${target.id}/court/proceedings`, {
        courtOrganisationId: court!.id,
        docketNumber: docket,
        filedBy: 'GUARDIAN',
        filedByName: 'Tutore volontario',
        filedOn: today,
        familyAssessmentReportId: familyReport!.id,
        socialServicesReportDocumentId: socialReport.id,
        reintegrationProposal: true,
      }),
      'the filing',
    );
  }
  // The supervisor gives the court time-limited access to the case (it reads what is filed before it).
  const grants = await ok<{ items: { court: { name: string }; live: boolean }[] }>(call(supervisor, 'GET', `/api/cases/${target.id}/court-access`), 'the court grants');
  if (!grants.items.some((grant) => grant.live && grant.court.name === courtName)) {
    const courts = await ok<{ items: { id: string; name: string }[] }>(call(supervisor, 'GET', '/api/directory/organisations'), 'the directory');
    await ok(
      call(supervisor, 'POST', `/api/cases/${target.id}/court-access`, {
        courtOrganisationId: courts.items.find((organisation) => organisation.name === courtName)!.id,
        expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        reason: 'Ricorso art. 8 depositato: accesso per il procedimento',
      }),
      'the court access',
    );
  }

  const clerk = await as(browser, clerkLocal);
  await expect(clerk).toHaveURL(/\/cases$/);
  await clerk.getByTestId('case-row').filter({ hasText: target.caseNumber }).getByRole('link').first().click();
  await expect(clerk.getByRole('heading', { level: 1, name: `${detail.minor.firstName} ${detail.minor.lastName}` })).toBeVisible();
  await expect(clerk.getByRole('tab')).toHaveText(['Profilo', 'Tribunale', 'Relazioni', 'Documenti']);
  await clerk.getByRole('tab', { name: 'Tribunale' }).click();

  const filed = clerk.getByTestId('court-filed').filter({ hasText: docket });
  await expect(filed).toBeVisible();
  const socialReportLink = filed.getByTestId('court-filed-documents').getByRole('link', { name: /servizi sociali/i });
  await expect(socialReportLink).toBeVisible();
  const [download] = await Promise.all([clerk.waitForEvent('download'), socialReportLink.click()]);
  expect(readFileSync((await download.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await shot(clerk, 'portals-court-filed-documents-it');

  const upload = clerk.getByTestId('decree-upload');
  await clerk.getByTestId('decree-upload-file').setInputFiles({ name: 'decreto.pdf', mimeType: 'application/pdf', buffer: PDF });
  await upload.getByLabel(/^Titolo/).fill(`Decreto R.G. ${docket}`);
  await upload.getByRole('button', { name: 'Carica il decreto' }).click();
  await expect(clerk.getByTestId('decrees-section').getByTestId('portal-document').filter({ hasText: `Decreto R.G. ${docket}` })).toBeVisible();
  await shot(clerk, 'portals-court-decree-uploaded-it');

  // IOM's internal notes and the field officers never reach the court.
  await expect(clerk.getByText(/Nour El-Sayed|Tanvir Ahmed/)).toHaveCount(0);
});

test('the ministry opens the statistics and exports them with small cells suppressed', async ({ browser }) => {
  const ministry = await as(browser, 'ministry');
  await expect(ministry).toHaveURL(/\/stats$/);
  await expect(ministry.getByRole('heading', { level: 1, name: 'Statistiche' })).toBeVisible();
  await expect(ministry.getByTestId('stats-figure-requestsReceived')).toContainText(/\d/);
  await shot(ministry, 'portals-ministry-stats-it');

  await ministry.getByTestId('stats-breakdown').selectOption('nationality');
  await expect(ministry.getByTestId('stats-table').getByRole('columnheader', { name: 'Egitto' })).toBeVisible();
  await expect(ministry.getByTestId('stats-table').getByTestId('stats-suppressed').first()).toBeVisible();
  await expect(ministry.getByTestId('stats-suppression-note')).toContainText('meno di 5 minori');
  await expect(ministry.getByTestId('stats-chart')).toBeVisible();
  await shot(ministry, 'portals-ministry-stats-nationality-it');

  const [download] = await Promise.all([ministry.waitForEvent('download'), ministry.getByTestId('stats-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^msna-statistiche-.*-nationality\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^nationality,requestsReceived,/);
  expect(lines.at(-1)).toMatch(/^TOTAL,/);
  expect(csv).toContain('suppressed');
  // Counts only: no case number, no name.
  expect(csv).not.toMatch(/IF-\d{4}-\d{4}|Ibrahim|Bondarenko/);

  await switchLanguage(ministry, 'en');
  await expect(ministry.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
  await expect(ministry.getByTestId('stats-table').getByTestId('stats-suppressed').first()).toHaveText(/hidden/);
  await shot(ministry, 'portals-ministry-stats-en');

  await ministry.getByRole('navigation').getByRole('link', { name: 'Reports received' }).click();
  await expect(ministry.getByRole('heading', { level: 1, name: 'Reports received' })).toBeVisible();
  await expect(ministry.getByTestId('inbox-item').first()).toBeVisible();
  await expect(ministry.getByTestId('inbox-item').first().getByRole('link', { name: /^Case IF-/ })).toHaveCount(0);
  await shot(ministry, 'portals-ministry-inbox-en');
  await switchLanguage(ministry, 'it');
  await shot(ministry, 'portals-ministry-inbox-it');
});

test('the data-protection officer checks the audit trail and its integrity', async ({ browser }) => {
  const dpo = await as(browser, 'dpo');
  await expect(dpo).toHaveURL(/\/dpo$/);
  await expect(dpo.getByTestId('audit-row').first()).toBeVisible();
  await shot(dpo, 'portals-dpo-audit-it');
  await dpo.getByRole('tab', { name: 'Registro delle comunicazioni' }).click();
  await expect(dpo.getByTestId('register-row').first()).toBeVisible();
  await dpo.getByRole('tab', { name: 'Integrità del registro' }).click();
  await expect(dpo.getByTestId('verification-ok')).toContainText('Verificati');
  await shot(dpo, 'portals-dpo-verification-it');
});
