import { romeDay, type CaseDetail, type PortalCase } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { buildMinorView, buildPortalCase, buildPortalConsent, portalId } from './support/portal-fixtures';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const guardian = buildCurrentUser({ role: 'guardian', displayName: 'Paola Riva', organisation: { id: portalId('0a000000'), name: 'Tutori volontari – Milano', type: 'GUARDIANS' } });

// Today in Italy, as the forms count it.
const today = () => romeDay(new Date());

type Setup = { caseRecord?: CaseDetail; portal?: Partial<PortalCase>; tab?: string; handlers?: Parameters<typeof mockApi>[0] };

const renderGuardianCase = ({ caseRecord = buildCaseFileCase({ state: 'AWAITING_SOLUTION' }), portal = {}, tab = 'participation', handlers = {} }: Setup = {}) => {
  const state = { portalCase: buildPortalCase(caseRecord.id, { state: caseRecord.state, ...portal }) };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, guardian),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
    [`GET /api/portal/cases/${caseRecord.id}`]: () => json(200, state.portalCase),
    ...handlers,
  });
  return { server, state, caseRecord, ...renderApp(`/cases/${caseRecord.id}?tab=${tab}`) };
};

describe('guardian portal: the case tabs', () => {
  beforeEach(resetClientState);

  it("gives a guardian their own tabs: reports, their part, court dates, documents and the case's history", async () => {
    renderGuardianCase({ tab: 'profile' });
    await screen.findByRole('tab', { name: 'Profilo' });
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Profilo', 'Relazioni', 'Consensi e parola del minore', 'Tribunale', 'Documenti', 'Cronologia']);
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Casi', 'Relazioni ricevute']);
  });

  it("shows the minor's views and the consents, never who informed whom", async () => {
    const view = buildMinorView({ words: 'Voglio restare a Milano e finire la scuola.', context: 'LIFE_IN_ITALY' });
    const minorConsent = buildPortalConsent({ scope: 'TRACING', subject: 'MINOR' });
    const own = buildPortalConsent({ scope: 'DATA_PROCESSING', subject: 'GUARDIAN', givenByYou: true, language: 'Italiano' });
    renderGuardianCase({ portal: { minorViews: [view], consents: [minorConsent, own] } });

    const views = within(await screen.findByTestId('minor-views-section'));
    expect(views.getByText('Voglio restare a Milano e finire la scuola.')).toBeInTheDocument();
    expect(views.getByText(/Sulla vita in Italia · 01\/10\/2026/)).toBeInTheDocument();
    expect(views.getByText(/Lingua: Arabo · riferito da Paola Riva · con il mediatore Samir/)).toBeInTheDocument();
    const consents = screen.getAllByTestId('portal-consent');
    expect(consents[0]).toHaveTextContent('Indagine familiare· Il minoreValido');
    expect(consents[1]).toHaveTextContent('Trattamento dei dati personali· dato da teValido');
    expect(within(consents[0]!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(consents[1]!).getByRole('button', { name: 'Ritira il tuo consenso: Trattamento dei dati personali' })).toBeInTheDocument();
    expect(screen.queryByText(/Operatore OIM/)).not.toBeInTheDocument();
  });

  it("records the minor's words with the language and the mediator, asking for the mediator's name first", async () => {
    const { server, state, caseRecord } = renderGuardianCase({
      handlers: {},
    });
    const recorded = buildMinorView({ context: 'RETURN', words: 'Voglio tornare da mia madre.', language: 'Arabo (egiziano)', mediatorName: 'Samir' });
    mockApi({
      'GET /api/auth/me': () => json(200, guardian),
      [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
      [`GET /api/portal/cases/${caseRecord.id}`]: () => json(200, state.portalCase),
      [`POST /api/cases/${caseRecord.id}/minor-views`]: (request) => {
        server.calls.push(request);
        state.portalCase = { ...state.portalCase, minorViews: [recorded] };
        return json(201, recorded);
      },
    });
    const form = within(await screen.findByTestId('minor-view-form'));
    const user = userEvent.setup();

    await user.selectOptions(form.getByRole('combobox', { name: /^Di cosa si parlava/ }), 'RETURN');
    await user.type(form.getByRole('textbox', { name: /^Le parole del minore/ }), 'Voglio tornare da mia madre.');
    await user.type(form.getByRole('textbox', { name: /^Lingua in cui si è espresso/ }), 'Arabo (egiziano)');
    await user.click(form.getByRole('checkbox', { name: 'Era presente un mediatore culturale' }));
    await user.click(form.getByRole('button', { name: "Registra le parole del minore" }));
    expect(await form.findByText('Campo obbligatorio')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/minor-views`)).toHaveLength(0);

    await user.type(form.getByRole('textbox', { name: /^Nome del mediatore/ }), 'Samir');
    await user.click(form.getByRole('button', { name: "Registra le parole del minore" }));

    expect(await screen.findByText('Le parole del minore sono state registrate.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/minor-views`)[0]?.body).toEqual({
      context: 'RETURN',
      words: 'Voglio tornare da mia madre.',
      language: 'Arabo (egiziano)',
      mediatorPresent: true,
      mediatorName: 'Samir',
      expressedOn: today(),
    });
    await waitFor(() => expect(screen.getAllByTestId('minor-view')).toHaveLength(1));
    expect(form.getByRole('textbox', { name: /^Le parole del minore/ })).toHaveValue('');
  });

  it("puts the server's date refusal on the date field, in plain words", async () => {
    const caseRecord = buildCaseFileCase({ state: 'AWAITING_SOLUTION' });
    renderGuardianCase({
      caseRecord,
      handlers: {
        [`POST /api/cases/${caseRecord.id}/minor-views`]: () =>
          apiError(400, 'VALIDATION_FAILED', { fields: [{ path: 'expressedOn', code: 'in_future', message: 'The date is in the future' }] }),
      },
    });
    const form = within(await screen.findByTestId('minor-view-form'));
    const user = userEvent.setup();
    await user.type(form.getByRole('textbox', { name: /^Le parole del minore/ }), 'Sto bene qui.');
    await user.type(form.getByRole('textbox', { name: /^Lingua in cui si è espresso/ }), 'italiano');
    await user.click(form.getByRole('button', { name: 'Registra le parole del minore' }));

    expect(await form.findByText('La data non può essere nel futuro')).toBeInTheDocument();
    expect(form.getByLabelText(/^Quando lo ha detto/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('records the guardian’s own consent with what it allows said in plain words', async () => {
    const caseRecord = buildCaseFileCase({ state: 'SCREENING' });
    const { server } = renderGuardianCase({
      caseRecord,
      handlers: { [`POST /api/cases/${caseRecord.id}/guardian-consents`]: ({ body }) => json(201, buildPortalConsent({ subject: 'GUARDIAN', givenByYou: true, scope: (body as { scope: 'TRACING' }).scope })) },
    });
    const form = within(await screen.findByTestId('guardian-consent-form'));
    expect(form.getByText("L'OIM può cercare la famiglia del minore nel paese d'origine.")).toBeInTheDocument();
    const user = userEvent.setup();

    await user.click(form.getByRole('button', { name: 'Registra il mio consenso' }));
    expect(await form.findByText('Campo obbligatorio')).toBeInTheDocument();

    await user.click(form.getByRole('radio', { name: 'Indagine familiare' }));
    await user.click(form.getByRole('button', { name: 'Registra il mio consenso' }));

    expect(await screen.findByText('Il tuo consenso è stato registrato: Indagine familiare.')).toBeInTheDocument();
    const body = server.callsTo('POST', `/api/cases/${caseRecord.id}/guardian-consents`)[0]?.body as { scope: string; language: string; givenAt: string };
    expect(body.scope).toBe('TRACING');
    expect(body.language).toBe('Italiano');
    expect(Math.abs(Date.parse(body.givenAt) - Date.now())).toBeLessThan(5 * 60_000);
  });

  it('warns that withdrawing consent to tracing stops the intervention, and asks why', async () => {
    const caseRecord = buildCaseFileCase({ state: 'TRACING_IN_PROGRESS' });
    const own = buildPortalConsent({ scope: 'TRACING', subject: 'GUARDIAN', givenByYou: true });
    const { server } = renderGuardianCase({
      caseRecord,
      portal: { consents: [own] },
      handlers: { [`POST /api/cases/${caseRecord.id}/guardian-consents/${own.id}/withdraw`]: () => json(200, { ...own, withdrawnAt: '2026-11-22T10:00:00.000Z' }) },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ritira il tuo consenso: Indagine familiare' }));

    expect(screen.getByText(/l'intervento dell'OIM si interrompe subito/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ritira il consenso' }));
    expect(await screen.findByText('Inserisci almeno 3 caratteri')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/guardian-consents/${own.id}/withdraw`)).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: /^Perché lo ritiri/ }), 'Il minore non vuole più la ricerca.');
    await user.click(screen.getByRole('button', { name: 'Ritira il consenso' }));

    expect(await screen.findByText('Consenso ritirato: Indagine familiare.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/guardian-consents/${own.id}/withdraw`)[0]?.body).toEqual({ reason: 'Il minore non vuole più la ricerca.' });
  });

  it('shows court dates and outcomes on the court tab', async () => {
    const hearingId = portalId('1f000000');
    renderGuardianCase({
      tab: 'court',
      portal: {
        courtProceedings: [
          {
            id: portalId('1a000000'),
            kind: 'AVR_ART8',
            court: { id: portalId('0a000000'), name: 'Tribunale per i minorenni di Milano' },
            docketNumber: '123/2026',
            hearings: [{ id: hearingId, scheduledAt: '2026-10-10T08:30:00.000Z', heldAt: '2026-10-10T09:00:00.000Z' }],
            decision: { outcome: 'RETURN_ORDERED', decidedOn: '2026-10-20' },
          },
        ],
      },
    });
    const proceeding = within(await screen.findByTestId('court-proceeding'));
    expect(proceeding.getByRole('heading', { name: 'Ricorso per il rimpatrio (art. 8)' })).toBeInTheDocument();
    expect(proceeding.getByText('Tribunale per i minorenni di Milano · R.G. 123/2026')).toBeInTheDocument();
    expect(proceeding.getByTestId('court-hearing')).toHaveTextContent('Udienza tenuta il 10/10/2026');
    expect(proceeding.getByTestId('court-outcome')).toHaveTextContent('Rimpatrio disposto il 20/10/2026');
  });

  it('offers no forms on a closed case', async () => {
    renderGuardianCase({ caseRecord: buildCaseFileCase({ state: 'CLOSED_LOCAL_SOLUTION' }) });
    expect(await screen.findAllByText('Il caso è chiuso: non si possono aggiungere informazioni.')).toHaveLength(2);
    expect(screen.queryByTestId('minor-view-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('guardian-consent-form')).not.toBeInTheDocument();
  });

  it('puts the co-signature of a return request first when the minor has asked to return', async () => {
    const caseRecord = buildCaseFileCase({ state: 'AVR_COUNSELLING' });
    renderGuardianCase({ caseRecord, portal: { consents: [buildPortalConsent({ subject: 'MINOR', scope: 'AVR_REQUEST' })] } });
    expect(await screen.findByTestId('guardian-avr-consent')).toBeInTheDocument();
    expect(screen.getByTestId('minor-views-section')).toBeInTheDocument();
  });

  it('leaves the return co-signature out while no return is being prepared', async () => {
    renderGuardianCase({ caseRecord: buildCaseFileCase({ state: 'TRACING_IN_PROGRESS' }) });
    await screen.findByTestId('minor-views-section');
    expect(screen.queryByTestId('guardian-avr-consent')).not.toBeInTheDocument();
  });
});
