import {
  ASSESSMENT_SECTION_KEYS,
  NON_LOCATION_SECTION_KEYS,
  type CaseDetail,
  type CaseFile,
  type CaseReports,
  type CurrentUser,
  type Report,
  type ReportVersion,
} from '@app/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFile, buildCaseFileCase, buildConsent, buildFamilyMember } from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

let sequence = 0;
const uuid = (prefix: string): string => {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
};

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
const supervisor = buildCurrentUser({ role: 'supervisor', displayName: 'Paola Conti' });
const guardianUser = buildCurrentUser({ role: 'guardian', displayName: 'Paola Riva', organisation: { id: uuid('0a000000'), name: 'Tutori volontari – Milano', type: 'GUARDIANS' } });

const person = (displayName: string) => ({ id: uuid('0b000000'), displayName });
const sections = (prefix: string, keys: readonly string[] = ASSESSMENT_SECTION_KEYS) => Object.fromEntries(keys.map((key) => [key, `${prefix} ${key}`]));
// The Italian translation still lacks the recommendations (Rome writes them in the report).
const italianWithoutRecommendations = () => ({ ...sections('Traduzione'), recommendations: '' });

const buildVersion = (overrides: Partial<ReportVersion> = {}): ReportVersion => ({
  id: uuid('0c000000'),
  versionNo: 1,
  status: 'DRAFT',
  originalLanguage: 'Arabo (egiziano)',
  sectionsOriginal: sections('Testo arabo'),
  sectionsIt: italianWithoutRecommendations(),
  lockVersion: 3,
  missingSections: { original: [], it: ['recommendations'] },
  prefilledFrom: null,
  draftedBy: person('Giulia Rossi'),
  createdAt: '2026-10-20T09:00:00.000Z',
  updatedAt: '2026-10-21T09:00:00.000Z',
  submittedBy: null,
  submittedAt: null,
  qa: null,
  approvedBy: null,
  approvedAt: null,
  contentSha256: null,
  releasedBy: null,
  releasedAt: null,
  disclosures: [],
  ...overrides,
});

const buildReport = (caseId: string, versions: ReportVersion[], overrides: Partial<Report> = {}): Report => ({
  id: uuid('0d000000'),
  caseId,
  kind: 'FAMILY_ASSESSMENT',
  createdAt: '2026-10-20T09:00:00.000Z',
  currentVersionNo: versions[0]!.versionNo,
  released: false,
  latestReleasedVersionNo: null,
  versions,
  ...overrides,
});

const complete = (version: ReportVersion): ReportVersion => ({
  ...version,
  sectionsIt: sections('Traduzione'),
  missingSections: { original: [], it: [] },
});

type Handlers = Parameters<typeof mockApi>[0];

type Setup = { user?: CurrentUser; caseRecord: CaseDetail; reports?: CaseReports; file?: CaseFile; handlers?: Handlers };

// The case and its reports are served from variables, so a test can change them "on the server".
const renderReportsTab = ({ user = caseworker, caseRecord, reports = { items: [], startable: null }, file = buildCaseFile(), handlers = {} }: Setup) => {
  const state = { caseRecord, reports, file };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, state.caseRecord),
    [`GET /api/cases/${caseRecord.id}/reports`]: () => json(200, state.reports),
    [`GET /api/cases/${caseRecord.id}/file`]: () => json(200, state.file),
    ...handlers,
  });
  return { server, state, ...renderApp(`/cases/${caseRecord.id}?tab=reports`) };
};

const draftingCase = () => buildCaseFileCase({ state: 'REPORT_DRAFTING' });
const reportsOf = (...items: Report[]): CaseReports => ({ items, startable: null });

const RECOMMENDATIONS = 'Raccomandazioni ed elementi per la valutazione del superiore interesse';
const italianField = (section: string) => screen.getByLabelText(new RegExp(`^Traduzione italiana — ${section}`));
const originalField = (section: string) => screen.getByLabelText(new RegExp(`^Testo originale \\(Arabo \\(egiziano\\)\\) — ${section}`));

// Appends text to a composer field in one change event: typing key by key re-renders the whole
// composer (22 fields) per character, which is slow under jsdom on a loaded machine.
const append = (field: HTMLElement, text: string) => {
  fireEvent.change(field, { target: { value: (field as HTMLTextAreaElement).value + text } });
};

describe('reports: the composer', () => {
  beforeEach(resetClientState);

  it('shows, for each section, the original and the Italian side by side, with what is still missing', async () => {
    const caseRecord = draftingCase();
    const version = buildVersion();
    renderReportsTab({ caseRecord, reports: reportsOf(buildReport(caseRecord.id, [version])) });

    const composer = await screen.findByTestId('report-composer');
    for (const key of ASSESSMENT_SECTION_KEYS) expect(within(composer).getByTestId(`report-section-${key}`)).toBeInTheDocument();
    const household = within(composer).getByTestId('report-section-household');
    expect(screen.getByRole('group', { name: 'Composizione del nucleo familiare' })).toBe(household);
    expect(within(household).getByLabelText(/^Testo originale \(Arabo \(egiziano\)\) — Composizione del nucleo familiare$/)).toHaveValue('Testo arabo household');
    expect(within(household).getByLabelText(/^Traduzione italiana — Composizione del nucleo familiare$/)).toHaveValue('Traduzione household');

    const completeness = screen.getByTestId('report-completeness');
    expect(completeness).toHaveTextContent('Sezioni complete: 10 su 11');
    expect(completeness).toHaveTextContent(`Manca la traduzione italiana: ${RECOMMENDATIONS}`);
    expect(completeness).not.toHaveTextContent('Manca il testo originale');
    expect(italianField(RECOMMENDATIONS)).toHaveAccessibleDescription('Da completare');
    expect(screen.getByTestId('report-submit')).toBeDisabled();
    expect(screen.getByTestId('report-save')).toBeDisabled();
  });

  it('saves the draft with If-Match and both languages, then says everything is saved', async () => {
    const caseRecord = draftingCase();
    const version = buildVersion({ lockVersion: 3 });
    const report = buildReport(caseRecord.id, [version]);
    const { server, state } = renderReportsTab({
      caseRecord,
      reports: reportsOf(report),
      handlers: {
        [`PUT /api/reports/${report.id}/draft`]: (request) => {
          const body = request.body as { sectionsOriginal: Record<string, string>; sectionsIt: Record<string, string>; originalLanguage: string };
          const saved = { ...report, versions: [{ ...version, ...body, lockVersion: 4, missingSections: { original: [], it: [] } }] };
          state.reports = reportsOf(saved);
          return json(200, saved);
        },
      },
    });
    await screen.findByTestId('report-composer');
    const user = userEvent.setup();

    append(italianField(RECOMMENDATIONS), 'Rientro in famiglia sostenibile');
    expect(screen.getByTestId('report-save-state')).toHaveTextContent('Ci sono modifiche non salvate.');
    expect(screen.getByTestId('report-completeness')).toHaveTextContent('Tutte le sezioni sono scritte in lingua originale e in italiano');
    expect(screen.getByTestId('report-submit')).toBeEnabled();
    await user.click(screen.getByTestId('report-save'));

    expect(await screen.findByText('Bozza salvata.')).toBeInTheDocument();
    const [call] = server.callsTo('PUT', `/api/reports/${report.id}/draft`);
    expect(call?.headers.get('If-Match')).toBe('3');
    expect(call?.headers.get('X-Requested-With')).toBe('fetch');
    expect(call?.body).toEqual({
      originalLanguage: 'Arabo (egiziano)',
      sectionsOriginal: sections('Testo arabo'),
      sectionsIt: { ...sections('Traduzione'), recommendations: 'Rientro in famiglia sostenibile' },
    });
    expect(screen.getByTestId('report-save-state')).toHaveTextContent('Tutte le modifiche sono salvate.');
    // The next save names the new lock version.
    append(originalField(RECOMMENDATIONS), ' (rev.)');
    await user.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(server.callsTo('PUT', `/api/reports/${report.id}/draft`)).toHaveLength(2));
    expect(server.callsTo('PUT', `/api/reports/${report.id}/draft`)[1]?.headers.get('If-Match')).toBe('4');
  });

  it('keeps the typed text on 412, shows the newer saved text, and saves over it only when asked', async () => {
    const caseRecord = draftingCase();
    const version = buildVersion({ lockVersion: 3 });
    const report = buildReport(caseRecord.id, [version]);
    let puts = 0;
    const { server, state } = renderReportsTab({
      caseRecord,
      reports: reportsOf(report),
      handlers: {
        [`PUT /api/reports/${report.id}/draft`]: (request) => {
          puts += 1;
          if (puts === 1) {
            // Meanwhile the supervisor saved the same draft.
            const theirs = { ...version, lockVersion: 4, sectionsIt: { ...version.sectionsIt, recommendations: 'Versione del supervisore' } };
            state.reports = reportsOf({ ...report, versions: [theirs] });
            return apiError(412, 'PRECONDITION_FAILED', { currentLockVersion: 4 });
          }
          const body = request.body as Pick<ReportVersion, 'sectionsOriginal' | 'sectionsIt' | 'originalLanguage'>;
          const saved = { ...report, versions: [{ ...version, ...body, lockVersion: 5 }] };
          state.reports = reportsOf(saved);
          return json(200, saved);
        },
      },
    });
    await screen.findByTestId('report-composer');
    const user = userEvent.setup();

    append(italianField(RECOMMENDATIONS), 'Versione della operatrice');
    await user.click(screen.getByTestId('report-save'));

    const conflict = await screen.findByTestId('report-conflict');
    expect(conflict).toHaveTextContent('Il tuo testo è ancora qui, ma non è stato salvato.');
    // Nothing typed is lost.
    expect(italianField(RECOMMENDATIONS)).toHaveValue('Versione della operatrice');
    expect(screen.getByTestId('report-save-state')).toHaveTextContent('Ci sono modifiche non salvate.');
    // The newer text is shown under the section that differs, and only there.
    const newer = await screen.findByTestId('report-newer-text');
    expect(newer).toHaveTextContent('Versione del supervisore');
    expect(within(screen.getByTestId('report-section-recommendations')).getByTestId('report-newer-text')).toBe(newer);
    expect(screen.getAllByTestId('report-newer-text')).toHaveLength(1);
    expect(screen.queryByText('Bozza salvata.')).not.toBeInTheDocument();

    await user.click(within(conflict).getByRole('button', { name: 'Salva il mio testo come versione più recente' }));

    await waitFor(() => expect(server.callsTo('PUT', `/api/reports/${report.id}/draft`)).toHaveLength(2));
    const second = server.callsTo('PUT', `/api/reports/${report.id}/draft`)[1];
    expect(second?.headers.get('If-Match')).toBe('4');
    expect((second?.body as { sectionsIt: Record<string, string> }).sectionsIt.recommendations).toBe('Versione della operatrice');
    await waitFor(() => expect(screen.queryByTestId('report-conflict')).not.toBeInTheDocument());
    expect(screen.getByTestId('report-save-state')).toHaveTextContent('Tutte le modifiche sono salvate.');
  });

  it('after a 412 can take the newer text for a section, or reload and drop the typed text', async () => {
    const caseRecord = draftingCase();
    const version = buildVersion({ lockVersion: 3 });
    const report = buildReport(caseRecord.id, [version]);
    const theirs = { ...version, lockVersion: 4, sectionsIt: { ...version.sectionsIt, recommendations: 'Versione del supervisore' } };
    const { state } = renderReportsTab({
      caseRecord,
      reports: reportsOf(report),
      handlers: {
        [`PUT /api/reports/${report.id}/draft`]: () => {
          state.reports = reportsOf({ ...report, versions: [theirs] });
          return apiError(412, 'PRECONDITION_FAILED', { currentLockVersion: 4 });
        },
      },
    });
    await screen.findByTestId('report-composer');
    const user = userEvent.setup();

    append(italianField(RECOMMENDATIONS), 'Mio testo');
    append(italianField('Abitazione e condizioni di vita'), ' aggiunta');
    await user.click(screen.getByTestId('report-save'));
    // Both sections typed here differ from the newer saved text.
    expect(await screen.findAllByTestId('report-newer-text')).toHaveLength(2);

    await user.click(within(screen.getByTestId('report-section-recommendations')).getByRole('button', { name: 'Usa questo testo' }));
    expect(italianField(RECOMMENDATIONS)).toHaveValue('Versione del supervisore');
    expect(italianField('Abitazione e condizioni di vita')).toHaveValue('Traduzione housing aggiunta');

    await user.click(screen.getByTestId('report-conflict-reload'));
    await waitFor(() => expect(screen.queryByTestId('report-conflict')).not.toBeInTheDocument());
    expect(italianField('Abitazione e condizioni di vita')).toHaveValue('Traduzione housing');
    expect(italianField(RECOMMENDATIONS)).toHaveValue('Versione del supervisore');
    expect(screen.getByTestId('report-save-state')).toHaveTextContent('Tutte le modifiche sono salvate.');
  });

  it('submits a complete draft with If-Match, then reads the case and the report again', async () => {
    const caseRecord = draftingCase();
    const version = complete(buildVersion({ lockVersion: 6 }));
    const report = buildReport(caseRecord.id, [version]);
    const { server, state } = renderReportsTab({
      caseRecord,
      reports: reportsOf(report),
      handlers: {
        [`POST /api/reports/${report.id}/submit`]: () => {
          const submitted = { ...report, versions: [{ ...version, status: 'IN_QA' as const, submittedBy: person('Giulia Rossi'), submittedAt: '2026-10-22T10:00:00.000Z' }] };
          state.reports = reportsOf(submitted);
          state.caseRecord = { ...caseRecord, state: 'REPORT_QA', version: caseRecord.version + 1 };
          return json(200, submitted);
        },
      },
    });
    await screen.findByTestId('report-composer');
    const user = userEvent.setup();

    await user.click(screen.getByTestId('report-submit'));

    expect(await screen.findByText('Relazione inviata al controllo di qualità.')).toBeInTheDocument();
    const [call] = server.callsTo('POST', `/api/reports/${report.id}/submit`);
    expect(call?.headers.get('If-Match')).toBe('6');
    // Nothing unsaved: no draft PUT before the submission.
    expect(server.callsTo('PUT', `/api/reports/${report.id}/draft`)).toHaveLength(0);
    await waitFor(() => expect(server.callsTo('GET', `/api/cases/${caseRecord.id}`).length).toBeGreaterThanOrEqual(2));
    // Under review the text is read-only and the caseworker can review it.
    expect(await screen.findByTestId('report-qa-pass')).toBeInTheDocument();
    expect(screen.queryByTestId('report-composer')).not.toBeInTheDocument();
    expect(screen.getByTestId('report-sections-view')).toBeInTheDocument();
    expect(screen.getByTestId('case-state')).toHaveTextContent('Relazione in revisione');
  });

  it('shows the server’s missing requirements when the submission is refused', async () => {
    const caseRecord = draftingCase();
    const version = complete(buildVersion());
    const report = buildReport(caseRecord.id, [version]);
    renderReportsTab({
      caseRecord,
      reports: reportsOf(report),
      handlers: {
        [`POST /api/reports/${report.id}/submit`]: () =>
          apiError(422, 'TRANSITION_NOT_ALLOWED', { unmet: [{ code: 'REPORT_DRAFT_READY', message: 'x' }], fields: [{ path: 'sectionsIt.recommendations', code: 'required', message: 'x' }] }),
      },
    });
    await screen.findByTestId('report-composer');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('report-submit'));
    expect(await screen.findByTestId('report-action-error')).toHaveTextContent('Bozza della relazione completa, in lingua originale e in italiano');
  });

  it('starts the report the case needs, then opens its draft', async () => {
    const caseRecord = draftingCase();
    const version = buildVersion();
    const report = buildReport(caseRecord.id, [version]);
    const { server, state } = renderReportsTab({
      caseRecord,
      reports: { items: [], startable: 'FAMILY_ASSESSMENT' },
      handlers: {
        [`POST /api/cases/${caseRecord.id}/reports`]: () => {
          state.reports = reportsOf(report);
          return json(201, report);
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Inizia la relazione: Relazione di indagine familiare' }));

    expect(await screen.findByTestId('report-composer')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/reports`)).toHaveLength(1);
    expect(screen.queryByTestId('report-start')).not.toBeInTheDocument();
  });

  it('offers no start and explains why when the case is not ready for a report', async () => {
    renderReportsTab({ caseRecord: buildCaseFileCase({ state: 'TRACING_IN_PROGRESS' }) });
    expect(await screen.findByTestId('reports-empty')).toHaveTextContent('La relazione si prepara quando l\'indagine familiare è conclusa');
    expect(screen.queryByTestId('report-start')).not.toBeInTheDocument();
  });
});

describe('reports: review and approval', () => {
  beforeEach(resetClientState);

  const inQa = (status: 'IN_QA' | 'QA_PASSED', user: CurrentUser, handlers: (report: Report) => Handlers = () => ({})) => {
    const caseRecord = buildCaseFileCase({ state: 'REPORT_QA' });
    const version = complete(buildVersion({ status, lockVersion: 7, submittedBy: person('Giulia Rossi'), submittedAt: '2026-10-22T10:00:00.000Z' }));
    const report = buildReport(caseRecord.id, [version]);
    return { report, ...renderReportsTab({ user, caseRecord, reports: reportsOf(report), handlers: handlers(report) }) };
  };

  it('gives the approve button to supervisors only, and approves with If-Match', async () => {
    const { server, report } = inQa('QA_PASSED', supervisor, (r) => ({
      [`POST /api/reports/${r.id}/approve`]: () => json(200, r),
    }));
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('report-approve'));

    expect(await screen.findByText('Relazione approvata.')).toBeInTheDocument();
    const [call] = server.callsTo('POST', `/api/reports/${report.id}/approve`);
    expect(call?.headers.get('If-Match')).toBe('7');
    expect(screen.queryByTestId('report-qa-pass')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-composer')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Traduzione italiana/ })).not.toBeInTheDocument();
  });

  it('gives caseworkers no approve button: they wait for the supervisor', async () => {
    inQa('QA_PASSED', caseworker);
    expect(await screen.findByText("Controllo di qualità superato: in attesa dell'approvazione del supervisore.")).toBeInTheDocument();
    expect(screen.queryByTestId('report-approve')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-qa-pass')).not.toBeInTheDocument();
  });

  it('lets the supervisor return a version under review but not pass it', async () => {
    inQa('IN_QA', supervisor);
    expect(await screen.findByTestId('report-qa-return')).toBeInTheDocument();
    expect(screen.getByText('In attesa del controllo di qualità da parte di un operatore OIM.')).toBeInTheDocument();
    expect(screen.queryByTestId('report-qa-pass')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-approve')).not.toBeInTheDocument();
  });

  it('passes the review (caseworker), and returns it only with a comment', async () => {
    const { server, report } = inQa('IN_QA', caseworker, (r) => ({
      [`POST /api/reports/${r.id}/qa`]: () => json(200, r),
    }));
    const user = userEvent.setup();
    await screen.findByTestId('report-qa-pass');

    await user.click(screen.getByTestId('report-qa-return'));
    expect(screen.getByTestId('report-review-comment')).toHaveAccessibleDescription(/Scrivi cosa va cambiato/);
    expect(server.callsTo('POST', `/api/reports/${report.id}/qa`)).toHaveLength(0);

    await user.type(screen.getByTestId('report-review-comment'), 'Manca la fonte della sezione 3');
    await user.click(screen.getByTestId('report-qa-return'));
    await waitFor(() => expect(server.callsTo('POST', `/api/reports/${report.id}/qa`)).toHaveLength(1));
    expect(server.callsTo('POST', `/api/reports/${report.id}/qa`)[0]?.body).toEqual({ result: 'RETURN', comment: 'Manca la fonte della sezione 3' });
    expect(server.callsTo('POST', `/api/reports/${report.id}/qa`)[0]?.headers.get('If-Match')).toBe('7');

    await user.clear(screen.getByTestId('report-review-comment'));
    await user.click(screen.getByTestId('report-qa-pass'));
    await waitFor(() => expect(server.callsTo('POST', `/api/reports/${report.id}/qa`)).toHaveLength(2));
    expect(server.callsTo('POST', `/api/reports/${report.id}/qa`)[1]?.body).toEqual({ result: 'PASS' });
  });

  it('offers to reload when the version changed meanwhile (412)', async () => {
    inQa('QA_PASSED', supervisor, (r) => ({
      [`POST /api/reports/${r.id}/approve`]: () => apiError(412, 'PRECONDITION_FAILED', { currentLockVersion: 8 }),
    }));
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('report-approve'));
    const error = await screen.findByTestId('report-action-error');
    expect(error).toHaveTextContent('Nel frattempo qualcun altro ha modificato questa relazione');
    expect(within(error).getByRole('button', { name: 'Ricarica la relazione' })).toBeInTheDocument();
  });
});

describe('reports: release and the disclosure register', () => {
  beforeEach(resetClientState);

  const socialServices = { id: uuid('0e000000'), name: 'Comune di Milano – Servizi sociali per minori', type: 'SOCIAL_SERVICES' as const };
  const ministry = { id: uuid('0e000000'), name: 'Ministero del Lavoro – DG Immigrazione', type: 'MINISTRY' as const };
  const mission = { id: uuid('0e000000'), name: 'Missione OIM Egitto', type: 'IOM_MISSION' as const };
  const guardian = { id: uuid('0f000000'), name: 'Paola Riva' };

  const approvedCase = () => buildCaseFileCase({ state: 'REPORT_APPROVED', socialServices, guardian });
  const approvedVersion = () =>
    complete(buildVersion({ status: 'APPROVED', lockVersion: 9, approvedBy: person('Paola Conti'), approvedAt: '2026-10-23T10:00:00.000Z', contentSha256: 'ab'.repeat(32) }));
  const directory = {
    'GET /api/directory/organisations': () => json(200, { items: [socialServices, ministry, mission] }),
    'GET /api/directory/users': () => json(200, { items: [{ id: guardian.id, name: guardian.name, role: 'guardian', organisationName: 'Tutori volontari – Milano' }] }),
  };

  it('posts the chosen recipients, purpose, legal basis and family consent after a confirmation', async () => {
    const caseRecord = approvedCase();
    const version = approvedVersion();
    const report = buildReport(caseRecord.id, [version]);
    const mother = buildFamilyMember({ firstName: 'Fatma', lastName: 'Haddad', relationship: 'madre' });
    const consent = buildConsent({ subject: 'FAMILY_MEMBER', familyMemberId: mother.id, scope: 'SHARE_REPORT', minorWords: null });
    const { server, state } = renderReportsTab({
      caseRecord,
      reports: reportsOf(report),
      file: buildCaseFile({ familyMembers: [mother], consents: [consent] }),
      handlers: {
        ...directory,
        [`POST /api/reports/${report.id}/release`]: () => {
          state.caseRecord = { ...caseRecord, state: 'REPORT_SENT', version: caseRecord.version + 1 };
          return json(200, report);
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('report-release'));
    const form = within(await screen.findByTestId('release-form'));

    // The case's social services and guardian are proposed; the ministry is added from the directory.
    await user.click(form.getByRole('combobox', { name: 'Destinatari' }));
    expect(await screen.findByRole('option', { name: ministry.name })).toBeInTheDocument();
    // IOM's own missions are not recipients.
    expect(screen.queryByRole('option', { name: mission.name })).not.toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: ministry.name }));
    await user.type(form.getByRole('textbox', { name: /^Finalità/ }), 'Valutazione del superiore interesse');
    await user.type(form.getByRole('textbox', { name: /^Base giuridica/ }), 'L. 47/2017 art. 6');
    expect(form.getByRole('combobox', { name: /^Consenso della famiglia/ })).toHaveValue(`Fatma Haddad (madre), dato il 05/10/2026`);
    await user.click(form.getByTestId('release-review'));

    const dialog = await screen.findByRole('dialog', { name: 'Trasmettere la relazione?' });
    expect(dialog).toHaveTextContent('La versione 1 diventerà definitiva e non potrà più essere modificata.');
    expect(dialog).toHaveTextContent('verrà scritta una voce nel registro delle comunicazioni');
    expect(dialog).toHaveTextContent(socialServices.name);
    expect(dialog).toHaveTextContent('Paola Riva');
    expect(dialog).toHaveTextContent(ministry.name);
    expect(server.callsTo('POST', `/api/reports/${report.id}/release`)).toHaveLength(0);
    await user.click(within(dialog).getByTestId('release-confirm'));

    expect(await screen.findByText('Relazione trasmessa. Le trasmissioni sono state annotate nel registro delle comunicazioni.')).toBeInTheDocument();
    const [call] = server.callsTo('POST', `/api/reports/${report.id}/release`);
    expect(call?.headers.get('If-Match')).toBe('9');
    expect(call?.body).toEqual({
      recipients: [{ organisationId: socialServices.id }, { userId: guardian.id }, { organisationId: ministry.id }],
      purpose: 'Valutazione del superiore interesse',
      legalBasis: 'L. 47/2017 art. 6',
      familyConsentId: consent.id,
    });
    await waitFor(() => expect(screen.getByTestId('case-state')).toHaveTextContent('Relazione inviata alle autorità'));
  });

  it('requires purpose and legal basis before asking for confirmation', async () => {
    const caseRecord = approvedCase();
    const report = buildReport(caseRecord.id, [approvedVersion()], { kind: 'NON_LOCATION_NOTE' });
    const { server } = renderReportsTab({ caseRecord, reports: reportsOf(report), handlers: directory });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('report-release'));
    const form = within(await screen.findByTestId('release-form'));
    // A non-location note carries no family data: no consent is asked for.
    expect(form.getByText(/non serve il suo consenso alla condivisione/)).toBeInTheDocument();

    await user.click(form.getByTestId('release-review'));
    expect(form.getByRole('textbox', { name: /^Finalità/ })).toHaveAccessibleDescription(/Campo obbligatorio/);
    expect(form.getByRole('textbox', { name: /^Base giuridica/ })).toHaveAccessibleDescription(/Campo obbligatorio/);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(server.callsTo('POST', `/api/reports/${report.id}/release`)).toHaveLength(0);
  });

  it('says that the family’s consent to sharing is missing, and does not release', async () => {
    const caseRecord = approvedCase();
    const report = buildReport(caseRecord.id, [approvedVersion()]);
    renderReportsTab({ caseRecord, reports: reportsOf(report), file: buildCaseFile(), handlers: directory });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('report-release'));
    expect(await screen.findByTestId('release-no-consent')).toHaveTextContent('Manca il consenso della famiglia alla condivisione della relazione');
    expect(screen.getByTestId('release-review')).toBeDisabled();
  });

  it('names the recipients the server refused', async () => {
    const caseRecord = approvedCase();
    const report = buildReport(caseRecord.id, [approvedVersion()], { kind: 'NON_LOCATION_NOTE' });
    renderReportsTab({
      caseRecord,
      reports: reportsOf(report),
      handlers: {
        ...directory,
        [`POST /api/reports/${report.id}/release`]: () =>
          apiError(400, 'VALIDATION_FAILED', { fields: [{ path: 'recipients.1.userId', code: 'not_found', message: 'Unknown or deactivated user' }] }),
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('report-release'));
    const form = within(await screen.findByTestId('release-form'));
    await user.type(form.getByRole('textbox', { name: /^Finalità/ }), 'Esito dell’indagine');
    await user.type(form.getByRole('textbox', { name: /^Base giuridica/ }), 'L. 47/2017 art. 6');
    await user.click(form.getByTestId('release-review'));
    await user.click(within(await screen.findByRole('dialog')).getByTestId('release-confirm'));
    expect(await form.findByTestId('report-action-error')).toHaveTextContent('Paola Riva – Tutori volontari – Milano: non esiste più o è stato disattivato.');
  });

  it('shows a released version read-only, with its PDF link and the disclosure register', async () => {
    const caseRecord = buildCaseFileCase({ state: 'REPORT_SENT', socialServices, guardian });
    const released = complete(
      buildVersion({
        versionNo: 2,
        status: 'RELEASED',
        lockVersion: 12,
        approvedBy: person('Paola Conti'),
        approvedAt: '2026-10-23T10:00:00.000Z',
        contentSha256: 'cd'.repeat(32),
        releasedBy: person('Giulia Rossi'),
        releasedAt: '2026-10-24T10:00:00.000Z',
        disclosures: [
          {
            id: uuid('10000000'),
            recipientOrganisationId: socialServices.id,
            recipientUserId: null,
            recipientName: socialServices.name,
            purpose: 'Presa in carico',
            legalBasis: 'L. 47/2017 art. 6',
            familyConsentId: null,
            contentSha256: 'cd'.repeat(32),
            releasedBy: person('Giulia Rossi'),
            approvedBy: person('Paola Conti'),
            releasedAt: '2026-10-24T10:00:00.000Z',
            acknowledgedAt: '2026-10-25T08:00:00.000Z',
          },
          {
            id: uuid('10000000'),
            recipientOrganisationId: null,
            recipientUserId: guardian.id,
            recipientName: 'Paola Riva – Tutori volontari – Milano',
            purpose: 'Presa in carico',
            legalBasis: 'L. 47/2017 art. 6',
            familyConsentId: null,
            contentSha256: 'cd'.repeat(32),
            releasedBy: person('Giulia Rossi'),
            approvedBy: person('Paola Conti'),
            releasedAt: '2026-10-24T10:00:00.000Z',
            acknowledgedAt: null,
          },
        ],
      }),
    );
    const superseded = complete(buildVersion({ versionNo: 1, status: 'SUPERSEDED', approvedBy: person('Paola Conti'), approvedAt: '2026-10-10T10:00:00.000Z' }));
    const report = buildReport(caseRecord.id, [released, superseded], { released: true, latestReleasedVersionNo: 2, currentVersionNo: 2 });
    renderReportsTab({ caseRecord, reports: reportsOf(report) });

    const card = within(await screen.findByTestId('report-card'));
    expect(card.getByTestId('report-release-status')).toHaveTextContent('Trasmessa (versione 2)');
    expect(card.getByTestId('report-frozen')).toHaveTextContent('Questa versione è definitiva');
    const current = within(card.getByTestId('report-current-version'));
    expect(current.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-composer')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-release')).not.toBeInTheDocument();
    expect(current.getByTestId('report-section-household')).toHaveTextContent('Testo arabo household');
    expect(current.getByTestId('report-section-household')).toHaveTextContent('Traduzione household');

    const pdf = current.getByTestId('report-pdf-link');
    expect(pdf).toHaveAttribute('href', `/api/reports/${report.id}/pdf?version=2`);
    expect(pdf).toHaveAttribute('download');
    expect(pdf).toHaveTextContent('Scarica il PDF (versione 2)');
    expect(current.getByTestId('report-sha')).toHaveTextContent('cdcdcdcdcdcd');

    const [first, second] = current.getAllByTestId('disclosure-row');
    expect(first).toHaveTextContent(socialServices.name);
    expect(first).toHaveTextContent('Presa in carico');
    expect(first).toHaveTextContent('L. 47/2017 art. 6');
    expect(first).toHaveTextContent('Sì, il');
    expect(second).toHaveTextContent('Paola Riva – Tutori volontari – Milano');
    expect(second).toHaveTextContent('Non ancora');
    expect(card.getByTestId('report-older-version')).toHaveTextContent('Versione 1: Sostituita da una versione successiva');
  });
});

describe('reports: external users', () => {
  beforeEach(resetClientState);

  // Issue 5: guardians see the reports released to them (their inbox for this case), never the staff list.
  it('shows guardians the reports released to them instead of the staff list, without asking the server for it', async () => {
    const caseRecord = buildCaseFileCase({ state: 'REPORT_SENT' });
    const { server } = renderReportsTab({
      user: guardianUser,
      caseRecord,
      handlers: { 'GET /api/inbox': () => json(200, { items: [], nextCursor: null, counts: { total: 0, unread: 0, unacknowledged: 0 } }) },
    });
    expect(await screen.findByTestId('inbox-empty')).toHaveTextContent('Per questo caso non ti è stata ancora trasmessa nessuna relazione.');
    // The case's own inbox (the menu's unread badge reads the whole inbox separately).
    expect(server.callsTo('GET', '/api/inbox').map((call) => call.query.get('caseId'))).toContain(caseRecord.id);
    expect(server.callsTo('GET', `/api/cases/${caseRecord.id}/reports`)).toHaveLength(0);
  });
});

// The non-location note's sections are the ones the composer shows for it.
describe('reports: a non-location note', () => {
  beforeEach(resetClientState);

  it('composes the attempts, the reason and the recommendations', async () => {
    const caseRecord = draftingCase();
    const version = buildVersion({
      originalLanguage: 'English',
      sectionsOriginal: sections('Original', NON_LOCATION_SECTION_KEYS),
      sectionsIt: sections('Italiano', NON_LOCATION_SECTION_KEYS),
      missingSections: { original: [], it: [] },
    });
    renderReportsTab({ caseRecord, reports: reportsOf(buildReport(caseRecord.id, [version], { kind: 'NON_LOCATION_NOTE' })) });
    const composer = within(await screen.findByTestId('report-composer'));
    expect(composer.getAllByRole('group').map((group) => group.querySelector('legend')?.textContent)).toEqual([
      'Tentativi di rintraccio effettuati',
      'Motivo',
      RECOMMENDATIONS,
    ]);
    expect(screen.getByLabelText(/^Testo originale \(English\) — Motivo$/)).toHaveValue('Original reason');
    expect(screen.getByTestId('report-submit')).toBeEnabled();
  });
});
