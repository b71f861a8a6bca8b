import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIResponse, type Browser, type Locator, type Page, type Response } from '@playwright/test';
import { ARTIFACTS, signIn, switchLanguage } from './support';

// Issue 4's journey, as the people who do it: a case awaiting its durable solution, the minor's
// request to go back and the guardian's co-signature, counselling and the reintegration plan, the
// petition before the juvenile court (hearing, decision, decree), the travel plan and the
// supervisor's approval, the departure and the hand-over, reintegration, the monitoring calendar
// with a protection concern escalated and resolved, the durable solution and the closure. Every
// main screen is kept as a screenshot in Italian and in English.
//
// The run compresses time: the hand-over is dated seven months back, so the six months of
// monitoring (visits at +1, +3, +6 months, recorded once they happened) fit in one run.
test.describe.configure({ mode: 'serial' });
// A step that cannot happen fails in seconds, not at the end of the journey's long timeout.
test.use({ actionTimeout: 30_000 });

const STATES_IT = (JSON.parse(readFileSync(join(__dirname, '../client/src/locales/it.json'), 'utf8')) as { states: Record<string, string> }).states;
const PDF = (label: string) => ({
  name: `${label}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${label}\n%%EOF\n`, 'latin1'),
});

const problems: string[] = [];
const watch = (page: Page, local: string) => {
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${local}: ${response.request().method()} ${response.url()} → ${response.status()}`);
  });
  page.on('pageerror', (error) => problems.push(`${local}: page error ${error.message}`));
};

const actors = new Map<string, Page>();
const as = async (browser: Browser, local: string, password?: string): Promise<Page> => {
  const known = actors.get(local);
  if (known) return known;
  const { locale, timezoneId, baseURL } = test.info().project.use;
  const context = await browser.newContext({ locale, timezoneId, baseURL });
  const page = await context.newPage();
  watch(page, local);
  await signIn(page, local, password);
  await expect(page.getByTestId('user-name')).toBeVisible();
  actors.set(local, page);
  return page;
};
const done = async (local: string) => {
  await actors.get(local)?.context().close();
  actors.delete(local);
};

// Runs the action and waits for the API's answer to it; a refusal fails with the server's words.
const answered = async (page: Page, method: string, path: RegExp, action: () => Promise<unknown>): Promise<Response> => {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname)), action()]);
  expect(response.status(), `${method} ${response.url()}: ${await response.text().catch(() => '')}`).toBeLessThan(400);
  return response;
};

// The API, for what the journey needs but is not its point (consents, risk checks, approvals).
const FETCH = { 'X-Requested-With': 'fetch' };
const ok = async (response: APIResponse) => {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBeLessThan(400);
  return (await response.json().catch(() => ({}))) as Record<string, unknown>;
};
const post = async (page: Page, path: string, data?: unknown, headers: Record<string, string> = {}) =>
  ok(await page.request.post(`/api${path}`, { headers: { ...FETCH, ...headers }, ...(data === undefined ? {} : { data }) }));
const get = async (page: Page, path: string) => ok(await page.request.get(`/api${path}`, { headers: FETCH }));

let screen = 0;
const screens = async (page: Page, name: string, ready?: Locator) => {
  screen += 1;
  const file = (language: string) => join(ARTIFACTS, `return-${String(screen).padStart(2, '0')}-${name}-${language}.png`);
  const options = { fullPage: true, animations: 'disabled' as const, style: '.mantine-Notifications-root { display: none !important; }' };
  const top = () => page.evaluate(() => window.scrollTo(0, 0));
  if (ready) await expect(ready).toBeVisible();
  await top();
  await page.screenshot({ ...options, path: file('it') });
  await switchLanguage(page, 'en');
  if (ready) await expect(ready).toBeVisible();
  await top();
  await page.screenshot({ ...options, path: file('en') });
  await switchLanguage(page, 'it');
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A field by its whole label (a required field's label ends with an asterisk).
const byLabel = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${escape(label)}\\s*\\*?$`));
// Picks an option of a select; the list may close while the form re-renders with data that just
// arrived (the directory, the case file), so it is opened again.
const pick = async (page: Page, scope: Locator, label: string, option: string | RegExp) => {
  const box = scope.getByRole('combobox', { name: new RegExp(`^${escape(label)}`) }).first();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await box.click();
    try {
      await page.getByRole('option', { name: option }).first().click({ timeout: 3_000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`No option ${String(option)} in "${label}"`);
};
const upload = async (page: Page, picker: Locator, type: string, label: string, path: RegExp) => {
  await picker.getByRole('button', { name: /^Carica/ }).first().click();
  await picker.getByTestId(`inline-upload-file-${type}`).setInputFiles(PDF(label));
  await answered(page, 'POST', path, () => picker.getByTestId(`inline-upload-submit-${type}`).click());
};

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const localDateTime = (date: Date, time?: string) => `${localDay(date)}T${time ?? `${pad(date.getHours())}:${pad(date.getMinutes())}`}`;
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);
const monthsAgo = (months: number, extraDays = 0) => {
  const date = new Date();
  date.setMonth(date.getMonth() - months);
  date.setDate(date.getDate() - extraDays);
  return date;
};

let caseId = '';
let caseUrl = '';
let minorName = '';
// The minor's language and country of origin, as seeded (the mission is the one of that country).
let language = '';
let country = '';
let nationality = '';
// The demo unit has field officers in Egypt and Bangladesh only; for a minor of another country the
// administrator gives that country's mission an account first.
const MISSION_OFFICERS: Record<string, string> = { EG: 'field.cairo', BD: 'field.dhaka' };
const OFFICER_PASSWORD = 'e2e-mission-officer-passphrase';

const caseState = (page: Page) => page.getByTestId('case-state');
const openTab = async (page: Page, tab: string) => {
  await page.goto(`${caseUrl}?tab=${tab}`);
  await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
};
const section = (page: Page, id: string) => page.getByTestId(`return-section-${id}`);
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

test('the return journey: from a case awaiting its durable solution to a closed reintegration', async ({ browser }) => {
  test.setTimeout(480_000);

  await test.step('the caseworker opens a case awaiting its solution; the checklist says what a return needs', async () => {
    const page = await as(browser, 'caseworker');
    // The demo seed gives the caseworker cases awaiting a solution; the one with a guardian is used.
    const list = (await get(page, '/cases?state=AWAITING_SOLUTION&limit=50')) as { items: { id: string }[] };
    for (const item of list.items) {
      const detail = (await get(page, `/cases/${item.id}`)) as { guardian: { name: string } | null; minor: { firstName: string; lastName: string; nationality: string; languages: string[] } };
      if (detail.guardian?.name.startsWith('Paola Riva')) {
        caseId = item.id;
        minorName = `${detail.minor.firstName} ${detail.minor.lastName}`;
        language = detail.minor.languages[0] ?? 'Italiano';
        country = new Intl.DisplayNames(['it'], { type: 'region' }).of(detail.minor.nationality) ?? detail.minor.nationality;
        nationality = detail.minor.nationality;
        break;
      }
    }
    expect(caseId, 'a seeded case awaiting its solution, with the demo guardian').not.toBe('');
    caseUrl = `/cases/${caseId}`;
    await openTab(page, 'return');
    const checklist = page.getByTestId('return-checklist-request_avr');
    await expect(checklist.getByTestId('guard-AVR_MINOR_REQUEST')).toHaveAttribute('data-state', 'missing');
    await expect(checklist.getByTestId('guard-AVR_GUARDIAN_CONSENT')).toContainText('può fornirlo: Tutore');
    await expect(checklist.getByTestId('guard-FAMILY_ASSESSMENT_RELEASED')).toHaveAttribute('data-state', 'done');
    await screens(page, 'awaiting-solution-checklist', checklist);

    const form = page.getByTestId('avr-request-form');
    await form.getByTestId('avr-request-words').fill('Voglio tornare da mia madre e finire la scuola al mio paese.');
    await byLabel(form, 'Lingua').fill(language);
    await form.getByRole('checkbox', { name: 'Era presente un mediatore culturale' }).check();
    await byLabel(form, 'Nome del mediatore').fill('Mediatore culturale (demo)');
    await answered(page, 'POST', /\/avr\/request$/, () => form.getByRole('button', { name: 'Registra la richiesta' }).click());
    await expect(page.getByTestId('avr-minor-request')).toContainText('Voglio tornare da mia madre');
    await expect(page.getByTestId('avr-guardian-consent')).toContainText('In attesa della firma del tutore');
  });

  await test.step('the guardian co-signs the request from their own account', async () => {
    const page = await as(browser, 'guardian');
    await openTab(page, 'participation');
    const panel = page.getByTestId('guardian-avr-consent');
    await expect(panel.getByTestId('guardian-sign-form')).toBeVisible();
    await screens(page, 'guardian-co-signature', panel.getByTestId('guardian-sign-form'));
    await panel.getByRole('checkbox', { name: /Ho ascoltato il minore/ }).check();
    await answered(page, 'POST', /\/avr\/guardian-consent$/, () => panel.getByTestId('guardian-sign').click());
    await expect(panel.getByTestId('guardian-signed')).toBeVisible();
    await done('guardian');
  });

  await test.step('the caseworker records the request, counsels the minor and writes the reintegration plan', async () => {
    const page = await as(browser, 'caseworker');
    await openTab(page, 'return');
    await fireTransition(page, 'AVR_REQUESTED');
    await fireTransition(page, 'AVR_COUNSELLING');

    const counselling = page.getByTestId('counselling-form');
    await byLabel(counselling, 'Lingua').fill(language);
    await counselling.getByTestId('counselling-words').fill('Ho capito cosa succede al ritorno e voglio comunque tornare.');
    await answered(page, 'POST', /\/avr\/counselling-sessions$/, () => counselling.getByRole('button', { name: 'Registra il colloquio' }).click());
    await expect(page.getByTestId('counselling-session')).toHaveCount(1);

    const plan = section(page, 'plan');
    const narrative = plan.getByTestId('plan-narrative-form');
    for (const kind of ['Vulnerabilità', 'Rischi', 'Famiglia', 'Competenze']) await narrative.getByRole('checkbox', { name: kind }).check();
    await narrative.getByTestId('plan-needsAndSkills').fill('Vuole finire la scuola secondaria; sa riparare biciclette.');
    await narrative.getByTestId('plan-familySituation').fill('La madre e due fratelli; reddito irregolare da lavoro a giornata.');
    await narrative.getByTestId('plan-minorViews').fill('Voglio studiare e aiutare mia madre.');
    await byLabel(narrative, 'Lingua del minore').fill(language);
    await answered(page, 'PUT', /\/reintegration-plan$/, () => narrative.getByTestId('plan-save').click());

    const objective = plan.getByTestId('objective-form');
    await pick(page, objective, 'Dimensione', 'Sociale');
    await pick(page, objective, 'Livello', 'Individuale');
    await objective.getByTestId('objective-description').fill('Tornare a scuola entro tre mesi');
    await answered(page, 'POST', /\/reintegration-plan\/objectives$/, () => objective.getByRole('button', { name: "Aggiungi l'obiettivo" }).click());
    await expect(plan.getByTestId('objective')).toHaveCount(1);

    const item = plan.getByTestId('item-form');
    await pick(page, item, 'Obiettivo', 'Tornare a scuola entro tre mesi');
    await pick(page, item, 'Tipo di intervento', 'Iscrizione a scuola');
    await item.getByTestId('item-description').fill('Tasse scolastiche, libri e divisa');
    await byLabel(item, 'Chi lo fornisce').fill('Scuola pubblica n. 12');
    await byLabel(item, 'Costo (euro)').fill('450');
    await answered(page, 'POST', /\/reintegration-plan\/assistance-items$/, () => item.getByRole('button', { name: "Aggiungi l'intervento" }).click());
    await expect(plan.getByTestId('assistance-item')).toHaveCount(1);
    await screens(page, 'reintegration-plan', plan.getByTestId('assistance-items'));
  });

  await test.step('the caseworker records the petition filed with the juvenile court', async () => {
    const page = await as(browser, 'caseworker');
    const court = section(page, 'court');
    await court.getByTestId('court-file-open').click();
    const filing = court.getByTestId('court-filing-form');
    await pick(page, filing, 'Tribunale per i minorenni', 'Tribunale per i minorenni di Milano');
    await byLabel(filing, 'Numero di ruolo generale (R.G.)').fill('4711/2026');
    await pick(page, filing, 'Chi ha depositato il ricorso', 'Tutore');
    await byLabel(filing, 'Nome di chi ha depositato').fill('Paola Riva');
    await upload(page, filing.getByTestId('court-ss-report'), 'SOCIAL_SERVICES_REPORT', 'relazione-servizi-sociali', /\/api\/cases\/[^/]+\/documents$/);
    await expect(filing.getByRole('combobox', { name: /^Relazione dei servizi sociali/ })).toHaveValue(/Relazione dei servizi sociali/);
    await screens(page, 'court-filing', filing);
    await answered(page, 'POST', /\/court\/proceedings$/, () => filing.getByTestId('court-filing-submit').click());
    await expect(court.getByTestId('court-proceeding')).toHaveCount(1);
    await expect(page.getByTestId('return-checklist-file_with_court')).toContainText('Pronto');
    await fireTransition(page, 'COURT_PENDING');
  });

  await test.step('a supervisor gives the court time-limited access to the case', async () => {
    const page = await as(browser, 'supervisor');
    await openTab(page, 'return');
    const access = section(page, 'court').getByTestId('court-access');
    await expect(access.getByTestId('court-access-status')).toContainText('Il Tribunale non vede ancora il caso');
    const form = access.getByTestId('court-access-form');
    await expect(form.getByRole('combobox', { name: /^Tribunale per i minorenni/ })).toHaveValue('Tribunale per i minorenni di Milano');
    await answered(page, 'POST', /\/court-access$/, () => form.getByTestId('court-access-grant').click());
    await expect(access.getByTestId('court-access-status')).toContainText('Il Tribunale può vedere il caso');
    await screens(page, 'court-access', access);
  });

  await test.step("the court's clerk records the hearing, the decision and the decree", async () => {
    const page = await as(browser, 'court.milano');
    await openTab(page, 'court');
    const court = page.getByTestId('return-section-court');
    await court.getByTestId('hearing-schedule').click();
    const schedule = court.getByTestId('hearing-schedule-form');
    // Scheduled and held earlier today (the clerk records it once held).
    await byLabel(schedule, "Data e ora dell'udienza").fill(localDateTime(new Date(Date.now() - 2 * 3_600_000)));
    await answered(page, 'POST', /\/hearings$/, () => schedule.getByRole('button', { name: "Fissa l'udienza" }).click());
    await court.getByTestId('hearing-record').click();
    const hearing = court.getByTestId('hearing-record-form');
    await byLabel(hearing, 'Interprete').fill('Interprete del tribunale');
    await byLabel(hearing, "Lingua dell'interprete").fill(language);
    await answered(page, 'PUT', /\/court\/hearings\/[^/]+$/, () => hearing.getByTestId('hearing-record-submit').click());
    await expect(court.getByTestId('hearing')).toContainText('Interprete del tribunale');

    await court.getByTestId('decision-open').click();
    const decision = court.getByTestId('decision-form');
    await decision.getByRole('radio', { name: 'Rimpatrio disposto' }).check();
    await decision.getByTestId('decision-reasons').fill('Sentiti il minore e il tutore, esaminati gli atti, il rientro corrisponde al superiore interesse del minore.');
    await upload(page, decision.getByTestId('decision-decree'), 'COURT_DECREE', 'decreto-tm-milano', /\/court\/decrees$/);
    await screens(page, 'court-decision', decision);
    await answered(page, 'POST', /\/decision$/, () => decision.getByTestId('decision-submit').click());
    await expect(court.getByTestId('decree-attached')).toBeVisible();
    await screens(page, 'court-proceeding', court.getByTestId('court-proceeding'));
    await done('court.milano');
  });

  await test.step('the caseworker records the court order and prepares the travel plan', async () => {
    const page = await as(browser, 'caseworker');
    await openTab(page, 'return');
    await fireTransition(page, 'COURT_APPROVED');

    // Recorded on the "Consents and risk checks" tab in practice: the pre-return risk check and the
    // mother's written acceptance to receive the child.
    const file = (await get(page, `/cases/${caseId}/file`)) as { familyMembers: { id: string; relationship: string; firstName: string; lastName: string }[] };
    const mother = file.familyMembers.find((member) => member.relationship === 'madre')!;
    await post(page, `/cases/${caseId}/risk-checks`, {
      stage: 'PRE_RETURN',
      riskToMinor: 'Nessuna minaccia nota al rientro',
      riskToFamily: 'Bassa',
      protectionStatusConflict: false,
      traffickingConcern: false,
      areaSecurity: 'Quartiere stabile secondo la missione',
      decision: 'PROCEED',
    });
    await post(page, `/cases/${caseId}/consents`, {
      subject: 'FAMILY_MEMBER',
      familyMemberId: mother.id,
      scope: 'RETURN_ACCEPTANCE',
      language,
      mediatorPresent: false,
      informedBy: 'Missione OIM',
      givenAt: new Date().toISOString(),
    });

    await page.reload();
    const travel = section(page, 'travel');
    const form = travel.getByTestId('travel-plan-form');
    await expect(form.getByTestId('travel-readiness')).toContainText('Valutazione del rischio prima del rimpatrio: Procedere');
    await pick(page, form, 'Chi accoglie il minore', new RegExp(`^${mother.firstName} ${mother.lastName}`));
    await pick(page, form, 'Missione OIM che accoglie e monitora', new RegExp(`OIM Missione ${country}`));
    await pick(page, form, 'Documento di viaggio', 'Lasciapassare');
    await form.getByRole('checkbox', { name: 'Il documento è pronto' }).check();
    await form.getByRole('checkbox', { name: 'Idoneo al viaggio' }).check();
    await byLabel(form, 'Data della visita medica').fill(localDay(new Date()));
    await byLabel(form, "Chi l'ha accertata").fill('Dr.ssa Bianchi, pediatra');
    await expect(form.getByTestId('travel-escort-required')).toBeDisabled();
    await byLabel(form, "Nome dell'accompagnatore").fill('Luca Verdi');
    await byLabel(form, 'Ruolo').fill('Operatore OIM');
    await byLabel(form, 'Itinerario').fill(`Milano Malpensa → ${country}, con uno scalo; la madre ritira il figlio in aeroporto`);
    await form.getByTestId('travel-departure').fill(localDateTime(daysFromNow(20), '08:00'));
    await answered(page, 'PUT', /\/avr\/travel-plan$/, () => form.getByTestId('travel-save').click());
    await expect(travel.getByTestId('travel-plan')).toBeVisible();
    // What is still missing, and who supplies it: the supervisor's approvals.
    const checklist = travel.getByTestId('return-checklist-approve_avr_plan');
    await expect(checklist.getByTestId('guard-RISK_CHECK_PRE_RETURN_PROCEED')).toHaveAttribute('data-state', 'missing');
    await expect(checklist.getByTestId('guard-REINTEGRATION_PLAN_APPROVED')).toContainText('può fornirlo: Supervisore');
    await expect(checklist.getByTestId('guard-CAREGIVER_ACCEPTANCE')).toHaveAttribute('data-state', 'done');
    await screens(page, 'travel-plan-checklist', checklist);

    // The plan's report, started from the records and sent to review.
    await answered(page, 'POST', /\/return-reports$/, () => section(page, 'plan').getByTestId('start-report-REINTEGRATION_PLAN').click());
    await openTab(page, 'reports');
    await expect(page.getByTestId('report-composer')).toBeVisible();
    await answered(page, 'POST', /\/submit$/, () => page.getByTestId('report-submit').click());
    await answered(page, 'POST', /\/qa$/, () => page.getByRole('button', { name: 'Controllo superato' }).click());
  });

  await test.step('the supervisor approves the risk check, the plan and the operational plan', async () => {
    const page = await as(browser, 'supervisor');
    const checks = (await get(page, `/cases/${caseId}/file`)) as { riskChecks: { id: string; stage: string; approved: boolean }[] };
    const preReturn = checks.riskChecks.find((check) => check.stage === 'PRE_RETURN' && !check.approved)!;
    await post(page, `/cases/${caseId}/risk-checks/${preReturn.id}/approve`);
    await openTab(page, 'reports');
    await answered(page, 'POST', /\/approve$/, () => page.getByRole('button', { name: 'Approva la relazione' }).click());
    await openTab(page, 'return');
    const checklist = page.getByTestId('return-checklist-approve_avr_plan').first();
    await expect(checklist).toContainText('Pronto');
    await screens(page, 'supervisor-approves-operational-plan', checklist);
    await fireTransition(page, 'AVR_PREPARATION');
  });

  await test.step('the child departs; the mission in the country of origin confirms the hand-over to the mother', async () => {
    const page = await as(browser, 'caseworker');
    await openTab(page, 'return');
    await fireTransition(page, 'IN_TRANSIT');

    // The field officer of the receiving mission sees the minor among their returns, never where
    // the child lived in Italy.
    let officerLocal = MISSION_OFFICERS[nationality];
    let officerPassword: string | undefined;
    if (!officerLocal) {
      const admin = await as(browser, 'admin');
      const organisations = (await get(admin, '/admin/organisations')) as { items: { id: string; type: string; country: string | null }[] };
      const mission = organisations.items.find((organisation) => organisation.type === 'IOM_MISSION' && organisation.country === nationality);
      expect(mission, `an IOM mission in ${nationality}`).toBeTruthy();
      officerLocal = `field.e2e.${nationality.toLowerCase()}`;
      officerPassword = OFFICER_PASSWORD;
      await post(admin, '/admin/users', { email: `${officerLocal}@demo.example`, displayName: `Operatore della missione (${country})`, role: 'field_officer', organisationId: mission!.id, password: OFFICER_PASSWORD });
      await done('admin');
    }
    const officer = await as(browser, officerLocal, officerPassword);
    await officer.goto('/returns');
    const row = officer.getByTestId('field-return-row').filter({ hasText: minorName });
    await expect(row).toHaveCount(1);
    await screens(officer, 'mission-returns-list', row);
    await row.getByRole('link', { name: new RegExp(escape(minorName)) }).click();
    const form = officer.getByTestId('field-handover-form');
    await expect(form).toBeVisible();
    await expect(officer.getByTestId('field-plan')).toContainText('Tornare a scuola entro tre mesi');
    await byLabel(form, 'Arrivo').fill(localDateTime(monthsAgo(7, 3), '14:00'));
    await byLabel(form, 'Luogo della consegna').fill(`Aeroporto di arrivo (${country})`);
    await pick(officer, form, 'Chi ha accolto il minore', 'Genitore');
    const signatories = form.getByLabel(/^Firmatari del verbale/).filter({ visible: true });
    for (const name of ['Luca Verdi', 'Nour El-Sayed']) {
      await signatories.fill(name);
      await signatories.press('Enter');
    }
    await upload(officer, form, 'HANDOVER_PROTOCOL', 'verbale-di-consegna', /\/api\/field\/returns\/[^/]+\/documents$/);
    await screens(officer, 'mission-handover', form);
    await answered(officer, 'POST', /\/api\/field\/returns\/[^/]+\/handover$/, () => form.getByTestId('field-handover-submit').click());
    await expect(officer.getByTestId('field-handover')).toBeVisible();
    await expect(officer.getByTestId('field-visit')).toHaveCount(3);
    await expect(officer.getByTestId('field-document')).toHaveCount(1);
    await screens(officer, 'mission-monitoring-calendar', officer.getByTestId('field-monitoring-calendar'));
    await done(officerLocal);

    await page.reload();
    await expect(caseState(page)).toHaveText(STATES_IT.HANDED_OVER!);
    await expect(page.getByTestId('monitoring-visit')).toHaveCount(3);
  });

  await test.step('reintegration: the assistance is delivered; the dashboard shows the overdue visits', async () => {
    const page = await as(browser, 'caseworker');
    await fireTransition(page, 'REINTEGRATION');
    const plan = section(page, 'plan');
    await plan.getByRole('button', { name: /^Aggiorna lo stato dell'intervento/ }).click();
    const status = plan.getByTestId('item-status-form');
    await byLabel(status, 'Data di erogazione').fill(localDay(monthsAgo(6, 20)));
    await answered(page, 'PATCH', /\/assistance-items\/[^/]+$/, () => status.getByRole('button', { name: 'Salva lo stato' }).click());
    await expect(plan.getByTestId('assistance-item')).toContainText('Erogato');
    await fireTransition(page, 'MONITORING');
    await expect(page.getByTestId('monitoring-overdue')).toContainText('3 visite in ritardo');
    await screens(page, 'monitoring-calendar-overdue', page.getByTestId('monitoring-calendar'));

    await page.goto('/');
    const card = page.getByTestId('dashboard-monitoring');
    await expect(card.getByTestId('monitoring-visit-item').filter({ hasText: minorName })).toHaveCount(1);
    await screens(page, 'dashboard-overdue-visits', card);
  });

  await test.step('the visits are recorded; a protection concern is escalated, then resolved by the supervisor', async () => {
    const page = await as(browser, 'caseworker');
    await openTab(page, 'return');
    const first = page.getByTestId('monitoring-visit').first();
    await first.getByTestId('visit-record').click();
    const visit = first.getByTestId('visit-form');
    await visit.getByRole('radio', { name: 'Sì' }).check();
    await visit.getByTestId('visit-wellbeing').fill('Frequenta la scuola; sereno con la madre e i fratelli.');
    await visit.getByTestId('visit-concerns').fill('Lo zio insiste perché lavori nel mercato il pomeriggio.');
    await answered(page, 'PUT', /\/monitoring\/visits\/[^/]+$/, () => visit.getByTestId('visit-submit').click());
    await page.getByTestId('visit-escalate').click();
    const escalate = page.getByTestId('visit-escalate-form');
    await byLabel(escalate, 'A chi è segnalata').fill('Ufficio per la protezione dei minori del distretto');
    await byLabel(escalate, 'Cosa è stato segnalato').fill('Rischio di lavoro minorile segnalato dal minore durante la visita.');
    await answered(page, 'POST', /\/escalation$/, () => escalate.getByRole('button', { name: 'Segnala' }).click());
    await expect(page.getByTestId('visit-concern').first()).toContainText('Segnalata a Ufficio per la protezione dei minori');

    // The second visit, as the mission reports it.
    const calendar = (await get(page, `/cases/${caseId}/return`)) as { monitoringVisits: { id: string; seq: number; plannedOn: string }[] };
    const second = calendar.monitoringVisits.find((v) => v.seq === 2)!;
    const response = await page.request.put(`/api/cases/${caseId}/monitoring/visits/${second.id}`, {
      headers: FETCH,
      data: { visitedOn: second.plannedOn, mode: 'PHONE', officer: 'Nour El-Sayed', childSeenAlone: true, wellbeing: 'Va a scuola regolarmente; lo zio non insiste più.' },
    });
    await ok(response);
    await page.reload();

    // The last visit, six months after the hand-over, with the sustainability indicators.
    // The calendar is in date order: the last visit is the one six months after the hand-over.
    const last = page.getByTestId('monitoring-visit').last();
    await last.getByTestId('visit-record').click();
    const final = last.getByTestId('visit-form');
    await final.getByRole('radio', { name: 'Sì' }).check();
    await final.getByTestId('visit-wellbeing').fill('Promosso al secondo anno; la famiglia ha un reddito più stabile.');
    await final.getByTestId('visit-scoring').check();
    const scores = final.getByTestId('visit-scores');
    for (const group of await scores.getByRole('radiogroup').all()) await group.getByRole('radio', { name: /: 4$/ }).check();
    await screens(page, 'monitoring-visit-scores', final);
    await answered(page, 'PUT', /\/monitoring\/visits\/[^/]+$/, () => final.getByTestId('visit-submit').click());
    await expect(page.getByTestId('visit-index')).toContainText('Sostenibilità: 75%');
    await done('caseworker');

    const supervisor = await as(browser, 'supervisor');
    await openTab(supervisor, 'return');
    await supervisor.getByTestId('visit-resolve').click();
    const resolve = supervisor.getByTestId('visit-resolve-form');
    await resolve.getByRole('textbox').fill('Incontro con lo zio e la madre: il minore non lavora più; il servizio locale segue la famiglia.');
    await answered(supervisor, 'POST', /\/escalation\/resolve$/, () => resolve.getByRole('button', { name: 'Chiudi la segnalazione' }).click());
    await expect(supervisor.getByTestId('visit-concern').first()).toContainText('Chiusa il');
  });

  await test.step('the durable solution is recorded and the supervisor closes the case', async () => {
    const page = await as(browser, 'caseworker');
    await openTab(page, 'return');
    await page.getByTestId('solution-add').click();
    const solution = page.getByTestId('solution-form');
    await expect(solution.getByRole('combobox', { name: /^Soluzione$/ })).toHaveValue('Rimpatrio assistito e volontario');
    await solution.getByTestId('solution-minor-views').fill('Sono contento di essere a casa e di andare a scuola.');
    await byLabel(solution, 'Lingua').fill(language);
    await answered(page, 'POST', /\/durable-solution$/, () => solution.getByTestId('solution-submit').click());
    await expect(page.getByTestId('durable-solution')).toHaveCount(1);
    await done('caseworker');

    const supervisor = await as(browser, 'supervisor');
    await openTab(supervisor, 'return');
    const checklist = supervisor.getByTestId('return-checklist-close_reintegrated');
    await expect(checklist).toContainText('Pronto');
    await screens(supervisor, 'closing-checklist', checklist);
    await fireTransition(supervisor, 'CLOSED_REINTEGRATED');
    await screens(supervisor, 'closed-reintegrated', supervisor.getByTestId('return-panel'));
  });

  expect(problems, problems.join('\n')).toEqual([]);
});
