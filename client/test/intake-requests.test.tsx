import type { CaseAssignment, CaseDetail, IncomingRequest, IncomingRequestPage } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser, buildDirectoryUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const unit = { id: '10000000-0000-4000-8000-000000000001', name: 'OIM Roma', type: 'IOM_UNIT' as const };
const supervisor = buildCurrentUser({ role: 'supervisor', displayName: 'Giulia Ferri', organisation: unit });
const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Marco Bellini', organisation: unit });
const sara = buildDirectoryUser({ id: '20000000-0000-4000-8000-000000000001', name: 'Sara Conti', role: 'caseworker', organisationName: 'OIM Roma' });
const marco = buildDirectoryUser({ id: '20000000-0000-4000-8000-000000000002', name: 'Marco Bellini', role: 'caseworker', organisationName: 'OIM Roma' });

let sequence = 0;
const id = (prefix: string) => {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
};

const buildRequest = (overrides: Partial<IncomingRequest> = {}): IncomingRequest => ({
  id: id('0a100000'),
  caseId: id('c0100000'),
  caseNumber: 'IF-2026-0201',
  state: 'RECEIVED',
  submittedAt: '2026-11-20T10:15:00.000Z',
  organisation: { id: id('0b100000'), name: 'Comune di Milano – Servizi sociali' },
  submittedBy: { id: id('0e100000'), displayName: 'Chiara Galli' },
  minor: { firstName: 'Yusuf', lastName: 'Kamara', sex: 'M', nationality: 'GN', dateOfBirth: '2009-03-14' },
  channel: 'OTHER',
  dgProtocolNo: null,
  questions: ['La famiglia può riaccogliere il ragazzo?', 'Ci sono rischi per il minore in caso di rientro?'],
  familyInformation: 'Madre a Conakry, quartiere Matam.',
  assignedCaseworker: null,
  ...overrides,
});

const page = (items: IncomingRequest[]): IncomingRequestPage => ({ items, nextCursor: null });

const assignment = (caseId: string, name = 'Sara Conti', previous: CaseAssignment['previousCaseworker'] = null): CaseAssignment => ({
  caseId,
  assignedCaseworker: { id: sara.id, name },
  previousCaseworker: previous,
  assignedAt: '2026-11-22T10:00:00.000Z',
});

// A fake server with the queue (?unassigned=true: those without a caseworker) and the directory.
const renderQueue = (requests: IncomingRequest[], handlers: Parameters<typeof mockApi>[0] = {}, path = '/intake/requests') => {
  const state = { requests };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, supervisor),
    'GET /api/intake/requests': ({ query }) =>
      json(200, page(query.get('unassigned') === 'true' ? state.requests.filter((request) => !request.assignedCaseworker) : state.requests)),
    'GET /api/directory/users': ({ query }) => json(200, { items: query.get('role') === 'caseworker' ? [sara, marco] : [] }),
    ...handlers,
  });
  return { server, state, ...renderApp(path) };
};

const openAssign = async (user: ReturnType<typeof userEvent.setup>, caseNumber: string) => {
  await user.click(await screen.findByRole('button', { name: `Assegna il caso ${caseNumber}` }));
  return within(await screen.findByTestId('assign-form'));
};

type Form = Awaited<ReturnType<typeof openAssign>>;

// Waits for the caseworkers (and the "choose" line), picks one, writes the reason and sends.
const fillAndSend = async (user: ReturnType<typeof userEvent.setup>, form: Form, caseworkerId: string, reason: string) => {
  await waitFor(() => expect(form.getAllByRole('option')).toHaveLength(3));
  await user.selectOptions(form.getByRole('combobox', { name: /^Operatore OIM/ }), caseworkerId);
  await user.type(form.getByRole('textbox', { name: /^Motivo/ }), reason);
  await user.click(form.getByTestId('assign-confirm'));
};

describe('incoming requests from social services', () => {
  beforeEach(resetClientState);

  it('lists the requests waiting for a caseworker: office, minor, nationality, date received and the questions', async () => {
    const waiting = buildRequest();
    const assigned = buildRequest({ caseNumber: 'IF-2026-0199', assignedCaseworker: { id: marco.id, name: 'Marco Bellini' } });
    const { server, router } = renderQueue([waiting, assigned]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Richieste in arrivo dai servizi sociali' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).getByRole('link', { name: 'Richieste in arrivo' })).toHaveAttribute('aria-current', 'page');
    const cards = await screen.findAllByTestId('incoming-request');
    expect(cards).toHaveLength(1);
    const card = within(cards[0]!);
    expect(card.getByRole('heading', { name: 'Yusuf Kamara' })).toBeInTheDocument();
    expect(card.getByRole('link', { name: 'Apri il caso IF-2026-0201' })).toHaveAttribute('href', `/cases/${waiting.caseId}`);
    expect(card.getByText('Comune di Milano – Servizi sociali (inviata da Chiara Galli)')).toBeInTheDocument();
    expect(card.getByText('Guinea')).toBeInTheDocument();
    expect(card.getByText('20/11/2026')).toBeInTheDocument();
    expect(card.getByText('14/03/2009')).toBeInTheDocument();
    expect(within(card.getByTestId('incoming-questions')).getAllByRole('listitem').map((item) => item.textContent)).toEqual(waiting.questions);
    expect(card.getByTestId('incoming-assigned')).toHaveTextContent('Da assegnare');
    expect(server.callsTo('GET', '/api/intake/requests')[0]?.query.get('unassigned')).toBe('true');

    // "All" also shows the assigned ones, and keeps the choice in the URL.
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Tutte' }));
    await waitFor(() => expect(screen.getAllByTestId('incoming-request')).toHaveLength(2));
    expect(router.state.location.search).toBe('?show=all');
    expect(within(screen.getAllByTestId('incoming-request')[1]!).getByTestId('incoming-assigned')).toHaveTextContent('Assegnata a Marco Bellini');
    expect(server.callsTo('GET', '/api/intake/requests')[1]?.query.has('unassigned')).toBe(false);
  });

  it('says so when nothing is waiting', async () => {
    renderQueue([]);
    expect(await screen.findByTestId('incoming-empty')).toHaveTextContent('Nessuna richiesta in attesa di assegnazione.');
  });

  it('assigns a caseworker with the reason, then refreshes the queue', async () => {
    const waiting = buildRequest();
    const { server, state } = renderQueue([waiting], {
      [`POST /api/cases/${waiting.caseId}/assignment`]: () => {
        state.requests = [{ ...waiting, assignedCaseworker: { id: sara.id, name: 'Sara Conti' } }];
        return json(200, assignment(waiting.caseId));
      },
    });
    const user = userEvent.setup();
    const form = await openAssign(user, 'IF-2026-0201');

    // Only caseworkers are offered; nothing is sent before both fields are filled.
    await waitFor(() => expect(form.getAllByRole('option').map((option) => option.textContent)).toEqual(['Scegli un operatore', 'Sara Conti', 'Marco Bellini']));
    await user.click(form.getByTestId('assign-confirm'));
    expect(form.getByRole('combobox', { name: /^Operatore OIM/ })).toHaveAccessibleDescription(/Campo obbligatorio/);
    expect(server.callsTo('POST', `/api/cases/${waiting.caseId}/assignment`)).toHaveLength(0);

    await fillAndSend(user, form, sara.id, 'Parla arabo e francese');

    expect(await screen.findByText('Caso IF-2026-0201 assegnato a Sara Conti.')).toBeInTheDocument();
    const [call] = server.callsTo('POST', `/api/cases/${waiting.caseId}/assignment`);
    expect(call?.body).toEqual({ caseworkerId: sara.id, reason: 'Parla arabo e francese' });
    expect(call?.headers.get('X-Requested-With')).toBe('fetch');
    expect(await screen.findByTestId('incoming-empty')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('assign-form')).not.toBeInTheDocument());
  });

  it('shows a 409 in plain words and keeps the form', async () => {
    const waiting = buildRequest();
    const { server } = renderQueue([waiting], {
      [`POST /api/cases/${waiting.caseId}/assignment`]: () => apiError(409, 'CONFLICT'),
    });
    const user = userEvent.setup();
    const form = await openAssign(user, 'IF-2026-0201');
    await fillAndSend(user, form, sara.id, 'Carico di lavoro');

    const alert = await form.findByTestId('assign-error');
    expect(alert).toHaveTextContent('Assegnazione non riuscita');
    expect(alert).toHaveTextContent('Il caso è già seguito da questo operatore, oppure è chiuso.');
    expect(alert).not.toHaveTextContent('server message');
    expect(server.callsTo('POST', `/api/cases/${waiting.caseId}/assignment`)).toHaveLength(1);
    expect(screen.getByTestId('incoming-assigned')).toHaveTextContent('Da assegnare');
  });

  it('names the fields at fault when the server refuses the data (422)', async () => {
    const waiting = buildRequest();
    renderQueue([waiting], {
      [`POST /api/cases/${waiting.caseId}/assignment`]: () =>
        apiError(422, 'TRANSITION_NOT_ALLOWED', {
          fields: [
            { path: 'caseworkerId', code: 'other_unit', message: 'The caseworker belongs to another unit' },
            { path: 'reason', code: 'too_small', message: 'Too short' },
          ],
        }),
    });
    const user = userEvent.setup();
    const form = await openAssign(user, 'IF-2026-0201');
    await fillAndSend(user, form, marco.id, 'ok!');

    const fields = within(await form.findByTestId('assign-error-fields'));
    expect(fields.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      "Operatore OIM: La persona scelta lavora in un'altra unità",
      'Motivo: Il testo è troppo breve (almeno 3 caratteri)',
    ]);
    expect(form.getByTestId('assign-error')).toHaveTextContent('Alcuni dati non sono validi: controlla i campi indicati.');
    expect(form.getByRole('combobox', { name: /^Operatore OIM/ })).toHaveAccessibleDescription(/lavora in un'altra unità/);
  });

  it('shows a 403 and a 404 in plain words', async () => {
    const first = buildRequest({ caseNumber: 'IF-2026-0301' });
    const second = buildRequest({ caseNumber: 'IF-2026-0302' });
    renderQueue([first, second], {
      [`POST /api/cases/${first.caseId}/assignment`]: () => apiError(403, 'FORBIDDEN'),
      [`POST /api/cases/${second.caseId}/assignment`]: () => apiError(404, 'NOT_FOUND'),
    });
    const user = userEvent.setup();
    for (const [request, text] of [
      [first, 'Solo un supervisore può assegnare i casi.'],
      [second, 'Il caso non esiste più, oppure non è più visibile a te.'],
    ] as const) {
      const form = await openAssign(user, request.caseNumber);
      await fillAndSend(user, form, sara.id, 'Nuova richiesta');
      expect(await form.findByTestId('assign-error')).toHaveTextContent(text);
      await user.click(form.getByRole('button', { name: 'Annulla' }));
      await waitFor(() => expect(screen.queryByTestId('assign-form')).not.toBeInTheDocument());
    }
  });

  it('gives a caseworker no menu entry, and the page says it is not allowed without asking the server', async () => {
    const server = mockApi({ 'GET /api/auth/me': () => json(200, caseworker) });
    renderApp('/intake/requests');

    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina non consentita' })).toBeInTheDocument();
    expect(screen.getByTestId('incoming-not-allowed')).toHaveTextContent('riservate ai supervisori');
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).queryByRole('link', { name: 'Richieste in arrivo' })).not.toBeInTheDocument();
    expect(server.callsTo('GET', '/api/intake/requests')).toHaveLength(0);
    expect(server.callsTo('GET', '/api/directory/users')).toHaveLength(0);
  });

  it('is in English too', async () => {
    renderQueue([buildRequest({ dgProtocolNo: 'DG-123', channel: 'DG_MLPS' })]);
    await screen.findByTestId('incoming-request');
    await userEvent.setup().click(screen.getByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Incoming requests from social services' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('link', { name: 'Incoming requests' })).toBeInTheDocument();
    expect(screen.getByText('Request from the Directorate-General (Ministry of Labour), protocol DG-123')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Assign case IF-2026-0201' })).toBeInTheDocument();
  });
});

describe('case header: the caseworker and the assignment', () => {
  beforeEach(resetClientState);

  const renderCase = (caseRecord: CaseDetail, user = supervisor, handlers: Parameters<typeof mockApi>[0] = {}) => {
    const state = { current: caseRecord };
    const server = mockApi({
      'GET /api/auth/me': () => json(200, user),
      [`GET /api/cases/${caseRecord.id}`]: () => json(200, state.current),
      'GET /api/directory/users': () => json(200, { items: [sara, marco] }),
      ...handlers,
    });
    return { server, state, ...renderApp(`/cases/${caseRecord.id}`) };
  };

  it('lets a supervisor assign an unassigned case from the header, then shows the new caseworker', async () => {
    const caseRecord = buildCaseFileCase({ state: 'RECEIVED', caseNumber: 'IF-2026-0201', assignedCaseworker: null });
    const { server, state } = renderCase(caseRecord, supervisor, {
      [`POST /api/cases/${caseRecord.id}/assignment`]: () => {
        state.current = { ...caseRecord, assignedCaseworker: { id: sara.id, name: 'Sara Conti' } };
        return json(200, assignment(caseRecord.id));
      },
    });
    const header = within(await screen.findByTestId('case-header'));
    expect(header.getByTestId('case-caseworker')).toHaveTextContent('Nessuno: il caso è da assegnare');
    const user = userEvent.setup();
    await user.click(header.getByRole('button', { name: 'Assegna un operatore' }));
    const form = within(await screen.findByTestId('assign-form'));
    await fillAndSend(user, form, sara.id, 'Nuova richiesta dal Comune');

    await waitFor(() => expect(header.getByTestId('case-caseworker')).toHaveTextContent('Sara Conti'));
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/assignment`)[0]?.body).toEqual({ caseworkerId: sara.id, reason: 'Nuova richiesta dal Comune' });
    // The case was asked again after the assignment.
    expect(server.callsTo('GET', `/api/cases/${caseRecord.id}`).length).toBeGreaterThan(1);
    expect(header.getByRole('button', { name: 'Riassegna' })).toBeInTheDocument();
  });

  it('offers reassignment without the current caseworker, and none on a closed case or to a caseworker', async () => {
    const assigned = buildCaseFileCase({ state: 'SCREENING', assignedCaseworker: { id: marco.id, name: 'Marco Bellini' } });
    const first = renderCase(assigned);
    const header = within(await screen.findByTestId('case-header'));
    expect(header.getByTestId('case-caseworker')).toHaveTextContent('Marco Bellini');
    const user = userEvent.setup();
    await user.click(header.getByRole('button', { name: 'Riassegna' }));
    const form = within(await screen.findByTestId('assign-form'));
    expect(form.getByText(/Oggi il caso è seguito da Marco Bellini/)).toBeInTheDocument();
    await waitFor(() => expect(form.getAllByRole('option').map((option) => option.textContent)).toEqual(['Scegli un operatore', 'Sara Conti']));
    first.unmount();

    const closed = renderCase(buildCaseFileCase({ state: 'WITHDRAWN', assignedCaseworker: { id: marco.id, name: 'Marco Bellini' } }));
    expect(await screen.findByTestId('case-caseworker')).toHaveTextContent('Marco Bellini');
    expect(screen.queryByTestId('case-assign')).not.toBeInTheDocument();
    closed.unmount();

    renderCase(buildCaseFileCase({ state: 'SCREENING', assignedCaseworker: { id: caseworker.id, name: 'Marco Bellini' } }), caseworker);
    expect(await screen.findByTestId('case-caseworker')).toHaveTextContent('Marco Bellini');
    expect(screen.queryByTestId('case-assign')).not.toBeInTheDocument();
  });
});
