import type { CaseDetail, PortalCase } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser, dateOfBirthForAge } from './support/factories';
import { installFakeXhr, FakeXhr, pdfFile } from './support/fake-xhr';
import { apiError, json, mockApi } from './support/mock-api';
import { buildPortalCase, buildPortalDocument, portalId } from './support/portal-fixtures';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const socialWorker = buildCurrentUser({ role: 'social_services', displayName: 'Laura Colombo', organisation: { id: portalId('0a000000'), name: 'Comune di Milano – Servizi sociali per minori', type: 'SOCIAL_SERVICES' } });

type Setup = { caseRecord?: CaseDetail; portal?: Partial<PortalCase>; tab: string; handlers?: Parameters<typeof mockApi>[0] };

const renderOfficeCase = ({ caseRecord = buildCaseFileCase({ state: 'REPORT_SENT' }), portal = {}, tab, handlers = {} }: Setup) => {
  const state = { portalCase: buildPortalCase(caseRecord.id, { state: caseRecord.state, ...portal }) };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, socialWorker),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
    [`GET /api/portal/cases/${caseRecord.id}`]: () => json(200, state.portalCase),
    ...handlers,
  });
  return { server, state, caseRecord, ...renderApp(`/cases/${caseRecord.id}?tab=${tab}`) };
};

describe('social services portal: a family-tracing request', () => {
  beforeEach(resetClientState);

  it('is in the menu, and names what is missing before sending anything', async () => {
    const server = mockApi({ 'GET /api/auth/me': () => json(200, socialWorker) });
    renderApp('/portal/tracing-requests/new');

    expect(await screen.findByRole('heading', { level: 1, name: 'Nuova richiesta di indagine familiare' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Casi', 'Relazioni ricevute', 'Nuova richiesta di indagine']);

    await userEvent.setup().click(screen.getByTestId('tracing-request-submit'));

    expect(screen.getByRole('textbox', { name: /^Nome/ })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /^Nome/ })).toHaveAccessibleDescription('Campo obbligatorio');
    expect(screen.getByRole('textbox', { name: /^Cognome/ })).toHaveAccessibleDescription('Campo obbligatorio');
    // Name, surname, sex and nationality.
    expect(screen.getAllByText('Campo obbligatorio')).toHaveLength(4);
    expect(screen.getByTestId('tracing-request-nationality')).toHaveAttribute('aria-invalid', 'true');
    expect(server.callsTo('POST', '/api/portal/tracing-requests')).toHaveLength(0);
  });

  it('sends the minor, the questions and what the office knows, then shows the new case and where it stands', async () => {
    const caseId = portalId('c0000000');
    const server = mockApi({
      'GET /api/auth/me': () => json(200, socialWorker),
      'POST /api/portal/tracing-requests': () =>
        json(201, { requestId: portalId('2a000000'), caseId, caseNumber: 'IF-2026-0041', state: 'RECEIVED', submittedAt: '2026-11-22T10:00:00.000Z' }),
    });
    renderApp('/portal/tracing-requests/new');
    const user = userEvent.setup();
    await screen.findByTestId('tracing-request-form');

    const fill = async (name: RegExp, value: string) => {
      await user.click(screen.getByRole('textbox', { name }));
      await user.paste(value);
    };
    await fill(/^Nome/, 'Karim');
    await fill(/^Cognome/, 'Ben Salah');
    await fill(/^Altri modi di scrivere il nome/, 'Kareem Ben Saleh, Karim Bensalah');
    await user.click(screen.getByRole('radio', { name: 'Maschio' }));
    await user.click(screen.getByTestId('tracing-request-nationality'));
    await user.paste('Tunis');
    await user.click(await screen.findByRole('option', { name: 'Tunisia' }));
    await fill(/^Lingue parlate/, 'arabo, francese');
    await fill(/^Comune/, 'Milano');
    await fill(/^Domande per l'indagine/, 'La famiglia sa dove si trova?\nChi potrebbe prendersene cura?');
    await fill(/^Cosa sapete della famiglia/, 'Madre a Sfax, telefono +216 555 0101');
    await user.click(screen.getByTestId('tracing-request-submit'));

    const sent = await screen.findByTestId('tracing-request-sent');
    expect(sent).toHaveTextContent("L'OIM ha ricevuto la richiesta: caso IF-2026-0041, stato «Richiesta ricevuta».");
    expect(within(sent).getByRole('link', { name: 'Apri il caso' })).toHaveAttribute('href', `/cases/${caseId}`);
    const body = server.callsTo('POST', '/api/portal/tracing-requests')[0]?.body as Record<string, unknown>;
    expect(body).toEqual({
      minor: {
        firstName: 'Karim',
        lastName: 'Ben Salah',
        aliases: ['Kareem Ben Saleh', 'Karim Bensalah'],
        sex: 'M',
        nationality: 'TN',
        dobBasis: 'DECLARED',
        dobIsDefaultJan1: false,
        presumedMinor: true,
        asylumApplicant: false,
        vulnerabilities: [],
        languages: ['arabo', 'francese'],
        municipality: 'Milano',
      },
      requestDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      channel: 'OTHER',
      questions: ['La famiglia sa dove si trova?', 'Chi potrebbe prendersene cura?'],
      familyInformation: 'Madre a Sfax, telefono +216 555 0101',
    });
    expect(server.callsTo('POST', '/api/portal/tracing-requests')[0]?.headers.get('X-Requested-With')).toBe('fetch');
  });

  it('keeps other roles away from the request form', async () => {
    const server = mockApi({ 'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'guardian' })), 'GET /api/cases': () => json(200, { items: [], nextCursor: null }) });
    const { router } = renderApp('/portal/tracing-requests/new');
    await waitFor(() => expect(router.state.location.pathname).toBe('/cases'));
    expect(server.callsTo('POST', '/api/portal/tracing-requests')).toHaveLength(0);
  });
});

describe('social services portal: the case', () => {
  beforeEach(resetClientState);

  it("gives the office its tabs, and lists the office's documents with their downloads", async () => {
    const caseRecord = buildCaseFileCase({ state: 'REPORT_SENT' });
    const document = buildPortalDocument(caseRecord.id, { title: 'Relazione sul percorso a Milano' });
    renderOfficeCase({ caseRecord, tab: 'documents', portal: { documents: [document] } });

    const row = within(await screen.findByTestId('portal-document'));
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Profilo', 'Relazioni', 'Tribunale', 'Dopo i 18 anni', 'Documenti', 'Cronologia']);
    expect(row.getByText('Relazione sul percorso a Milano')).toBeInTheDocument();
    expect(row.getByText('Relazione dei servizi sociali')).toBeInTheDocument();
    expect(row.getByRole('link', { name: 'Scarica Relazione sul percorso a Milano' })).toHaveAttribute('href', `/api/documents/${document.id}/content`);
  });

  describe('uploads', () => {
    let restore: () => void;
    beforeEach(() => {
      restore = installFakeXhr();
    });
    afterEach(() => restore());

    it("uploads the office's report with progress, the social-services report type chosen first", async () => {
      const caseRecord = buildCaseFileCase({ state: 'REPORT_SENT' });
      const { state } = renderOfficeCase({ caseRecord, tab: 'documents' });
      const form = within(await screen.findByTestId('portal-upload'));
      const user = userEvent.setup();

      expect(form.getByRole('combobox', { name: /^Tipo di documento/ })).toHaveValue('SOCIAL_SERVICES_REPORT');
      expect(form.getAllByRole('option').map((option) => option.textContent)).toEqual([
        'Scegli il tipo',
        'Relazione dei servizi sociali',
        'Cartella sociale',
        'Modulo di consenso',
        "Documento d'identità",
        'Corrispondenza',
        "Referto di accertamento dell'età",
      ]);
      await user.upload(screen.getByTestId('portal-upload-file'), pdfFile('%PDF-1.7 relazione', 'relazione-ss.pdf'));
      expect(form.getByRole('textbox', { name: /^Titolo/ })).toHaveValue('relazione-ss');
      await user.click(form.getByRole('checkbox', { name: /Contiene dati sensibili/ }));
      await user.click(form.getByRole('button', { name: 'Carica il documento' }));

      await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
      const xhr = FakeXhr.instances[0]!;
      expect(xhr.url).toBe(`/api/cases/${caseRecord.id}/documents`);
      expect(xhr.headers['X-Requested-With']).toBe('fetch');
      expect(xhr.body?.get('type')).toBe('SOCIAL_SERVICES_REPORT');
      expect(xhr.body?.get('title')).toBe('relazione-ss');
      expect(xhr.body?.get('language')).toBe('italiano');
      expect(xhr.body?.get('sensitivity')).toBe('SPECIAL');
      expect((xhr.body?.get('file') as File).name).toBe('relazione-ss.pdf');
      xhr.progress(512, 1024);
      expect(screen.getByText('Caricamento: 50%')).toBeInTheDocument();

      const created = buildPortalDocument(caseRecord.id, { title: 'relazione-ss', sensitivity: 'SPECIAL' });
      state.portalCase = { ...state.portalCase, documents: [created] };
      xhr.respond(201, created);

      expect(await screen.findByText('Documento caricato: relazione-ss.')).toBeInTheDocument();
      await waitFor(() => expect(screen.getAllByTestId('portal-document')).toHaveLength(1));
      expect(screen.getByTestId('portal-document')).toHaveTextContent('contiene dati sensibili');
    });

    it('says so when the server does not take that type of document from the office', async () => {
      renderOfficeCase({ tab: 'documents' });
      const form = within(await screen.findByTestId('portal-upload'));
      const user = userEvent.setup();
      await user.upload(screen.getByTestId('portal-upload-file'), pdfFile('%PDF-1.7', 'atto.pdf'));
      await user.click(form.getByRole('button', { name: 'Carica il documento' }));
      await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
      FakeXhr.instances[0]!.respond(400, { code: 'VALIDATION_FAILED', message: 'Invalid upload', details: { fields: [{ path: 'type', code: 'not_allowed', message: 'no' }] } });

      expect(await form.findByText('Non puoi caricare questo tipo di documento')).toBeInTheDocument();
    });
  });

  it('asks for continuation of support after 18 with the reasons and an end date, and shows the request', async () => {
    const caseRecord = buildCaseFileCase({ state: 'AWAITING_SOLUTION' });
    const eighteenth = `${new Date().getFullYear() + 1}-03-01`;
    const until = `${new Date().getFullYear() + 3}-03-01`;
    const { server, state } = renderOfficeCase({
      caseRecord,
      tab: 'support',
      portal: { minor: { ...buildPortalCase(caseRecord.id).minor, dateOfBirth: dateOfBirthForAge(17), eighteenthBirthday: eighteenth } },
      handlers: {
        [`POST /api/cases/${caseRecord.id}/prosieguo-requests`]: ({ body }) => {
          const request = {
            id: portalId('2b000000'),
            organisation: { id: socialWorker.organisation.id, name: socialWorker.organisation.name },
            requestedBy: { id: socialWorker.id, displayName: 'Laura Colombo' },
            reasons: (body as { reasons: string }).reasons,
            requestedUntil: until,
            submittedAt: '2026-11-22T10:00:00.000Z',
          };
          state.portalCase = { ...state.portalCase, prosieguoRequests: [request] };
          return json(201, request);
        },
      },
    });
    const form = within(await screen.findByTestId('prosieguo-form'));
    expect(screen.getByTestId('prosieguo-birthday')).toHaveTextContent(/Compie 18 anni il 01\/03\/\d{4}: mancano \d+ giorni\./);
    const user = userEvent.setup();

    await user.type(form.getByRole('textbox', { name: /^Perché il minore ne ha bisogno/ }), 'Scuola');
    await user.click(form.getByRole('button', { name: 'Invia la richiesta' }));
    expect(await form.findByText('Inserisci almeno 10 caratteri')).toBeInTheDocument();

    await user.type(form.getByRole('textbox', { name: /^Perché il minore ne ha bisogno/ }), ' professionale in corso fino a giugno.');
    await user.type(form.getByLabelText(/^Fino a quando/), until);
    await user.click(form.getByRole('button', { name: 'Invia la richiesta' }));

    expect(await screen.findByText('La richiesta di prosieguo è stata inviata.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/prosieguo-requests`)[0]?.body).toEqual({ reasons: 'Scuola professionale in corso fino a giugno.', requestedUntil: until });
    expect(await screen.findByTestId('prosieguo-request')).toHaveTextContent('Inviata il 22/11/2026');
  });

  it("explains the server's refusal of the end date in plain words", async () => {
    const caseRecord = buildCaseFileCase({ state: 'AWAITING_SOLUTION' });
    renderOfficeCase({
      caseRecord,
      tab: 'support',
      handlers: {
        [`POST /api/cases/${caseRecord.id}/prosieguo-requests`]: () =>
          apiError(400, 'VALIDATION_FAILED', { fields: [{ path: 'requestedUntil', code: 'before_18th_birthday', message: 'no' }] }),
      },
    });
    const form = within(await screen.findByTestId('prosieguo-form'));
    const user = userEvent.setup();
    await user.type(form.getByRole('textbox', { name: /^Perché il minore ne ha bisogno/ }), 'Percorso scolastico da concludere.');
    await user.type(form.getByLabelText(/^Fino a quando/), '2027-01-01');
    await user.click(form.getByRole('button', { name: 'Invia la richiesta' }));
    expect(await form.findByText('Il sostegno dopo i 18 anni deve durare oltre il 18° compleanno')).toBeInTheDocument();
  });
});
