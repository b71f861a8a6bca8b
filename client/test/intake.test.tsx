import { romeDay } from '@app/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import {
  buildCaseDetail,
  buildCurrentUser,
  buildDirectoryOrganisation,
  buildDirectoryUser,
  buildMinorCandidate,
} from './support/factories';
import { apiError, json, mockApi, type RecordedRequest } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';


const caseworker = buildCurrentUser({ role: 'caseworker' });
const palermo = buildDirectoryOrganisation({ id: '11000000-0000-4000-8000-000000000001', name: 'Comune di Palermo – Servizi sociali per minori', type: 'SOCIAL_SERVICES' });
const ministry = buildDirectoryOrganisation({ id: '11000000-0000-4000-8000-000000000002', name: 'Direzione Generale dell’immigrazione', type: 'MINISTRY' });
const iomRome = buildDirectoryOrganisation({ id: '11000000-0000-4000-8000-000000000003', name: 'OIM Roma', type: 'IOM_UNIT' });
const guardian = buildDirectoryUser({ id: '12000000-0000-4000-8000-000000000001', name: 'Laura Verdi', role: 'guardian' });
const colleague = buildDirectoryUser({ id: '12000000-0000-4000-8000-000000000002', name: 'Sara Conti', role: 'caseworker', organisationName: 'OIM Roma' });
const created = buildCaseDetail({ id: '13000000-0000-4000-8000-000000000001', caseNumber: 'IF-2026-0101', state: 'RECEIVED' });

// Today in Italy, as the form counts it (no X-App-Now header here: the browser's clock).
const today = romeDay(new Date());

type Handlers = Parameters<typeof mockApi>[0];
const intakeApi = (overrides: Handlers = {}, me = caseworker) =>
  mockApi({
    'GET /api/auth/me': () => json(200, me),
    'GET /api/directory/organisations': () => json(200, { items: [palermo, ministry, iomRome] }),
    'GET /api/directory/users': ({ query }) => json(200, { items: query.get('role') === 'caseworker' ? [colleague] : [guardian] }),
    'POST /api/minors/search': () => json(200, { candidates: [] }),
    'POST /api/cases': () => json(201, created),
    ...overrides,
  });

const pick = async (user: UserEvent, label: RegExp, option: string) => {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
};

const setDate = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

const next = async (user: UserEvent, heading: RegExp) => {
  await user.click(screen.getByTestId('intake-next'));
  expect(await screen.findByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
};

const fillIdentity = async (user: UserEvent, first = 'Ousmane', last = 'Kanté') => {
  await user.type(await screen.findByLabelText(/^Nome/), first);
  await user.type(screen.getByLabelText(/^Cognome/), last);
  await user.click(screen.getByRole('radio', { name: 'Maschio' }));
  await user.click(screen.getByRole('combobox', { name: /^Nazionalità/ }));
  await user.type(screen.getByRole('combobox', { name: /^Nazionalità/ }), 'Guinea');
  await user.click(await screen.findByRole('option', { name: 'Guinea' }));
};

const fillRequest = async (user: UserEvent) => {
  await pick(user, /^Canale della richiesta/, 'Richiesta della Direzione Generale (Ministero del Lavoro)');
  await pick(user, /^Ente richiedente/, palermo.name);
};

const lastBody = (calls: RecordedRequest[]) => calls.at(-1)?.body as Record<string, unknown> | undefined;

describe('intake: likely duplicates', () => {
  beforeEach(resetClientState);

  it('looks up people with a similar name as it is typed, with the name in the POST body only', async () => {
    const known = buildMinorCandidate({
      firstName: 'Mohamed',
      lastName: 'Fofana',
      dateOfBirth: '2009-06-15',
      nationality: 'GN',
      score: 0.87,
      reasons: [{ code: 'NAME_SIMILARITY', value: 0.82 }, { code: 'DOB_EXACT' }],
      cases: [{ id: '14000000-0000-4000-8000-000000000001', caseNumber: 'IF-2025-0042', state: 'TRACING_IN_PROGRESS' }],
      otherCases: 1,
    });
    const server = intakeApi({ 'POST /api/minors/search': () => json(200, { candidates: [known] }) });
    const { router } = renderApp('/cases/new');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByTestId('intake-form')).toBeInTheDocument();
    setDate(/^Data di nascita(?! convenzionale)/, '2009-06-15');
    await user.type(screen.getByLabelText(/^Nome/), 'Muhammad');
    await user.type(screen.getByLabelText(/^Cognome/), 'Fofana');

    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning).toHaveTextContent('Questa persona potrebbe essere già registrata');
    const candidate = within(screen.getByTestId('duplicate-candidate'));
    expect(candidate.getByText('Mohamed Fofana')).toBeInTheDocument();
    expect(candidate.getByText('Somiglianza 87%')).toBeInTheDocument();
    expect(candidate.getByText('Nome simile (82%)')).toBeInTheDocument();
    expect(candidate.getByText('Stessa data di nascita')).toBeInTheDocument();
    expect(candidate.getByText(/Nato\/a il 15\/06\/2009 · Guinea/)).toBeInTheDocument();
    expect(candidate.getByRole('link', { name: /IF-2025-0042/ })).toHaveAttribute('href', '/cases/14000000-0000-4000-8000-000000000001');
    expect(candidate.getByText('Ha anche 1 caso che non puoi vedere.')).toBeInTheDocument();
    // An open case: work on it rather than opening another.
    expect(candidate.getByText(/Ha già un caso aperto \(IF-2025-0042\)/)).toBeInTheDocument();
    expect(candidate.queryByRole('button', { name: 'Apri un nuovo caso per questa persona' })).not.toBeInTheDocument();

    const searches = server.callsTo('POST', '/api/minors/search');
    expect(lastBody(searches)).toEqual({ name: 'Muhammad Fofana', dateOfBirth: '2009-06-15', limit: 5 });
    expect(searches.at(-1)?.query.toString()).toBe('');
    expect(searches.at(-1)?.headers.get('X-Requested-With')).toBe('fetch');
    for (const call of server.calls) expect(`${call.path}?${call.query.toString()}`).not.toMatch(/fofana|muhammad/i);
    expect(router.state.location.pathname + router.state.location.search).toBe('/cases/new');

    // "A different person": the warning folds away, and can come back.
    await user.click(screen.getByRole('button', { name: 'È una persona diversa: continua' }));
    expect(screen.queryByTestId('duplicate-warning')).not.toBeInTheDocument();
    expect(screen.getByText('Hai indicato che è una persona diversa.')).toBeInTheDocument();
  });

  it('opens a new case for a known person: existingMinorId in the body, no new minor', async () => {
    const known = buildMinorCandidate({
      minorId: '15000000-0000-4000-8000-000000000001',
      firstName: 'Ousmane',
      lastName: 'Kante',
      cases: [{ id: '14000000-0000-4000-8000-000000000002', caseNumber: 'IF-2024-0007', state: 'REJECTED' }],
    });
    const server = intakeApi({ 'POST /api/minors/search': () => json(200, { candidates: [known] }) });
    const { router } = renderApp('/cases/new');
    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText(/^Nome/), 'Usman');
    await user.type(screen.getByLabelText(/^Cognome/), 'Kante');

    await user.click(await screen.findByRole('button', { name: 'Apri un nuovo caso per questa persona' }));

    expect(screen.getByTestId('existing-minor')).toHaveTextContent('Ousmane Kante');
    expect(screen.queryByLabelText(/^Nome/)).not.toBeInTheDocument();
    await next(user, /Passo 2 di 4/);
    expect(screen.getByText(/Arrivo e accoglienza restano quelli già registrati/)).toBeInTheDocument();
    await next(user, /Passo 3 di 4/);
    await fillRequest(user);
    await next(user, /Passo 4 di 4/);
    expect(screen.getByText('Persona già registrata')).toBeInTheDocument();
    await user.click(screen.getByTestId('intake-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${created.id}`));
    expect(lastBody(server.callsTo('POST', '/api/cases'))).toEqual({
      existingMinorId: '15000000-0000-4000-8000-000000000001',
      channel: 'DG_MLPS',
      requestingOrganisationId: palermo.id,
      requestDate: today,
      priority: 'NORMAL',
      riskLevel: 'UNKNOWN',
    });
  });
});

describe('intake: the guided form', () => {
  beforeEach(resetClientState);

  it('checks each step before moving on, without calling the server', async () => {
    const server = intakeApi();
    renderApp('/cases/new');
    const user = userEvent.setup({ delay: null });
    await screen.findByTestId('intake-form');

    await user.click(screen.getByTestId('intake-next'));

    expect(await screen.findAllByText('Campo obbligatorio')).toHaveLength(4);
    expect(screen.getByRole('heading', { level: 2, name: /Passo 1 di 4: Il minore/ })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Nome/)).toHaveFocus();
    // The contract's age rules run in the browser too.
    await user.click(screen.getByRole('radio', { name: "Da accertamento dell'età" }));
    await user.type(screen.getByLabelText(/^Età minima/), '17');
    await user.type(screen.getByLabelText(/^Età massima/), '15');
    await fillIdentity(user);
    await user.click(screen.getByTestId('intake-next'));
    expect(await screen.findByText("L'età massima non può essere inferiore alla minima")).toBeInTheDocument();
    expect(screen.getByLabelText(/^Età massima/)).toHaveFocus();
    expect(server.callsTo('POST', '/api/cases')).toHaveLength(0);
  });

  it('assembles the body from every step, reviews it and opens the new case', async () => {
    const server = intakeApi();
    const { router } = renderApp('/cases/new');
    const user = userEvent.setup({ delay: null });

    await fillIdentity(user);
    await user.type(screen.getByRole('combobox', { name: 'Altri nomi o grafie' }), 'Usman Kante{enter}');
    await user.type(screen.getByRole('combobox', { name: 'Lingue parlate' }), 'Pular{enter}Francese{enter}');
    setDate(/^Data di nascita(?! convenzionale)/, '2010-01-01');
    await user.click(screen.getByRole('radio', { name: "Da accertamento dell'età" }));
    await user.type(screen.getByLabelText(/^Età minima/), '15');
    await user.type(screen.getByLabelText(/^Età massima/), '17');
    await user.click(screen.getByRole('checkbox', { name: /Data di nascita convenzionale/ }));
    expect(await screen.findByText('Nessuna persona già registrata con un nome simile.')).toBeInTheDocument();
    await next(user, /Passo 2 di 4: Arrivo e accoglienza/);

    setDate(/^Data di arrivo/, '2026-09-01');
    await pick(user, /^Modalità di arrivo/, 'Via mare');
    await user.type(screen.getByRole('combobox', { name: 'Regione' }), 'Sicilia');
    await user.type(screen.getByLabelText('Comune'), 'Palermo');
    await user.type(screen.getByLabelText('Struttura di accoglienza'), 'Centro di prima accoglienza (demo)');
    await pick(user, /^Tipo di accoglienza/, 'Prima accoglienza');
    await user.type(screen.getByLabelText(/^Situazione giuridica/), 'Permesso per minore età');
    await user.type(screen.getByRole('combobox', { name: 'Vulnerabilità' }), 'Non accompagnato dalla partenza{enter}');
    await next(user, /Passo 3 di 4: La richiesta/);

    await fillRequest(user);
    await user.type(screen.getByLabelText(/^Numero di protocollo/), 'DG-2026-0815');
    await pick(user, /^Priorità/, 'Alta');
    await pick(user, /^Tutore/, 'Laura Verdi — Tutori volontari – Palermo');
    // A caseworker registers cases for themself: no caseworker to choose.
    expect(screen.queryByRole('combobox', { name: /^Operatore OIM che segue/ })).not.toBeInTheDocument();
    await next(user, /Passo 4 di 4: Controllo finale/);

    expect(screen.getByText('Ousmane Kanté')).toBeInTheDocument();
    expect(screen.getByText('da 15 a 17 anni')).toBeInTheDocument();
    expect(screen.getByText(palermo.name)).toBeInTheDocument();
    expect(screen.getByText('Laura Verdi')).toBeInTheDocument();
    await user.click(screen.getByTestId('intake-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${created.id}`));
    expect(await screen.findByText('Caso IF-2026-0101 creato.')).toBeInTheDocument();
    const creations = server.callsTo('POST', '/api/cases');
    expect(creations).toHaveLength(1);
    expect(creations[0]?.headers.get('X-Requested-With')).toBe('fetch');
    expect(lastBody(creations)).toEqual({
      minor: {
        firstName: 'Ousmane',
        lastName: 'Kanté',
        aliases: ['Usman Kante'],
        sex: 'M',
        nationality: 'GN',
        languages: ['Pular', 'Francese'],
        dateOfBirth: '2010-01-01',
        dobBasis: 'AGE_ASSESSMENT',
        ageAssessmentMin: 15,
        ageAssessmentMax: 17,
        dobIsDefaultJan1: true,
        presumedMinor: true,
        arrivalDate: '2026-09-01',
        arrivalMode: 'SEA',
        region: 'Sicilia',
        municipality: 'Palermo',
        receptionFacility: 'Centro di prima accoglienza (demo)',
        receptionType: 'FIRST',
        legalStatus: 'Permesso per minore età',
        asylumApplicant: false,
        vulnerabilities: ['Non accompagnato dalla partenza'],
      },
      channel: 'DG_MLPS',
      requestingOrganisationId: palermo.id,
      requestDate: today,
      dgProtocolNo: 'DG-2026-0815',
      priority: 'HIGH',
      riskLevel: 'UNKNOWN',
      guardianUserId: guardian.id,
    });
  });

  it("shows the server's field errors on the right step and takes the user there", async () => {
    const server = intakeApi({
      'POST /api/cases': () =>
        apiError(400, 'VALIDATION_FAILED', {
          fields: [
            { path: 'requestingOrganisationId', code: 'wrong_type', message: 'Expected an organisation of type SOCIAL_SERVICES or MINISTRY' },
            { path: 'minor.dateOfBirth', code: 'in_future', message: 'The date is in the future' },
          ],
        }),
    });
    const { router } = renderApp('/cases/new');
    const user = userEvent.setup({ delay: null });
    await fillIdentity(user);
    setDate(/^Data di nascita(?! convenzionale)/, '2011-05-04');
    await next(user, /Passo 2 di 4/);
    await next(user, /Passo 3 di 4/);
    await fillRequest(user);
    await next(user, /Passo 4 di 4/);

    await user.click(screen.getByTestId('intake-submit'));

    // The first problem in the order of the steps: the date of birth, on step 1.
    expect(await screen.findByRole('heading', { level: 2, name: /Passo 1 di 4: Il minore/ })).toBeInTheDocument();
    expect(await screen.findByText('La data non può essere nel futuro')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/^Data di nascita(?! convenzionale)/)).toHaveFocus());
    expect(screen.getByRole('alert')).toHaveTextContent('Il caso non è stato creato');
    expect(router.state.location.pathname).toBe('/cases/new');

    await next(user, /Passo 2 di 4/);
    await next(user, /Passo 3 di 4/);
    expect(screen.getByText('Questo ente non può essere scelto qui')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/cases')).toHaveLength(1);
  });

  it('has a supervisor choose the caseworker, and says so when a known person already has an open case', async () => {
    const supervisor = buildCurrentUser({ role: 'supervisor' });
    const server = intakeApi({ 'POST /api/cases': () => apiError(409, 'CONFLICT') }, supervisor);
    renderApp('/cases/new');
    const user = userEvent.setup({ delay: null });
    await fillIdentity(user);
    await next(user, /Passo 2 di 4/);
    await next(user, /Passo 3 di 4/);
    await fillRequest(user);

    await user.click(screen.getByTestId('intake-next'));
    expect(await screen.findByText('Campo obbligatorio')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Operatore OIM che segue/ })).toHaveFocus();
    await pick(user, /^Operatore OIM che segue/, 'Sara Conti — OIM Roma');
    await next(user, /Passo 4 di 4/);
    await user.click(screen.getByTestId('intake-submit'));

    expect(await screen.findByText(/ha già un caso aperto/)).toBeInTheDocument();
    expect(lastBody(server.callsTo('POST', '/api/cases'))).toMatchObject({ assignedCaseworkerId: colleague.id });
    expect(server.callsTo('GET', '/api/directory/users').map((call) => call.query.get('role')).sort()).toEqual(['caseworker', 'guardian']);
  });

  it('moves on with Enter, and asks before leaving with what was typed', async () => {
    const server = intakeApi({ 'GET /api/cases': () => json(200, { items: [], nextCursor: null }) });
    const { router } = renderApp('/cases/new');
    const user = userEvent.setup({ delay: null });
    await fillIdentity(user);

    await user.type(screen.getByLabelText(/^Cognome/), '{enter}');
    expect(await screen.findByRole('heading', { level: 2, name: /Passo 2 di 4/ })).toHaveFocus();

    await user.click(screen.getByRole('link', { name: "Torna all'elenco dei casi" }));
    expect(await screen.findByText('Uscire senza creare il caso?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resta e continua' }));
    expect(router.state.location.pathname).toBe('/cases/new');
    expect(screen.getByRole('heading', { level: 2, name: /Passo 2 di 4/ })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: "Torna all'elenco dei casi" }));
    await user.click(await screen.findByRole('button', { name: 'Esci senza salvare' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/cases'));
    expect(server.callsTo('POST', '/api/cases')).toHaveLength(0);
  });

  it('keeps other roles out of the intake', async () => {
    const server = mockApi({ 'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'guardian' })) });
    const { router } = renderApp('/cases/new');

    await waitFor(() => expect(router.state.location.pathname).not.toBe('/cases/new'));
    expect(server.callsTo('GET', '/api/directory/organisations')).toHaveLength(0);
  });
});
