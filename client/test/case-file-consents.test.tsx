import type { CaseDetail, CaseFile, CurrentUser } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  buildCaseFile,
  buildCaseFileCase,
  buildConsent,
  buildFamilyMember,
  buildRiskCheck,
  buildTransition,
} from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
const supervisor = buildCurrentUser({ role: 'supervisor', displayName: 'Paola Conti' });

type Handlers = Parameters<typeof mockApi>[0];

// The case and its file are served from variables, so a test can change them "on the server".
const renderConsentsTab = (
  file: CaseFile,
  { user = caseworker, caseRecord = buildCaseFileCase(), handlers = {} }: { user?: CurrentUser; caseRecord?: CaseDetail; handlers?: Handlers } = {},
) => {
  const state = { caseRecord, file };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, state.caseRecord),
    [`GET /api/cases/${caseRecord.id}/file`]: () => json(200, state.file),
    ...handlers,
  });
  return { server, state, caseRecord, ...renderApp(`/cases/${caseRecord.id}?tab=consents`) };
};

const consentForm = () => within(screen.getByTestId('consent-form'));
const riskCheckForm = () => within(screen.getByTestId('risk-check-form'));

describe('case file: consents', () => {
  beforeEach(resetClientState);

  it("lists consents with subject, scope, language, mediator and the minor's own words", async () => {
    const mother = buildFamilyMember({ firstName: 'Fatma', relationship: 'madre' });
    renderConsentsTab(
      buildCaseFile({
        familyMembers: [mother],
        consents: [
          buildConsent(),
          buildConsent({
            subject: 'FAMILY_MEMBER',
            familyMemberId: mother.id,
            scope: 'SHARE_REPORT',
            mediatorPresent: false,
            mediatorName: null,
            minorWords: null,
            withdrawnAt: '2026-10-20T10:00:00.000Z',
            withdrawalReason: 'Ha cambiato idea',
          }),
        ],
      }),
    );

    const [minor, family] = await screen.findAllByTestId('consent-item');
    expect(minor).toHaveTextContent('Indagine familiare');
    expect(minor).toHaveTextContent('Il minore');
    expect(minor).toHaveTextContent('Arabo tunisino');
    expect(minor).toHaveTextContent('Samir Ben Ali');
    expect(minor).toHaveTextContent('05/10/2026');
    expect(minor).toHaveTextContent('Voglio che cerchiate mia madre.');
    expect(minor).toHaveTextContent('Valido');
    expect(family).toHaveTextContent('Condivisione della relazione');
    expect(family).toHaveTextContent('Fatma Haddad (madre)');
    expect(family).toHaveTextContent('Nessun mediatore presente');
    expect(family).toHaveTextContent('20/10/2026');
    expect(family).toHaveTextContent('Ha cambiato idea');
    expect(within(family as HTMLElement).queryByRole('button', { name: /Ritira/ })).not.toBeInTheDocument();
  });

  it("requires the minor's own words, and the mediator's name when one was present", async () => {
    const { server, caseRecord } = renderConsentsTab(buildCaseFile());
    const url = `/api/cases/${caseRecord.id}/consents`;
    await screen.findByTestId('consent-form');
    expect(screen.getByTestId('consents-empty')).toHaveTextContent('serve il consenso informato del minore');
    const user = userEvent.setup();

    await user.type(consentForm().getByLabelText(/^Lingua del colloquio/), 'Arabo tunisino');
    await user.click(consentForm().getByLabelText('Era presente un mediatore culturale'));
    await user.click(consentForm().getByRole('button', { name: 'Registra il consenso' }));

    const words = consentForm().getByLabelText(/^Le parole del minore/);
    await waitFor(() => expect(words).toHaveAttribute('aria-invalid', 'true'));
    expect(words).toHaveAccessibleDescription(/Campo obbligatorio/);
    expect(consentForm().getByLabelText(/^Nome del mediatore culturale/)).toHaveAccessibleDescription('Campo obbligatorio');
    expect(server.callsTo('POST', url)).toHaveLength(0);
  });

  it("records the minor's consent with only the fields that apply", async () => {
    const caseRecord = buildCaseFileCase();
    const url = `/api/cases/${caseRecord.id}/consents`;
    const { server } = renderConsentsTab(buildCaseFile(), {
      caseRecord,
      handlers: { [`POST ${url}`]: () => json(201, buildConsent()) },
    });
    await screen.findByTestId('consent-form');
    const user = userEvent.setup();

    expect(consentForm().getByLabelText(/^Chi ha informato/)).toHaveValue('Giulia Rossi');
    await user.type(consentForm().getByLabelText(/^Lingua del colloquio/), 'Arabo tunisino');
    await user.type(consentForm().getByLabelText(/^Le parole del minore/), 'Voglio ritrovare mia madre.');
    const givenAt = consentForm().getByLabelText(/^Data e ora del consenso/);
    await user.clear(givenAt);
    await user.type(givenAt, '2026-10-05T11:30');
    await user.click(consentForm().getByRole('button', { name: 'Registra il consenso' }));

    expect(await screen.findByText('Consenso registrato.')).toBeInTheDocument();
    expect(server.callsTo('POST', url)[0]?.body).toEqual({
      subject: 'MINOR',
      scope: 'TRACING',
      language: 'Arabo tunisino',
      mediatorPresent: false,
      informedBy: 'Giulia Rossi',
      minorWords: 'Voglio ritrovare mia madre.',
      givenAt: new Date('2026-10-05T11:30').toISOString(),
    });
    // A consent can meet a precondition: the case (its next steps) and the file are read again.
    await waitFor(() => expect(server.callsTo('GET', `/api/cases/${caseRecord.id}`).length).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(server.callsTo('GET', `/api/cases/${caseRecord.id}/file`).length).toBeGreaterThanOrEqual(2));
  });

  it("states the consequence of withdrawing the minor's consent and posts the reason", async () => {
    const consent = buildConsent();
    const caseRecord = buildCaseFileCase({ state: 'TRACING_IN_PROGRESS', transitions: [buildTransition({ id: 'withdraw', to: 'WITHDRAWN' })] });
    const withdrawUrl = `/api/cases/${caseRecord.id}/consents/${consent.id}/withdraw`;
    const { server, state } = renderConsentsTab(buildCaseFile({ consents: [consent] }), {
      caseRecord,
      handlers: {
        [`POST ${withdrawUrl}`]: () => {
          const withdrawn = { ...consent, withdrawnAt: '2026-11-01T10:00:00.000Z', withdrawalReason: 'Il minore non vuole più' };
          state.file = buildCaseFile({ consents: [withdrawn] });
          state.caseRecord = { ...caseRecord, state: 'WITHDRAWN', version: caseRecord.version + 1, transitions: [] };
          return json(200, withdrawn);
        },
      },
    });
    await screen.findByTestId('consent-form');
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Ritira il consenso: Indagine familiare, Il minore' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ritirare il consenso?' });
    expect(within(dialog).getByTestId('withdraw-consequence')).toHaveTextContent(
      'chiude subito il caso («Chiuso: consenso ritirato») e annulla le richieste di indagine familiare in corso',
    );
    const reason = within(dialog).getByLabelText(/^Motivo del ritiro/);
    await waitFor(() => expect(reason).toHaveFocus());

    await user.click(within(dialog).getByRole('button', { name: 'Ritira il consenso' }));
    await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
    expect(server.callsTo('POST', withdrawUrl)).toHaveLength(0);

    await user.type(reason, 'Il minore non vuole più');
    await user.click(within(dialog).getByRole('button', { name: 'Ritira il consenso' }));

    expect(
      await screen.findByText('Consenso ritirato: il caso è stato chiuso e le richieste di indagine familiare sono state annullate.'),
    ).toBeInTheDocument();
    expect(server.callsTo('POST', withdrawUrl)[0]?.body).toEqual({ reason: 'Il minore non vuole più' });
    // The case moved to WITHDRAWN: the header says so, and the closed file takes no new entries.
    await waitFor(() => expect(screen.getByTestId('case-state')).toHaveTextContent('Chiuso: consenso ritirato'));
    await waitFor(() => expect(screen.queryByTestId('consent-form')).not.toBeInTheDocument());
    expect(screen.queryByTestId('risk-check-form')).not.toBeInTheDocument();
  });

  it("says a family member's withdrawal leaves the case open", async () => {
    const mother = buildFamilyMember();
    const consent = buildConsent({ subject: 'FAMILY_MEMBER', familyMemberId: mother.id, scope: 'INTERVIEW', minorWords: null });
    renderConsentsTab(buildCaseFile({ consents: [consent], familyMembers: [mother] }));
    await screen.findByTestId('consent-form');

    await userEvent.setup().click(screen.getByTestId(`withdraw-consent-${consent.id}`));

    const dialog = await screen.findByRole('dialog', { name: 'Ritirare il consenso?' });
    expect(within(dialog).getByTestId('withdraw-consequence')).toHaveTextContent('Il caso resta aperto');
  });
});

describe('case file: risk checks', () => {
  beforeEach(resetClientState);

  it('offers "Approve" to supervisors on unapproved checks only, and posts the approval', async () => {
    const pending = buildRiskCheck();
    const approved = buildRiskCheck({ stage: 'PRE_RETURN', approved: true, approvedAt: '2026-10-07T09:00:00.000Z' });
    const caseRecord = buildCaseFileCase();
    const approveUrl = `/api/cases/${caseRecord.id}/risk-checks/${pending.id}/approve`;
    const { server, state } = renderConsentsTab(buildCaseFile({ riskChecks: [pending, approved] }), {
      user: supervisor,
      caseRecord,
      handlers: {
        [`POST ${approveUrl}`]: () => {
          const done = { ...pending, approved: true, approvedAt: '2026-10-08T09:00:00.000Z' };
          state.file = buildCaseFile({ riskChecks: [done, approved] });
          return json(200, done);
        },
      },
    });

    const rows = await screen.findAllByTestId('risk-check-row');
    expect(rows[1]).toHaveTextContent('Approvata il 07/10/2026');
    expect(within(rows[1] as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
    await userEvent.setup().click(within(rows[0] as HTMLElement).getByRole('button', { name: "Approva la valutazione del rischio: Prima dell'indagine familiare" }));

    expect(await screen.findByText('Valutazione del rischio approvata.')).toBeInTheDocument();
    expect(server.callsTo('POST', approveUrl)).toHaveLength(1);
    await waitFor(() => expect(screen.getAllByTestId('risk-check-row')[0]).toHaveTextContent('Approvata il 08/10/2026'));
  });

  it('gives caseworkers no "Approve" button', async () => {
    renderConsentsTab(buildCaseFile({ riskChecks: [buildRiskCheck()] }));
    const [row] = await screen.findAllByTestId('risk-check-row');
    expect(row).toHaveTextContent("In attesa dell'approvazione di un supervisore");
    expect(within(row as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
  });

  it('records a risk check, requiring the mitigation when proceeding with mitigation', async () => {
    const caseRecord = buildCaseFileCase();
    const url = `/api/cases/${caseRecord.id}/risk-checks`;
    const { server } = renderConsentsTab(buildCaseFile(), {
      caseRecord,
      handlers: { [`POST ${url}`]: () => json(201, buildRiskCheck()) },
    });
    await screen.findByTestId('risk-check-form');
    const user = userEvent.setup();

    await user.type(riskCheckForm().getByLabelText(/^Rischio per il minore/), 'Nessuno noto');
    await user.type(riskCheckForm().getByLabelText(/^Rischio per la famiglia/), 'Basso');
    await user.type(riskCheckForm().getByLabelText(/^Sicurezza della zona/), 'Zona stabile');
    await user.click(riskCheckForm().getByLabelText('Sospetto di tratta o sfruttamento'));
    await user.click(riskCheckForm().getByLabelText('Procedere con misure di mitigazione'));
    await user.click(riskCheckForm().getByRole('button', { name: 'Registra la valutazione' }));

    const mitigation = riskCheckForm().getByLabelText(/^Misure di mitigazione/);
    await waitFor(() => expect(mitigation).toHaveAttribute('aria-invalid', 'true'));
    expect(server.callsTo('POST', url)).toHaveLength(0);

    await user.type(mitigation, 'Colloquio in ufficio OIM');
    await user.click(riskCheckForm().getByRole('button', { name: 'Registra la valutazione' }));

    expect(await screen.findByText('Valutazione del rischio registrata.')).toBeInTheDocument();
    expect(server.callsTo('POST', url)[0]?.body).toEqual({
      stage: 'PRE_TRACING',
      riskToMinor: 'Nessuno noto',
      riskToFamily: 'Basso',
      areaSecurity: 'Zona stabile',
      protectionStatusConflict: false,
      traffickingConcern: true,
      decision: 'PROCEED_WITH_MITIGATION',
      mitigation: 'Colloquio in ufficio OIM',
    });
  });
});
