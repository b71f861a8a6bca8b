import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page, type Response } from '@playwright/test';
import { ARTIFACTS, signIn, switchLanguage } from './support';

// Issue 3's main journey, as the people who do it: intake (with the duplicate warning), consent,
// risk check, the supervisor's approval, the tracing packet, the field officer's work in Cairo,
// the translation, the report's QA, approval and release, and the case awaiting a durable
// solution. Every main screen is kept as a screenshot in Italian and in English
// (e2e/artifacts/journey-<nn>-<screen>-<it|en>.png), and the released PDF beside them.
// One test in steps: each person works in a browser context of their own, signed in once.

// A new minor whose name is a transliteration of a seeded one ("Mohamed Ibrahim"): the intake warns.
const MINOR = { firstName: 'Mohammed', lastName: 'Ibrahim', dateOfBirth: '2010-04-12' };
// The case's caseworker (she registers it, so it is assigned to her). Not "caseworker": the
// foundation journeys count that one's cases in the demo seed.
const CASEWORKER = 'caseworker2';
const MOTHER = { firstName: 'Amina', lastName: 'Hassan' };
const FATHER = { firstName: 'Khaled', lastName: 'Ibrahim' };
const ASSESSMENT_SECTIONS = ['household', 'housing', 'livelihood'] as const;
const REPORT_SECTIONS = [
  'household',
  'housing',
  'livelihood',
  'beforeDeparture',
  'migrationReasons',
  'familyViewOfPath',
  'careCapacity',
  'protectionRisks',
  'communityResources',
  'observations',
  'recommendations',
] as const;

// The states' names as the Italian interface shows them (the badge shows words, not codes).
const STATES_IT = (JSON.parse(readFileSync(join(__dirname, '../client/src/locales/it.json'), 'utf8')) as { states: Record<string, string> }).states;

// Every page of the journey fails the test on a server error or an uncaught script error.
const problems: string[] = [];
const watch = (page: Page, local: string) => {
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${local}: ${response.request().method()} ${response.url()} → ${response.status()}`);
  });
  page.on('pageerror', (error) => problems.push(`${local}: page error ${error.message}`));
};

const actors = new Map<string, Page>();
const as = async (browser: Browser, local: string): Promise<Page> => {
  const known = actors.get(local);
  if (known) return known;
  // A context of its own per person, with the project's locale and time zone (as the page fixture has).
  const { locale, timezoneId, baseURL } = test.info().project.use;
  const context = await browser.newContext({ locale, timezoneId, baseURL });
  const page = await context.newPage();
  watch(page, local);
  await signIn(page, local);
  await expect(page.getByTestId('user-name')).toBeVisible();
  actors.set(local, page);
  return page;
};

// An actor whose part is over signs out of the run (fewer pages kept alive in the browser).
const done = async (local: string) => {
  await actors.get(local)?.context().close();
  actors.delete(local);
};

// Runs the action and waits for the API's answer to it; a refusal fails with the server's words.
const answered = async (page: Page, method: string, path: RegExp, action: () => Promise<unknown>): Promise<Response> => {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname)),
    action(),
  ]);
  expect(response.status(), `${method} ${response.url()}: ${await response.text().catch(() => '')}`).toBeLessThan(400);
  return response;
};

// Over an open dialog the switch cannot be clicked (the overlay takes the pointer): the click is
// then dispatched to the switch itself, as a keyboard user's choice would be.
const switchOver = async (page: Page, language: 'it' | 'en', dialog: boolean) => {
  if (!dialog) return switchLanguage(page, language);
  await page.getByTestId(`lang-${language}`).dispatchEvent('click');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
};

let screen = 0;
// The screen as it is, in Italian, then in English, then back to Italian for the next actions.
// Toasts are left out: they were announced in the language of the moment.
const screens = async (page: Page, name: string, ready?: Locator, { dialog = false } = {}) => {
  screen += 1;
  const file = (language: string) => join(ARTIFACTS, `journey-${String(screen).padStart(2, '0')}-${name}-${language}.png`);
  // A dialog is shot as the user sees it (the viewport); a page, whole.
  const options = { fullPage: !dialog, animations: 'disabled' as const, style: '.mantine-Notifications-root { display: none !important; }' };
  // From the top: a full-page shot of a scrolled page draws the fixed header in the middle.
  const top = () => page.evaluate(() => window.scrollTo(0, 0));
  if (ready) await expect(ready).toBeVisible();
  await top();
  await page.screenshot({ ...options, path: file('it') });
  await switchOver(page, 'en', dialog);
  if (ready) await expect(ready).toBeVisible();
  await top();
  await page.screenshot({ ...options, path: file('en') });
  await switchOver(page, 'it', dialog);
};

// A field by its whole label (a required field's label ends with an asterisk).
const byLabel = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`));

const pickOption = async (page: Page, input: Locator, option: string | RegExp) => {
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
};

const caseState = (page: Page) => page.getByTestId('case-state');

let caseUrl = '';

const openCaseTab = async (page: Page, tab: string) => {
  await page.goto(`${caseUrl}?tab=${tab}`);
  await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
};

const fireTransition = async (page: Page, to: string) => {
  const button = page.getByTestId(`transition-${to}`);
  await expect(button).toBeEnabled();
  await answered(page, 'POST', /\/api\/cases\/[^/]+\/transitions$/, () => button.click());
  await expect(caseState(page)).toHaveText(STATES_IT[to]!);
};

test.afterAll(async () => {
  for (const page of actors.values()) await page.context().close();
  actors.clear();
});

test('the main journey: intake to a report sent and a case awaiting a solution', async ({ browser }) => {
  // About 2.5 minutes on a loaded 2-core machine (36 full-page screenshots); generous headroom.
  test.setTimeout(480_000);

  await test.step('the caseworker registers a minor; the intake warns about a likely duplicate', async () => {
    const page = await as(browser, CASEWORKER);
    await page.goto('/cases/new');
    const form = page.getByTestId('intake-form');
    await expect(form).toBeVisible();
    await byLabel(form, 'Nome').fill(MINOR.firstName);
    await byLabel(form, 'Cognome').fill(MINOR.lastName);
    await answered(page, 'POST', /\/api\/minors\/search$/, () => byLabel(form, 'Data di nascita').fill(MINOR.dateOfBirth));
    const warning = page.getByTestId('duplicate-warning');
    await expect(warning).toBeVisible();
    await expect(warning.getByTestId('duplicate-candidate').filter({ hasText: 'Mohamed Ibrahim' })).toBeVisible();
    await screens(page, 'intake-duplicate-warning', warning);

    // Not the same boy (another date of birth, another family): registered as a new person.
    await page.getByTestId('duplicate-dismiss').click();
    await expect(warning).toHaveCount(0);
    await form.getByRole('radio', { name: 'Maschio' }).check();
    await byLabel(form, 'Nazionalità').fill('Egitt');
    await page.getByRole('option', { name: 'Egitto' }).click();
    await page.getByTestId('intake-next').click();

    await expect(byLabel(form, 'Data di arrivo in Italia')).toBeVisible();
    await byLabel(form, 'Data di arrivo in Italia').fill('2026-09-03');
    await page.getByTestId('intake-next').click();

    await pickOption(page, byLabel(form, 'Canale della richiesta'), /Direzione Generale/);
    await pickOption(page, byLabel(form, 'Ente richiedente'), 'Comune di Milano – Servizi sociali per minori');
    await page.getByTestId('intake-next').click();

    await expect(form.getByText('Comune di Milano – Servizi sociali per minori').first()).toBeVisible();
    await screens(page, 'intake-review', page.getByTestId('intake-submit'));
    const created = await answered(page, 'POST', /\/api\/cases$/, () => page.getByTestId('intake-submit').click());
    caseUrl = `/cases/${((await created.json()) as { id: string }).id}`;
    await expect(page).toHaveURL(new RegExp(`${caseUrl}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${MINOR.firstName} ${MINOR.lastName}`);
    // Confirmations open below the header: the language switch and sign-out stay reachable.
    const toastsTop = await page.locator('.mantine-Notifications-root[data-position="top-right"]').evaluate((el) => el.getBoundingClientRect().top);
    const headerBottom = await page.locator('header').first().evaluate((el) => el.getBoundingClientRect().bottom);
    expect(toastsTop).toBeGreaterThanOrEqual(headerBottom);
    await screens(page, 'case-received', page.getByTestId('next-steps'));
  });

  await test.step('screening, the family, the minor’s consent and the pre-tracing risk check', async () => {
    const page = await as(browser, CASEWORKER);
    await fireTransition(page, 'SCREENING');

    await openCaseTab(page, 'family');
    const family = page.getByTestId('family-member-form');
    const addMember = async (relationship: string, person: { firstName: string; lastName: string }, extra: (form: Locator) => Promise<void>) => {
      await byLabel(family, 'Parentela').fill(relationship);
      await byLabel(family, 'Nome').fill(person.firstName);
      await byLabel(family, 'Cognome').fill(person.lastName);
      await extra(family);
      await answered(page, 'POST', /\/family-members$/, () => family.getByRole('button', { name: 'Aggiungi il familiare' }).click());
      // The form empties itself once the member is saved: the next one starts from a blank form.
      await expect(byLabel(family, 'Parentela')).toHaveValue('');
      await expect(page.getByTestId('family-section').getByText(`${person.firstName} ${person.lastName}`).first()).toBeVisible();
    };
    await addMember('madre', MOTHER, async (form) => {
      await byLabel(form, 'Paese').fill('EG');
      await byLabel(form, 'Città o villaggio').fill('Kafr El Sheikh');
      await byLabel(form, 'Numeri di telefono').fill('+20 100 555 0101');
      await byLabel(form, 'Numeri di telefono').press('Enter');
      await form.getByRole('checkbox', { name: /Possibile affidatario/ }).check();
    });
    await addMember('padre', FATHER, async (form) => {
      await form.getByTestId('do-not-contact-checkbox').check();
      await form.getByTestId('do-not-contact-reason').fill('Ha organizzato la partenza del minore con i trafficanti.');
    });
    await screens(page, 'case-family', page.getByTestId('family-section'));

    await openCaseTab(page, 'consents');
    const consent = page.getByTestId('consent-form');
    await byLabel(consent, 'Lingua del colloquio').fill('arabo egiziano');
    await consent.getByTestId('consent-minor-words').fill('Voglio che cerchiate mia madre, ma non mio padre.');
    await answered(page, 'POST', /\/consents$/, () => consent.getByRole('button', { name: 'Registra il consenso' }).click());
    await expect(page.getByTestId('consents-section').getByText('Indagine familiare').first()).toBeVisible();

    const risk = page.getByTestId('risk-check-form');
    await byLabel(risk, 'Rischio per il minore').fill('Nessun rischio noto se non si contatta il padre.');
    await byLabel(risk, 'Rischio per la famiglia').fill('La madre vive separata dal padre; contattarla con discrezione.');
    await byLabel(risk, 'Sicurezza della zona').fill('Zona tranquilla.');
    await risk.getByRole('radio', { name: 'Procedere', exact: true }).check();
    await answered(page, 'POST', /\/risk-checks$/, () => risk.getByRole('button', { name: 'Registra la valutazione' }).click());
    await expect(page.getByTestId('risk-check-row')).toHaveCount(1);
    await screens(page, 'case-consents-risk-check', page.getByTestId('risk-checks'));
  });

  await test.step('the supervisor approves the risk check and the tracing', async () => {
    const page = await as(browser, 'supervisor');
    await openCaseTab(page, 'consents');
    await expect(page.getByTestId('transition-READY_FOR_TRACING')).toBeDisabled();
    const approve = page.getByTestId('risk-check-row').getByRole('button');
    await answered(page, 'POST', /\/risk-checks\/[^/]+\/approve$/, () => approve.click());
    await expect(page.getByTestId('risk-check-row').getByRole('button')).toHaveCount(0);
    await screens(page, 'supervisor-approval', page.getByTestId('transition-READY_FOR_TRACING'));
    await fireTransition(page, 'READY_FOR_TRACING');
  });

  await test.step('the caseworker sends the tracing packet to the Cairo mission', async () => {
    const page = await as(browser, CASEWORKER);
    await openCaseTab(page, 'family');
    const send = page.getByTestId('tracing-send-form');
    await expect(send).toBeVisible();
    await send.getByRole('checkbox', { name: new RegExp(`${MOTHER.firstName} ${MOTHER.lastName}`) }).check();
    await expect(send.getByRole('checkbox', { name: new RegExp(`${FATHER.firstName} ${FATHER.lastName}`) })).toBeDisabled();
    await send.getByRole('button', { name: 'Aggiungi una domanda' }).click();
    await byLabel(send, 'Domanda 1').fill('La madre sarebbe disposta ad accogliere il figlio?');
    await byLabel(send, 'Indicazioni di sicurezza per la missione').fill('Non avvicinare il padre né i suoi parenti.');
    await screens(page, 'tracing-send-form', send);
    await answered(page, 'POST', /\/tracing-requests$/, () => send.getByRole('button', { name: 'Invia la richiesta alla missione' }).click());
    await expect(page.getByTestId('case-tracing-request')).toHaveCount(1);
    await expect(caseState(page)).toHaveText(STATES_IT.TRACING_IN_PROGRESS!);
  });

  await test.step('the field officer in Cairo finds the request and records the work', async () => {
    const page = await as(browser, 'field.cairo');
    await page.goto('/tracing-requests');
    const row = page.getByTestId('tracing-request-row').filter({ hasText: `${MINOR.firstName} ${MINOR.lastName}` });
    await expect(row).toHaveCount(1);
    await screens(page, 'field-request-list', row);
    await row.getByRole('link').click();
    await expect(page).toHaveURL(/\/tracing-requests\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('do-not-contact-warning')).toContainText(`${FATHER.firstName} ${FATHER.lastName}`);
    await screens(page, 'field-request-do-not-contact', page.getByTestId('do-not-contact-warning'));

    const attempt = page.getByTestId('contact-attempt-form');
    await byLabel(attempt, 'Familiare contattato').selectOption({ label: `${MOTHER.firstName} ${MOTHER.lastName} (madre)` });
    await attempt.getByRole('radio', { name: 'Visita a casa' }).check();
    await byLabel(attempt, "Com'è andata").fill('Incontrata la madre a casa, con la sorella.');
    await answered(page, 'POST', /\/contact-attempts$/, () => attempt.getByRole('button', { name: 'Registra il tentativo' }).click());

    const consent = page.getByTestId('family-consent-form');
    const recordConsent = async (scope: string) => {
      await byLabel(consent, 'Familiare che dà il consenso').selectOption({ label: `${MOTHER.firstName} ${MOTHER.lastName} (madre)` });
      await consent.getByRole('radio', { name: scope }).check();
      await byLabel(consent, 'Lingua in cui è stato spiegato').fill('arabo egiziano');
      await answered(page, 'POST', /\/family-consents$/, () => consent.getByRole('button', { name: 'Registra il consenso' }).click());
      await expect(byLabel(consent, 'Familiare che dà il consenso')).toHaveValue('');
    };
    await recordConsent('Colloquio con la famiglia');
    await recordConsent('Condivisione della relazione');

    const outcome = page.getByTestId('outcome-form');
    await outcome.getByRole('radio', { name: 'Famiglia rintracciata' }).check();
    await byLabel(outcome, 'Modalità del colloquio').selectOption('HOME_VISIT');
    await byLabel(outcome, "Note sull'esito").fill('Madre rintracciata a Kafr El Sheikh; disponibile al colloquio.');
    await screens(page, 'field-records', outcome);
    await outcome.getByRole('button', { name: "Registra l'esito…" }).click();
    const confirm = page.getByTestId('outcome-confirm');
    await expect(confirm).toBeVisible();
    await answered(page, 'POST', /\/outcome$/, () => confirm.getByRole('button', { name: 'Conferma e chiudi la richiesta' }).click());

    const assessment = page.getByTestId('assessment-form');
    await expect(assessment).toBeVisible();
    await byLabel(assessment, 'Persone presenti').fill(`${MOTHER.firstName} ${MOTHER.lastName} (madre)\nFatma Ibrahim (sorella)`);
    await byLabel(assessment, 'Lingua del colloquio').fill('arabo');
    for (const key of ASSESSMENT_SECTIONS) {
      await assessment.getByTestId(`assessment-section-${key}`).getByRole('textbox').fill(`نص القسم ${key} كما كتبه الضابط الميداني.`);
    }
    await answered(page, 'PUT', /\/assessment$/, () => assessment.getByRole('button', { name: 'Salva il colloquio' }).click());
    await screens(page, 'field-assessment', assessment);
    await done('field.cairo');
  });

  await test.step('the caseworker confirms the family located and the assessment, and translates it', async () => {
    const page = await as(browser, CASEWORKER);
    await page.goto(caseUrl);
    await fireTransition(page, 'FAMILY_LOCATED');
    await fireTransition(page, 'ASSESSMENT_DONE');

    await openCaseTab(page, 'family');
    const translation = page.getByTestId('translation-form');
    await expect(translation).toBeVisible();
    const boxes = translation.getByTestId('translation-italian');
    await expect(boxes).toHaveCount(ASSESSMENT_SECTIONS.length);
    for (let index = 0; index < ASSESSMENT_SECTIONS.length; index += 1) {
      await boxes.nth(index).fill(`Traduzione italiana della sezione ${ASSESSMENT_SECTIONS[index]}.`);
    }
    await answered(page, 'PUT', /\/assessment\/translation$/, () => translation.getByRole('button', { name: 'Salva la traduzione' }).click());
    await expect(translation.getByTestId('translation-missing')).toHaveCount(0);
    await screens(page, 'case-translation', translation);

    await page.goto(caseUrl);
    await fireTransition(page, 'REPORT_DRAFTING');
  });

  await test.step('the caseworker drafts the report, original and Italian, and submits it', async () => {
    const page = await as(browser, CASEWORKER);
    await openCaseTab(page, 'reports');
    await answered(page, 'POST', /\/api\/cases\/[^/]+\/reports$/, () => page.getByTestId('report-start').click());
    const composer = page.getByTestId('report-composer');
    await expect(composer).toBeVisible();
    // The assessment's sections and their translation come prefilled; the rest is written here.
    for (const key of ASSESSMENT_SECTIONS) {
      await expect(composer.getByTestId(`report-italian-${key}`)).toHaveValue(/Traduzione italiana/);
    }
    for (const key of REPORT_SECTIONS) {
      const original = composer.getByTestId(`report-original-${key}`);
      if ((await original.inputValue()).trim() === '') await original.fill(`نص ${key}`);
      const italian = composer.getByTestId(`report-italian-${key}`);
      if ((await italian.inputValue()).trim() === '') await italian.fill(`Testo italiano: ${key}.`);
    }
    await expect(page.getByTestId('report-submit')).toBeEnabled();
    await screens(page, 'report-composer', composer);
    await answered(page, 'POST', /\/reports\/[^/]+\/submit$/, () => page.getByTestId('report-submit').click());
    await expect(caseState(page)).toHaveText(STATES_IT.REPORT_QA!);
  });

  // Caseworkers see the cases assigned to them only (need to know): the quality review is the
  // assigned caseworker's, the approval the supervisor's.
  await test.step('the caseworker passes the quality review', async () => {
    const page = await as(browser, CASEWORKER);
    await openCaseTab(page, 'reports');
    await expect(page.getByTestId('report-qa-pass')).toBeVisible();
    await screens(page, 'report-qa', page.getByTestId('report-review'));
    await answered(page, 'POST', /\/reports\/[^/]+\/qa$/, () => page.getByTestId('report-qa-pass').click());
    await expect(page.getByTestId('report-qa-pass')).toHaveCount(0);
  });

  await test.step('the supervisor approves the report', async () => {
    const page = await as(browser, 'supervisor');
    await openCaseTab(page, 'reports');
    await expect(page.getByTestId('report-approve')).toBeVisible();
    await screens(page, 'report-approval', page.getByTestId('report-review'));
    await answered(page, 'POST', /\/reports\/[^/]+\/approve$/, () => page.getByTestId('report-approve').click());
    await expect(page.getByTestId('report-frozen')).toBeVisible();
    await done('supervisor');
  });

  await test.step('the caseworker releases it to named recipients; the PDF is there', async () => {
    const page = await as(browser, CASEWORKER);
    await openCaseTab(page, 'reports');
    await page.getByTestId('report-release').click();
    const release = page.getByTestId('release-form');
    await expect(release).toBeVisible();
    await expect(release.getByTestId('release-recipients')).toBeVisible();
    await byLabel(release, 'Finalità').fill('Valutazione del superiore interesse e presa in carico');
    await byLabel(release, 'Base giuridica').fill('L. 47/2017, art. 6; consenso della famiglia alla condivisione');
    await page.getByTestId('release-review').click();
    const dialog = page.getByTestId('release-confirm');
    await expect(dialog).toBeVisible();
    await screens(page, 'report-release-confirm', dialog, { dialog: true });
    await answered(page, 'POST', /\/reports\/[^/]+\/release$/, () => dialog.click());
    const pdfLink = page.getByTestId('report-pdf-link');
    await expect(pdfLink).toBeVisible();
    const href = await pdfLink.getAttribute('href');
    expect(href).toBeTruthy();
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(ARTIFACTS, 'journey-report.pdf'), body);
    await screens(page, 'report-released', pdfLink);
  });

  await test.step('the case awaits a durable solution', async () => {
    const page = await as(browser, CASEWORKER);
    await page.goto(caseUrl);
    await fireTransition(page, 'AWAITING_SOLUTION');
    await screens(page, 'case-awaiting-solution', page.getByTestId('next-steps'));
  });

  expect(problems, problems.join('\n')).toEqual([]);
});
