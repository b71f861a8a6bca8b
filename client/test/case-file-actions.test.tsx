import type { CaseDetail } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFileCase, buildTransition } from './support/case-file-fixtures';
import { buildCurrentUser, dateOfBirthForAge } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
const supervisor = buildCurrentUser({ role: 'supervisor', displayName: 'Paola Conti' });

const startScreening = buildTransition({ id: 'start_screening', to: 'SCREENING' });
const requestInfo = buildTransition({ id: 'request_info', to: 'INFO_REQUESTED', needsReason: true });

type Handlers = Parameters<typeof mockApi>[0];

// Serves the case from a variable, so that a test can change it "on the server" between reads.
const renderCase = (initial: CaseDetail, user = caseworker, handlers: Handlers = {}, path = '') => {
  const state = { current: initial };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    [`GET /api/cases/${initial.id}`]: () => json(200, state.current),
    ...handlers,
  });
  return { server, state, ...renderApp(`/cases/${initial.id}${path}`) };
};

const nextSteps = () => within(screen.getByTestId('next-steps'));

describe('case file: next actions', () => {
  beforeEach(resetClientState);

  it('fires a transition with the case version in If-Match and shows the new state', async () => {
    const received = buildCaseFileCase({ state: 'RECEIVED', version: 4, transitions: [startScreening] });
    const screening = { ...received, state: 'SCREENING' as const, version: 5, transitions: [requestInfo] };
    const { server } = renderCase(received, caseworker, {
      [`POST /api/cases/${received.id}/transitions`]: () => json(200, screening),
    });
    await screen.findByRole('heading', { level: 1, name: 'Amir Haddad' });
    const user = userEvent.setup();

    await user.click(nextSteps().getByRole('button', { name: 'Avvia lo screening' }));

    expect(await screen.findByText('Fatto: il caso ora è in «Richiesta in esame».')).toBeInTheDocument();
    const [call] = server.callsTo('POST', `/api/cases/${received.id}/transitions`);
    expect(call?.headers.get('If-Match')).toBe('4');
    expect(call?.headers.get('X-Requested-With')).toBe('fetch');
    expect(call?.body).toEqual({ to: 'SCREENING' });
    expect(screen.getByTestId('case-state')).toHaveTextContent('Richiesta in esame');
    expect(nextSteps().getByTestId('transition-INFO_REQUESTED')).toHaveTextContent('Chiedi informazioni aggiuntive');
    // The button used is gone: the focus stays in the section instead of falling to the page.
    expect(screen.getByRole('heading', { name: 'Prossimi passi' })).toHaveFocus();
  });

  it('asks for a reason when the step needs one and sends it with the version', async () => {
    const screening = buildCaseFileCase({ state: 'SCREENING', version: 7, transitions: [requestInfo] });
    const { server } = renderCase(screening, caseworker, {
      [`POST /api/cases/${screening.id}/transitions`]: () =>
        json(200, { ...screening, state: 'INFO_REQUESTED', version: 8, transitions: [] }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Amir Haddad' });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('transition-INFO_REQUESTED'));
    const dialog = await screen.findByRole('dialog', { name: 'Chiedi informazioni aggiuntive' });
    const reason = within(dialog).getByLabelText(/^Motivazione/);
    await waitFor(() => expect(reason).toHaveFocus());

    // Empty: nothing is sent, the field says why.
    await user.click(within(dialog).getByRole('button', { name: 'Conferma' }));
    expect(await within(dialog).findByText('Campo obbligatorio')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${screening.id}/transitions`)).toHaveLength(0);

    await user.type(reason, 'Mancano i dati della madre');
    await user.click(within(dialog).getByRole('button', { name: 'Conferma' }));

    expect(await screen.findByText('Fatto: il caso ora è in «In attesa di informazioni aggiuntive».')).toBeInTheDocument();
    const [call] = server.callsTo('POST', `/api/cases/${screening.id}/transitions`);
    expect(call?.headers.get('If-Match')).toBe('7');
    expect(call?.body).toEqual({ to: 'INFO_REQUESTED', reason: 'Mancano i dati della madre' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('closes the reason dialog with Escape without sending anything', async () => {
    const screening = buildCaseFileCase({ state: 'SCREENING', transitions: [requestInfo] });
    const { server } = renderCase(screening);
    await screen.findByRole('heading', { level: 1, name: 'Amir Haddad' });
    const user = userEvent.setup();

    screen.getByTestId('transition-INFO_REQUESTED').focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Chiedi informazioni aggiuntive' });
    await waitFor(() => expect(within(dialog).getByLabelText(/^Motivazione/)).toHaveFocus());
    await user.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(server.callsTo('POST', `/api/cases/${screening.id}/transitions`)).toHaveLength(0);
  });

  it('says the case changed meanwhile on 412 and reloads it', async () => {
    const received = buildCaseFileCase({ state: 'RECEIVED', version: 4, transitions: [startScreening] });
    const { server, state } = renderCase(received, caseworker, {
      [`POST /api/cases/${received.id}/transitions`]: () => {
        // Someone else moved the case first.
        state.current = { ...received, state: 'SCREENING', version: 5, transitions: [requestInfo] };
        return apiError(412, 'PRECONDITION_FAILED', { currentVersion: 5 });
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Amir Haddad' });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('transition-SCREENING'));

    const feedback = await screen.findByTestId('transition-feedback');
    expect(feedback).toHaveTextContent('Il caso è cambiato nel frattempo');
    expect(feedback).toHaveTextContent('Qualcun altro ha modificato il caso');
    await waitFor(() => expect(feedback).toHaveTextContent('Lo stato era «Richiesta ricevuta», ora è «Richiesta in esame».'));
    expect(feedback).toHaveFocus();
    expect(server.callsTo('GET', `/api/cases/${received.id}`).length).toBeGreaterThanOrEqual(2);
    expect(screen.getByTestId('case-state')).toHaveTextContent('Richiesta in esame');
    expect(screen.queryByTestId('transition-SCREENING')).not.toBeInTheDocument();
  });

  it('lists the unmet preconditions the server reports on 422', async () => {
    const approve = buildTransition({ id: 'approve_tracing', to: 'READY_FOR_TRACING', firedBy: ['supervisor'] });
    const screening = buildCaseFileCase({ state: 'SCREENING', transitions: [approve] });
    renderCase(screening, supervisor, {
      [`POST /api/cases/${screening.id}/transitions`]: () =>
        apiError(422, 'TRANSITION_NOT_ALLOWED', {
          unmet: [
            { code: 'MINOR_CONSENT_TRACING', message: 'The minor has not consented' },
            { code: 'RISK_CHECK_PRE_TRACING_PROCEED', message: 'No approved risk check' },
          ],
        }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Amir Haddad' });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: "Approva per l'indagine familiare" }));

    const feedback = await screen.findByTestId('transition-feedback');
    expect(feedback).toHaveTextContent("Non è stato possibile eseguire «Approva per l'indagine familiare»");
    expect(feedback).toHaveTextContent("Consenso informato del minore all'indagine familiare");
    expect(feedback).toHaveTextContent("Valutazione del rischio prima dell'indagine, con esito favorevole");
    expect(feedback).not.toHaveTextContent('The minor has not consented');
  });

  it('shows blocked steps disabled, with what is missing and who can supply it, and others as waiting', async () => {
    const screening = buildCaseFileCase({
      state: 'SCREENING',
      transitions: [
        buildTransition({
          id: 'approve_tracing',
          to: 'READY_FOR_TRACING',
          allowedForYou: false,
          firedBy: ['supervisor'],
          unmet: [{ code: 'MINOR_CONSENT_TRACING', message: 'm', suppliedBy: ['caseworker', 'guardian'] }],
        }),
        buildTransition({
          id: 'withdraw',
          to: 'WITHDRAWN',
          unmet: [{ code: 'CONSENT_WITHDRAWN', message: 'm', suppliedBy: ['caseworker', 'guardian'] }],
        }),
        requestInfo,
      ],
    });
    const { server } = renderCase(screening);
    await screen.findByRole('heading', { level: 1, name: 'Amir Haddad' });

    const blocked = screen.getByTestId('transition-WITHDRAWN');
    expect(blocked).toBeDisabled();
    expect(blocked).toHaveTextContent('Chiudi il caso per consenso ritirato');
    expect(blocked).toHaveAccessibleDescription(/Ritiro del consenso registrato — può fornirlo: Operatore OIM, Tutore/);
    expect(screen.getByTestId('transition-INFO_REQUESTED')).toBeEnabled();

    // A supervisor's step: no button for the caseworker, just who can take it and what it lacks.
    expect(screen.queryByTestId('transition-READY_FOR_TRACING')).not.toBeInTheDocument();
    const waiting = screen.getByTestId('transition-waiting-READY_FOR_TRACING');
    expect(waiting).toHaveTextContent("Passare a: Pronto per l'indagine familiare");
    expect(waiting).toHaveTextContent('Chi può procedere: Supervisore');
    expect(waiting).toHaveTextContent("Consenso informato del minore all'indagine familiare — può fornirlo: Operatore OIM, Tutore");
    expect(within(screen.getByRole('region', { name: 'In attesa di altri' })).getByText(/Supervisore/)).toBeInTheDocument();

    await userEvent.setup().click(blocked);
    expect(server.callsTo('POST', `/api/cases/${screening.id}/transitions`)).toHaveLength(0);
  });

  it('shows the minor, the countdown to 18 and the priority in the header', async () => {
    const base = buildCaseFileCase();
    const caseRecord = buildCaseFileCase({
      caseNumber: 'IF-2026-0042',
      priority: 'URGENT',
      minor: { ...base.minor, firstName: 'Blerim', lastName: 'Hoxha', nationality: 'AL', dateOfBirth: dateOfBirthForAge(17) },
    });
    renderCase(caseRecord);

    expect(await screen.findByRole('heading', { level: 1, name: 'Blerim Hoxha' })).toBeInTheDocument();
    const header = within(screen.getByTestId('case-header'));
    expect(header.getByText(/17 anni · compie 18 anni tra \d+ giorni/)).toBeInTheDocument();
    expect(header.getByTestId('case-age-basis')).toHaveTextContent('età dichiarata');
    expect(header.getByText('Albania')).toBeInTheDocument();
    expect(header.getByText('IF-2026-0042')).toBeInTheDocument();
    expect(header.getByTestId('case-priority')).toHaveTextContent('Urgente');
    expect(header.getByTestId('case-state')).toHaveTextContent('Richiesta in esame');
  });

  it('gives the assessed age range as the basis of the age', async () => {
    const base = buildCaseFileCase();
    renderCase(buildCaseFileCase({ minor: { ...base.minor, dobBasis: 'AGE_ASSESSMENT', ageAssessmentMin: 16, ageAssessmentMax: 17 } }));
    expect(await screen.findByTestId('case-age-basis')).toHaveTextContent('da accertamento: 16–17 anni');
  });

  it('warns when the minor turns 18 in less than 90 days', async () => {
    const base = buildCaseFileCase();
    const now = new Date();
    const soon = new Date(Date.UTC(now.getFullYear() - 18, now.getMonth(), now.getDate() + 30)).toISOString().slice(0, 10);
    renderCase(buildCaseFileCase({ minor: { ...base.minor, dateOfBirth: soon } }));

    expect(await screen.findByTestId('turning-18-alert')).toHaveTextContent('Meno di 90 giorni ai 18 anni');
  });
});

describe('case file: read-only users', () => {
  beforeEach(resetClientState);

  it("gives a court clerk the steps that wait for the court in full, and the others by name only", async () => {
    const clerk = buildCurrentUser({ role: 'court', displayName: 'Cancelleria TM Milano' });
    const caseRecord = buildCaseFileCase({
      state: 'COURT_PENDING',
      transitions: [
        buildTransition({ id: 'court_approves', to: 'COURT_APPROVED', allowedForYou: false, firedBy: ['caseworker', 'supervisor'], unmet: [{ code: 'COURT_DECISION_RECORDED', message: 'm', suppliedBy: ['court', 'caseworker'] }] }),
        buildTransition({ id: 'withdraw', to: 'WITHDRAWN', allowedForYou: false, firedBy: ['caseworker', 'supervisor'], unmet: [{ code: 'CONSENT_WITHDRAWN', message: 'm', suppliedBy: ['caseworker', 'guardian'] }] }),
      ],
    });
    renderCase(caseRecord, clerk);

    const steps = await screen.findByRole('region', { name: 'Prossimi passi' });
    const fromYou = within(steps).getByRole('region', { name: 'Cosa serve anche da te' });
    expect(within(fromYou).getByTestId('transition-waiting-COURT_APPROVED')).toHaveTextContent('può fornirlo: Tribunale per i minorenni, Operatore OIM');
    const others = within(steps).getByRole('region', { name: 'Gli altri passi' });
    expect(within(others).getByTestId('transition-waiting-WITHDRAWN')).toHaveTextContent('Chi può procedere: Operatore OIM, Supervisore');
    expect(within(others).queryByTestId('transition-missing-WITHDRAWN')).not.toBeInTheDocument();
    expect(within(steps).queryAllByRole('button')).toHaveLength(0);
  });

  it('shows a guardian the header, the state and the next steps without buttons or forms', async () => {
    const guardian = buildCurrentUser({ role: 'guardian', displayName: 'Luca Neri' });
    const base = buildCaseFileCase();
    const caseRecord = buildCaseFileCase({
      caseNumber: 'IF-2026-0042',
      state: 'SCREENING',
      version: 7,
      requestDate: '2026-03-05',
      minor: { ...base.minor, firstName: 'Blerim', lastName: 'Hoxha', nationality: 'AL', dateOfBirth: dateOfBirthForAge(17) },
      transitions: [
        buildTransition({
          id: 'approve_tracing',
          to: 'READY_FOR_TRACING',
          allowedForYou: false,
          firedBy: ['supervisor'],
          unmet: [{ code: 'MINOR_CONSENT_TRACING', message: 'm', suppliedBy: ['caseworker', 'guardian'] }],
        }),
        buildTransition({ id: 'request_info', to: 'INFO_REQUESTED', allowedForYou: false, needsReason: true }),
      ],
    });
    // Even a link to a staff tab opens the profile.
    const { server } = renderCase(caseRecord, guardian, {}, '?tab=consents');

    expect(await screen.findByRole('heading', { level: 1, name: 'Blerim Hoxha' })).toBeInTheDocument();
    expect(screen.getByText('Richiesta in esame')).toBeInTheDocument();
    expect(screen.getByText(/17 anni · compie 18 anni tra \d+ giorni/)).toBeInTheDocument();
    expect(screen.getByText('IF-2026-0042')).toBeInTheDocument();
    expect(screen.getByText('7')).toBeInTheDocument();
    expect(screen.getByText('05/03/2026')).toBeInTheDocument();

    const steps = screen.getByRole('region', { name: 'Prossimi passi' });
    expect(steps).toHaveTextContent("Passare a: Pronto per l'indagine familiare");
    expect(steps).toHaveTextContent('Chi può procedere: Supervisore');
    expect(steps).toHaveTextContent("Consenso informato del minore all'indagine familiare — può fornirlo: Operatore OIM, Tutore");
    expect(within(steps).queryAllByRole('button')).toHaveLength(0);

    const tabs = screen.getAllByRole('tab').map((tab) => tab.textContent);
    // Issue 5: the guardian's own tabs (their reports, their part, court dates, their documents).
    expect(tabs).toEqual(['Profilo', 'Relazioni', 'Consensi e parola del minore', 'Tribunale', 'Documenti', 'Cronologia']);
    expect(screen.getByRole('tab', { name: 'Profilo' })).toHaveAttribute('aria-selected', 'true');
    expect(document.querySelector('form')).toBeNull();
    expect(screen.queryByTestId('consent-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('family-member-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('risk-check-form')).not.toBeInTheDocument();
    // The IOM working file is staff-only: never even asked for.
    expect(server.callsTo('GET', `/api/cases/${caseRecord.id}/file`)).toHaveLength(0);
  });
});
