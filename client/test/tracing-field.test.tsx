import type { TracingRequestDetail } from '@app/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';
import {
  buildAssessment,
  buildAttempt,
  buildFamilyConsent,
  buildTracingDetail,
  buildTracingSummary,
  MOTHER_ID,
  UNCLE_ID,
} from './support/tracing-fixtures';

const fieldOfficer = buildCurrentUser({
  role: 'field_officer',
  displayName: 'Nour El-Sayed',
  organisation: { id: 'b2000000-0000-4000-8000-000000000001', name: 'OIM Il Cairo', type: 'IOM_MISSION' },
});

type Handlers = Parameters<typeof mockApi>[0];

// Serves the request from a variable, so that a write "on the server" shows on the next read.
const renderRequest = (initial: TracingRequestDetail, handlers: Handlers = {}) => {
  const state = { current: initial };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, fieldOfficer),
    [`GET /api/tracing-requests/${initial.id}`]: () => json(200, state.current),
    ...handlers,
  });
  return { server, state, ...renderApp(`/tracing-requests/${initial.id}`) };
};

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('family tracing: the field officer', () => {
  beforeEach(resetClientState);

  it('goes from "/" to the mission\'s tracing requests: rows, status, overdue highlight, and "load more"', async () => {
    const working = buildTracingSummary({ minorDisplayName: 'Mohamed Ibrahim', status: 'IN_PROGRESS', contactAttemptCount: 2 });
    const late = buildTracingSummary({ minorDisplayName: 'Rahim Uddin', status: 'SENT', dueAt: daysAgo(3), overdue: true });
    const cancelled = buildTracingSummary({ status: 'CANCELLED', minorDisplayName: null, targetMemberCount: null, cancelledAt: daysAgo(1) });
    const server = mockApi({
      'GET /api/auth/me': () => json(200, fieldOfficer),
      'GET /api/tracing-requests': ({ query }) =>
        query.get('cursor') === 'page-2'
          ? json(200, { items: [cancelled], nextCursor: null })
          : json(200, { items: [working, late], nextCursor: 'page-2' }),
    });
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Richieste di indagine' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tracing-requests');
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).getByRole('link', { name: 'Richieste di indagine' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).queryByRole('link', { name: 'Casi' })).not.toBeInTheDocument();

    const rows = await screen.findAllByTestId('tracing-request-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole('link', { name: 'Mohamed Ibrahim' })).toHaveAttribute('href', `/tracing-requests/${working.id}`);
    expect(first.getByTestId('tracing-status')).toHaveTextContent('In corso');
    expect(first.getByText('Egitto')).toBeInTheDocument();
    expect(first.queryByText('In ritardo')).not.toBeInTheDocument();
    const second = within(rows[1] as HTMLElement);
    expect(second.getByTestId('tracing-status')).toHaveTextContent('Inviata alla missione');
    // Overdue: said in words, not only in colour.
    expect(second.getByTestId('tracing-due')).toHaveAttribute('data-overdue', 'true');
    expect(second.getByText('In ritardo')).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Carica altre richieste' }));

    await waitFor(() => expect(screen.getAllByTestId('tracing-request-row')).toHaveLength(3));
    const third = within(screen.getAllByTestId('tracing-request-row')[2] as HTMLElement);
    expect(third.getByTestId('tracing-status')).toHaveTextContent('Annullata');
    expect(third.getByRole('link', { name: /^Richiesta annullata/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Carica altre richieste' })).not.toBeInTheDocument();
    const calls = server.callsTo('GET', '/api/tracing-requests');
    expect(calls.map((call) => call.query.get('cursor'))).toEqual([null, 'page-2']);
    expect(calls[0]?.query.get('limit')).toBe('20');
  });

  it('speaks English too', async () => {
    const late = buildTracingSummary({ minorDisplayName: 'Rahim Uddin', status: 'IN_PROGRESS', dueAt: daysAgo(3), overdue: true });
    mockApi({
      'GET /api/auth/me': () => json(200, fieldOfficer),
      'GET /api/tracing-requests': () => json(200, { items: [late], nextCursor: null }),
    });
    renderApp('/tracing-requests');
    const row = within(await screen.findByTestId('tracing-request-row'));

    await userEvent.setup().click(screen.getByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Tracing requests' })).toBeInTheDocument();
    expect(row.getByTestId('tracing-status')).toHaveTextContent('In progress');
    expect(row.getByText('Overdue')).toBeInTheDocument();
    expect(row.getByText('Egypt')).toBeInTheDocument();
  });

  it('says so when the mission has no requests', async () => {
    mockApi({
      'GET /api/auth/me': () => json(200, fieldOfficer),
      'GET /api/tracing-requests': () => json(200, { items: [], nextCursor: null }),
    });
    renderApp('/tracing-requests');
    expect(await screen.findByTestId('tracing-list-empty')).toHaveTextContent('Non ci sono richieste di indagine per la tua missione.');
  });

  it('lays out the packet for fieldwork with a loud "do not contact" warning', async () => {
    const request = buildTracingDetail();
    renderRequest(request);

    expect(await screen.findByRole('heading', { level: 1, name: 'Indagine familiare: Mohamed Ibrahim' })).toBeInTheDocument();
    const warning = screen.getByTestId('do-not-contact-warning');
    expect(warning).toHaveTextContent('Da non contattare');
    expect(warning).toHaveTextContent('Khaled Ibrahim');
    expect(warning).not.toHaveTextContent('Amina');
    const targets = within(screen.getByTestId('packet-targets'));
    expect(targets.getByText('12 Nile Street')).toBeInTheDocument();
    expect(targets.getByRole('link', { name: '+20 100 555 0101' })).toHaveAttribute('href', 'tel:+201005550101');
    expect(within(screen.getByTestId('packet-questions')).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByTestId('packet-safety')).toHaveTextContent('Incontrare solo la madre');
    expect(screen.getByTestId('packet-minor')).toHaveTextContent('Data convenzionale');
    expect(screen.getByTestId('tracing-next-step')).toHaveTextContent('registra ogni tentativo');
  });

  it('never lets a "do not contact" relative be chosen for a contact attempt', async () => {
    const request = buildTracingDetail();
    const { server, state } = renderRequest(request, {
      [`POST /api/tracing-requests/${request.id}/contact-attempts`]: ({ body }) => {
        const attempt = buildAttempt({ ...(body as object), familyMemberId: MOTHER_ID });
        state.current = { ...state.current, status: 'IN_PROGRESS', contactAttempts: [attempt] };
        return json(201, attempt);
      },
    });
    const form = within(await screen.findByTestId('contact-attempt-form'));
    const user = userEvent.setup();
    const member = form.getByLabelText(/^Familiare contattato/);

    expect(form.getByRole('option', { name: 'NON CONTATTARE — Khaled Ibrahim (zio)' })).toBeDisabled();
    expect(form.getByRole('option', { name: 'Amina Ibrahim (madre)' })).toBeEnabled();

    // Even if the page were tampered with, the uncle is refused before anything is sent.
    fireEvent.change(member, { target: { value: UNCLE_ID } });
    await user.click(form.getByRole('radio', { name: 'Telefono' }));
    await user.type(form.getByLabelText(/^Com'è andata/), 'Nessuna risposta');
    await user.click(form.getByRole('button', { name: 'Registra il tentativo' }));
    expect(await form.findByText('Questa persona non va contattata: scegli un altro familiare')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/tracing-requests/${request.id}/contact-attempts`)).toHaveLength(0);

    await user.selectOptions(member, MOTHER_ID);
    await user.click(form.getByRole('button', { name: 'Registra il tentativo' }));

    await waitFor(() => expect(server.callsTo('POST', `/api/tracing-requests/${request.id}/contact-attempts`)).toHaveLength(1));
    const [call] = server.callsTo('POST', `/api/tracing-requests/${request.id}/contact-attempts`);
    expect(call?.body).toEqual({ attemptedAt: expect.stringMatching(/Z$/), channel: 'PHONE', result: 'Nessuna risposta', familyMemberId: MOTHER_ID });
    expect(call?.headers.get('X-Requested-With')).toBe('fetch');
    expect(await screen.findByText('Tentativo di contatto registrato.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('contact-attempt-row')).toHaveLength(1));
    expect(within(screen.getByTestId('contact-attempt-row')).getByText('Amina Ibrahim (madre)')).toBeInTheDocument();
  });

  it('shows the server\'s field error when a relative was flagged "do not contact" after sending', async () => {
    const request = buildTracingDetail();
    renderRequest(request, {
      [`POST /api/tracing-requests/${request.id}/contact-attempts`]: () =>
        apiError(400, 'VALIDATION_FAILED', { fields: [{ path: 'familyMemberId', code: 'do_not_contact', message: 'madre is flagged' }] }),
    });
    const form = within(await screen.findByTestId('contact-attempt-form'));
    const user = userEvent.setup();
    await user.selectOptions(form.getByLabelText(/^Familiare contattato/), MOTHER_ID);
    await user.click(form.getByRole('radio', { name: 'Visita a casa' }));
    await user.type(form.getByLabelText(/^Com'è andata/), 'Visita fatta');
    await user.click(form.getByRole('button', { name: 'Registra il tentativo' }));

    expect(await form.findByText('Questa persona non va contattata: scegli un altro familiare')).toBeInTheDocument();
    expect(form.queryByText('madre is flagged')).not.toBeInTheDocument();
  });

  it('asks for confirmation before recording the outcome, which closes the request', async () => {
    const request = buildTracingDetail({ status: 'IN_PROGRESS', contactAttempts: [buildAttempt()] });
    const { server, state } = renderRequest(request, {
      [`POST /api/tracing-requests/${request.id}/outcome`]: ({ body }) => {
        state.current = { ...state.current, status: 'FAILED', outcome: 'NOT_LOCATED', outcomeNotes: (body as { notes: string }).notes, outcomeRecordedAt: new Date().toISOString() };
        return json(200, state.current);
      },
    });
    const form = within(await screen.findByTestId('outcome-form'));
    const user = userEvent.setup();
    await user.click(form.getByRole('radio', { name: /^Famiglia non rintracciata/ }));
    await user.type(form.getByLabelText(/^Note sull'esito/), "Nessuno all'indirizzo indicato");
    await user.click(form.getByRole('button', { name: "Registra l'esito…" }));

    let dialog = await screen.findByRole('dialog', { name: "Confermi l'esito?" });
    expect(dialog).toHaveTextContent('«Famiglia non rintracciata»');
    expect(dialog).toHaveTextContent("La richiesta verrà chiusa e l'esito non si potrà più cambiare.");
    await user.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(server.callsTo('POST', `/api/tracing-requests/${request.id}/outcome`)).toHaveLength(0);

    await user.click(form.getByRole('button', { name: "Registra l'esito…" }));
    dialog = await screen.findByRole('dialog', { name: "Confermi l'esito?" });
    await user.click(within(dialog).getByRole('button', { name: 'Conferma e chiudi la richiesta' }));

    await waitFor(() => expect(server.callsTo('POST', `/api/tracing-requests/${request.id}/outcome`)).toHaveLength(1));
    expect(server.callsTo('POST', `/api/tracing-requests/${request.id}/outcome`)[0]?.body).toEqual({ outcome: 'NOT_LOCATED', notes: "Nessuno all'indirizzo indicato" });
    expect(await screen.findByTestId('tracing-closed')).toBeInTheDocument();
    expect(screen.queryByTestId('contact-attempt-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('outcome-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('tracing-outcome')).toHaveTextContent("Nessuno all'indirizzo indicato");
  });

  it('lists the unmet preconditions the server reports on 422', async () => {
    const request = buildTracingDetail({ status: 'SENT' });
    renderRequest(request, {
      [`POST /api/tracing-requests/${request.id}/outcome`]: () =>
        apiError(422, 'TRANSITION_NOT_ALLOWED', { unmet: [{ code: 'CONTACT_ATTEMPT_LOGGED', message: 'Log at least one contact attempt' }] }),
    });
    const form = within(await screen.findByTestId('outcome-form'));
    const user = userEvent.setup();
    await user.click(form.getByRole('radio', { name: /^Famiglia rintracciata/ }));
    await user.type(form.getByLabelText(/^Note sull'esito/), 'Trovata la madre');
    await user.click(form.getByRole('button', { name: "Registra l'esito…" }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Conferma e chiudi la richiesta' }));

    const unmet = await form.findByTestId('tracing-unmet');
    expect(unmet).toHaveTextContent('Prima di procedere serve ancora:');
    expect(unmet).toHaveTextContent('Almeno un tentativo di contatto registrato');
    expect(unmet).not.toHaveTextContent('Log at least one');
  });

  it('saves the assessment with If-Match after the first save, and keeps the typed text on 412', async () => {
    const request = buildTracingDetail({
      status: 'COMPLETED',
      outcome: 'LOCATED',
      interviewMode: 'HOME_VISIT',
      contactAttempts: [buildAttempt()],
      familyConsents: [buildFamilyConsent()],
    });
    let puts = 0;
    const path = `/api/tracing-requests/${request.id}/assessment`;
    const { server, state } = renderRequest(request, {
      [`PUT ${path}`]: ({ body }) => {
        puts += 1;
        const input = body as { sections: Record<string, string> };
        if (puts === 2) {
          // A colleague saved version 2 meanwhile.
          state.current = {
            ...state.current,
            assessment: buildAssessment({ tracingRequestId: request.id, version: 2, writtenBy: 'Karim Adel', sections: { household: 'La madre, il padre e tre figli', observations: 'Testo del collega' } }),
          };
          return apiError(412, 'PRECONDITION_FAILED', { currentVersion: 2 });
        }
        const saved = buildAssessment({ tracingRequestId: request.id, version: puts === 1 ? 1 : 3, sections: input.sections });
        state.current = { ...state.current, assessment: saved };
        return json(200, saved);
      },
    });
    const form = within(await screen.findByTestId('assessment-form'));
    const user = userEvent.setup();

    await user.type(form.getByLabelText(/^Persone presenti/), 'Amina Ibrahim (madre)');
    await user.type(form.getByLabelText(/^Lingua del colloquio/), 'Arabo');
    await user.type(form.getByLabelText(/^Composizione del nucleo familiare/), 'La madre e tre figli');
    await user.click(form.getByRole('button', { name: 'Salva il colloquio' }));

    expect(await screen.findByText('Colloquio salvato.')).toBeInTheDocument();
    const [first] = server.callsTo('PUT', path);
    expect(first?.headers.get('If-Match')).toBeNull();
    expect(first?.body).toEqual({
      interviewDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      interviewMode: 'HOME_VISIT',
      personsPresent: ['Amina Ibrahim (madre)'],
      languageOriginal: 'Arabo',
      sections: { household: 'La madre e tre figli' },
    });

    const observations = form.getByLabelText(/^Osservazioni di chi ha condotto il colloquio/);
    await user.type(observations, 'Seconda visita: famiglia serena');
    await user.click(form.getByRole('button', { name: 'Salva il colloquio' }));

    const conflict = await screen.findByTestId('assessment-conflict');
    expect(conflict).toHaveTextContent('Qualcun altro ha salvato il colloquio mentre scrivevi');
    expect(server.callsTo('PUT', path)[1]?.headers.get('If-Match')).toBe('1');
    // Nothing typed is lost.
    expect(observations).toHaveValue('Seconda visita: famiglia serena');
    expect(form.getByLabelText(/^Composizione del nucleo familiare/)).toHaveValue('La madre e tre figli');
    await waitFor(() => expect(conflict).toHaveFocus());

    await user.click(within(conflict).getByRole('button', { name: 'Carica la versione salvata' }));

    expect(await screen.findByTestId('assessment-server-observations')).toHaveTextContent('Testo del collega');
    expect(screen.getByTestId('assessment-conflict')).toHaveTextContent('Versione salvata da Karim Adel');
    expect(observations).toHaveValue('Seconda visita: famiglia serena');

    // The officer merges one section from the colleague's version, then saves over version 2.
    await user.click(form.getByRole('button', { name: 'Usa la versione salvata per «Composizione del nucleo familiare»' }));
    expect(form.getByLabelText(/^Composizione del nucleo familiare/)).toHaveValue('La madre, il padre e tre figli');
    await user.click(form.getByRole('button', { name: 'Salva la mia versione' }));

    await waitFor(() => expect(server.callsTo('PUT', path)).toHaveLength(3));
    const third = server.callsTo('PUT', path)[2];
    expect(third?.headers.get('If-Match')).toBe('2');
    expect((third?.body as { sections: object }).sections).toEqual({ household: 'La madre, il padre e tre figli', observations: 'Seconda visita: famiglia serena' });
    await waitFor(() => expect(screen.queryByTestId('assessment-conflict')).not.toBeInTheDocument());
  });

  it('records a family member\'s consent, with the "do not contact" uncle not choosable', async () => {
    const request = buildTracingDetail({ status: 'IN_PROGRESS', contactAttempts: [buildAttempt()] });
    const { server } = renderRequest(request, {
      [`POST /api/tracing-requests/${request.id}/family-consents`]: () => json(201, buildFamilyConsent({ tracingRequestId: request.id })),
    });
    const form = within(await screen.findByTestId('family-consent-form'));
    const user = userEvent.setup();
    expect(form.getByRole('option', { name: 'NON CONTATTARE — Khaled Ibrahim (zio)' })).toBeDisabled();
    await user.selectOptions(form.getByLabelText(/^Familiare che dà il consenso/), MOTHER_ID);
    await user.type(form.getByLabelText(/^Lingua in cui è stato spiegato/), 'Arabo egiziano');
    await user.click(form.getByRole('button', { name: 'Registra il consenso' }));

    expect(await screen.findByText('Consenso registrato.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/tracing-requests/${request.id}/family-consents`)[0]?.body).toEqual({
      familyMemberId: MOTHER_ID,
      scope: 'INTERVIEW',
      language: 'Arabo egiziano',
      informedBy: 'Nour El-Sayed',
      givenAt: expect.stringMatching(/Z$/),
      mediatorPresent: false,
    });
  });

  it('shows a cancelled request only as cancelled', async () => {
    const request = buildTracingDetail({ status: 'CANCELLED', packet: null, cancelledAt: daysAgo(1), cancelReason: 'Consent withdrawn' });
    renderRequest(request);

    expect(await screen.findByRole('heading', { level: 1, name: 'Richiesta di indagine annullata' })).toBeInTheDocument();
    expect(screen.getByTestId('tracing-cancelled')).toHaveTextContent('Motivo: Consent withdrawn');
    expect(screen.queryByTestId('do-not-contact-warning')).not.toBeInTheDocument();
    expect(screen.queryByTestId('contact-attempt-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('packet-targets')).not.toBeInTheDocument();
  });
});
