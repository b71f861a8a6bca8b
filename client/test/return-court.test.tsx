import type { CaseDetail, CourtAccessGrant, CourtFile, CurrentUser, ReturnFile } from '@app/contracts';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { File as NodeFile } from 'node:buffer';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { CourtClerkPanel } from '@/features/return';
import { createQueryClient } from '@/lib/query-client';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser, buildDirectoryOrganisation } from './support/factories';
import { json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';
import {
  buildDecision,
  buildHearing,
  buildPlan,
  buildProceeding,
  buildReturnDocument,
  buildReturnFile,
  buildReturnReport,
  FakeXhr,
  returnId,
} from './support/return-fixtures';

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
const supervisor = buildCurrentUser({ role: 'supervisor', displayName: 'Paola Conti' });
const clerk = buildCurrentUser({ role: 'court', displayName: 'Cancelleria TM Milano', organisation: { id: returnId('6a000000'), name: 'Tribunale per i minorenni di Milano', type: 'JUVENILE_COURT' } });
type Handlers = Parameters<typeof mockApi>[0];
const realXhr = global.XMLHttpRequest;

const renderCourt = (caseRecord: CaseDetail, file: ReturnFile, { user = caseworker, handlers = {} }: { user?: CurrentUser; handlers?: Handlers } = {}) => {
  const state = { caseRecord, file, grants: [] as CourtAccessGrant[] };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, state.caseRecord),
    [`GET /api/cases/${caseRecord.id}/return`]: () => json(200, state.file),
    [`GET /api/cases/${caseRecord.id}/court-access`]: () => json(200, { items: state.grants }),
    ...handlers,
  });
  return { server, state, ...renderApp(`/cases/${caseRecord.id}?tab=return`) };
};

const court = buildDirectoryOrganisation({ name: 'Tribunale per i minorenni di Milano', type: 'JUVENILE_COURT' });

describe('return and reintegration: the juvenile court', () => {
  beforeEach(async () => {
    await resetClientState();
    FakeXhr.instances = [];
  });
  afterEach(() => {
    global.XMLHttpRequest = realXhr;
  });

  it('records the filing with the documents before the court (IOM records it, it does not file it)', async () => {
    const caseRecord = buildCaseFileCase({ state: 'AVR_COUNSELLING' });
    const released = buildReturnReport(caseRecord.id);
    const ssReport = buildReturnDocument(caseRecord.id);
    const proceeding = buildProceeding();
    const { server, state } = renderCourt(caseRecord, buildReturnFile(caseRecord.id, { reintegrationPlan: buildPlan() }), {
      handlers: {
        'GET /api/directory/organisations': () => json(200, { items: [court, buildDirectoryOrganisation()] }),
        [`GET /api/cases/${caseRecord.id}/reports`]: () => json(200, { items: [released], startable: null }),
        [`GET /api/cases/${caseRecord.id}/documents`]: () => json(200, { items: [ssReport] }),
        [`POST /api/cases/${caseRecord.id}/court/proceedings`]: () => {
          state.file = buildReturnFile(caseRecord.id, { reintegrationPlan: buildPlan(), court: { proceedings: [proceeding], prosieguoUntil: null } });
          return json(201, proceeding);
        },
      },
    });
    const user = userEvent.setup();
    expect(await screen.findByTestId('court-empty')).toHaveTextContent('Il ricorso non è ancora registrato');
    await user.click(screen.getByTestId('court-file-open'));
    const form = within(await screen.findByTestId('court-filing-form'));
    await user.click(form.getByRole('combobox', { name: /^Tribunale per i minorenni/ }));
    await user.click(await screen.findByRole('option', { name: court.name }));
    // Only juvenile courts are offered.
    expect(screen.queryByRole('option', { name: 'Comune di Palermo – Servizi sociali per minori' })).not.toBeInTheDocument();
    await user.type(form.getByRole('textbox', { name: /^Numero di ruolo generale/ }), '1234/2026');
    await user.click(form.getByRole('combobox', { name: /^Chi ha depositato il ricorso/ }));
    await user.click(await screen.findByRole('option', { name: 'Tutore' }));
    await user.type(form.getByRole('textbox', { name: /^Nome di chi ha depositato/ }), 'Paola Riva');
    await waitFor(() => expect(form.getByRole('combobox', { name: /^Relazione di indagine familiare/ })).toHaveValue('Relazione di indagine familiare, versione 1 (trasmessa)'));
    await user.click(form.getByRole('combobox', { name: /^Relazione dei servizi sociali/ }));
    await user.click(await screen.findByRole('option', { name: /Relazione servizi sociali/ }));
    expect(form.getByRole('checkbox', { name: /La proposta di reinserimento/ })).toBeChecked();
    await user.click(form.getByRole('button', { name: 'Registra il deposito' }));

    expect(await screen.findByText('Deposito del ricorso registrato.')).toBeInTheDocument();
    const body = server.callsTo('POST', `/api/cases/${caseRecord.id}/court/proceedings`)[0]?.body;
    expect(body).toMatchObject({
      courtOrganisationId: court.id,
      docketNumber: '1234/2026',
      filedBy: 'GUARDIAN',
      filedByName: 'Paola Riva',
      familyAssessmentReportId: released.id,
      socialServicesReportDocumentId: ssReport.id,
      reintegrationProposal: true,
      otherDocumentIds: [],
    });
    const card = within(await screen.findByTestId('court-proceeding'));
    expect(card.getByText(/R\.G\. 1234\/2026/)).toBeInTheDocument();
    expect(card.getByTestId('documents-before-court')).toHaveTextContent('✓ Relazione dei servizi sociali');
  });

  it('schedules and records a hearing, then records the decision without the decree and attaches it later', async () => {
    const caseRecord = buildCaseFileCase({ state: 'COURT_PENDING' });
    const decree = buildReturnDocument(caseRecord.id, { type: 'COURT_DECREE', title: 'Decreto TM Milano' });
    const hearing = buildHearing({ scheduledAt: '2026-11-10T09:30:00.000Z' });
    const decision = buildDecision();
    const withProceeding = (overrides: Parameters<typeof buildProceeding>[0]) =>
      buildReturnFile(caseRecord.id, { court: { proceedings: [buildProceeding({ id: proceedingId, ...overrides })], prosieguoUntil: null } });
    const proceedingId = returnId('6b000000');
    const { server, state } = renderCourt(caseRecord, withProceeding({}), {
      handlers: {
        [`GET /api/cases/${caseRecord.id}/documents`]: () => json(200, { items: [decree] }),
        [`POST /api/cases/${caseRecord.id}/court/proceedings/${proceedingId}/hearings`]: () => {
          state.file = withProceeding({ hearings: [hearing] });
          return json(201, hearing);
        },
        [`PUT /api/cases/${caseRecord.id}/court/hearings/${hearing.id}`]: (request) => {
          const held = { ...hearing, ...(request.body as object) };
          state.file = withProceeding({ hearings: [held] });
          return json(200, held);
        },
        [`POST /api/cases/${caseRecord.id}/court/proceedings/${proceedingId}/decision`]: () => {
          state.file = withProceeding({ hearings: [{ ...hearing, heldAt: '2026-11-10T09:30:00.000Z', minorHeard: true, guardianHeard: true }], decision });
          return json(201, decision);
        },
        [`PUT /api/cases/${caseRecord.id}/court/decisions/${decision.id}/decree`]: () => {
          state.file = withProceeding({ decision: { ...decision, decreeDocumentId: decree.id } });
          return json(200, { ...decision, decreeDocumentId: decree.id });
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('hearing-schedule'));
    const schedule = within(screen.getByTestId('hearing-schedule-form'));
    await user.type(schedule.getByLabelText(/^Data e ora dell'udienza/), '2026-11-10T10:30');
    await user.click(schedule.getByRole('button', { name: "Fissa l'udienza" }));
    expect(await screen.findByText('Udienza fissata.')).toBeInTheDocument();
    const scheduled = server.callsTo('POST', `/api/cases/${caseRecord.id}/court/proceedings/${proceedingId}/hearings`)[0]?.body as { scheduledAt: string };
    expect(new Date(scheduled.scheduledAt).toISOString()).toBe(new Date('2026-11-10T10:30').toISOString());

    await user.click(await screen.findByTestId('hearing-record'));
    const record = within(screen.getByTestId('hearing-record-form'));
    expect(record.getByRole('checkbox', { name: 'Il minore è stato ascoltato' })).toBeChecked();
    await user.type(record.getByRole('textbox', { name: /^Interprete$/ }), 'Interprete di tribunale');
    await user.click(record.getByRole('button', { name: "Registra l'udienza" }));
    // The interpreter's language goes with the interpreter.
    expect(await record.findByText('Campo obbligatorio')).toBeInTheDocument();
    await user.type(record.getByRole('textbox', { name: /^Lingua dell'interprete/ }), 'Arabo');
    await user.click(record.getByRole('button', { name: "Registra l'udienza" }));
    expect(await screen.findByText('Udienza registrata.')).toBeInTheDocument();
    expect(server.callsTo('PUT', `/api/cases/${caseRecord.id}/court/hearings/${hearing.id}`)[0]?.body).toMatchObject({
      minorHeard: true,
      guardianHeard: true,
      interpreterName: 'Interprete di tribunale',
      interpreterLanguage: 'Arabo',
    });

    await user.click(await screen.findByTestId('decision-open'));
    const decide = within(screen.getByTestId('decision-form'));
    await user.click(decide.getByRole('radio', { name: 'Rimpatrio disposto' }));
    await user.type(decide.getByRole('textbox', { name: /^Sintesi delle motivazioni/ }), 'Sentiti il minore e il tutore.');
    expect(decide.getByText(/Senza decreto allegato la decisione resta registrata/)).toBeInTheDocument();
    await user.click(decide.getByRole('button', { name: 'Registra la decisione' }));
    expect(await screen.findByText('Decisione registrata.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/court/proceedings/${proceedingId}/decision`)[0]?.body).toMatchObject({
      outcome: 'RETURN_ORDERED',
      reasonsSummary: 'Sentiti il minore e il tutore.',
    });
    expect(await screen.findByTestId('decree-missing')).toHaveTextContent('Il decreto non è ancora allegato');

    await user.click(screen.getByTestId('decree-attach'));
    await user.click(within(screen.getByTestId('attach-decree')).getByRole('combobox', { name: /^Decreto del Tribunale/ }));
    await user.click(await screen.findByRole('option', { name: /Decreto TM Milano/ }));
    expect(await screen.findByText('Decreto allegato alla decisione.')).toBeInTheDocument();
    expect(server.callsTo('PUT', `/api/cases/${caseRecord.id}/court/decisions/${decision.id}/decree`)[0]?.body).toEqual({ decreeDocumentId: decree.id });
    expect(await screen.findByTestId('decree-attached')).toBeInTheDocument();
  });

  it('says whether the court sees the case, and lets a supervisor give it access for a limited time', async () => {
    const caseRecord = buildCaseFileCase({ state: 'COURT_PENDING' });
    const proceeding = buildProceeding({ court: { id: court.id, name: court.name } });
    const first = renderCourt(caseRecord, buildReturnFile(caseRecord.id, { court: { proceedings: [proceeding], prosieguoUntil: null } }));
    expect(await screen.findByTestId('court-access-status')).toHaveTextContent('Il Tribunale non vede ancora il caso');
    expect(screen.getByText("L'accesso lo dà un supervisore.")).toBeInTheDocument();
    expect(screen.queryByTestId('court-access-form')).not.toBeInTheDocument();
    first.unmount();

    const grant: CourtAccessGrant = {
      id: returnId('6c000000'),
      court: { id: court.id, name: court.name },
      grantedBy: { id: supervisor.id, displayName: 'Paola Conti' },
      grantedAt: '2026-11-22T10:00:00.000Z',
      expiresAt: '2027-02-20T22:59:59.000Z',
      reason: 'Ricorso per il rimpatrio assistito (art. 8, L. 47/2017)',
      live: true,
    };
    const { server, state } = renderCourt(caseRecord, buildReturnFile(caseRecord.id, { court: { proceedings: [proceeding], prosieguoUntil: null } }), {
      user: supervisor,
      handlers: {
        'GET /api/directory/organisations': () => json(200, { items: [court] }),
        [`POST /api/cases/${caseRecord.id}/court-access`]: () => {
          state.grants = [grant];
          return json(201, grant);
        },
      },
    });
    const form = within(await screen.findByTestId('court-access-form'));
    // The proceeding's court is proposed.
    await waitFor(() => expect(form.getByRole('combobox', { name: /^Tribunale per i minorenni/ })).toHaveValue(court.name));
    await userEvent.setup().click(form.getByRole('button', { name: "Dai l'accesso" }));
    expect(await screen.findByText('Accesso del Tribunale registrato.')).toBeInTheDocument();
    const body = server.callsTo('POST', `/api/cases/${caseRecord.id}/court-access`)[0]?.body as { courtOrganisationId: string; expiresAt: string; reason: string };
    expect(body.courtOrganisationId).toBe(court.id);
    expect(body.reason).toBe('Ricorso per il rimpatrio assistito (art. 8, L. 47/2017)');
    // About ninety days from now, at the end of the day.
    const days = (new Date(body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThan(92);
    expect(await screen.findByTestId('court-access-status')).toHaveTextContent('Il Tribunale può vedere il caso');
    expect(screen.getByTestId('court-access-grant-line')).toHaveTextContent('Attivo');
  });

  it("lets the court's clerk upload the decree with the decision, on their own court's proceeding", async () => {
    global.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
    const caseRecord = buildCaseFileCase({ state: 'COURT_PENDING' });
    const proceeding = buildProceeding({ hearings: [buildHearing({ heldAt: '2026-11-10T09:30:00.000Z', minorHeard: true, guardianHeard: true })] });
    const file: CourtFile = { proceedings: [proceeding], prosieguoUntil: null };
    const decree = buildReturnDocument(caseRecord.id, { type: 'COURT_DECREE', title: 'Decreto del Tribunale per i minorenni' });
    const server = mockApi({
      'GET /api/auth/me': () => json(200, clerk),
      [`GET /api/cases/${caseRecord.id}/court`]: () => json(200, file),
      [`POST /api/cases/${caseRecord.id}/court/proceedings/${proceeding.id}/decision`]: () => json(201, buildDecision({ decreeDocumentId: decree.id })),
    });
    const queryClient = createQueryClient();
    queryClient.setQueryData(['cases', caseRecord.id], caseRecord);
    const router = createMemoryRouter([{ path: '/cases/:caseId', element: <CourtClerkPanel caseId={caseRecord.id} caseDetail={caseRecord} /> }], { initialEntries: [`/cases/${caseRecord.id}`] });
    render(
      <AppProvider queryClient={queryClient} env="test">
        <RouterProvider router={router} />
      </AppProvider>,
    );
    const user = userEvent.setup();
    expect(await screen.findByText('Il procedimento davanti al vostro Tribunale: udienze, decisione e decreto.')).toBeInTheDocument();
    // The clerk never files: no filing button, and never lists IOM's documents.
    expect(screen.queryByTestId('court-file-open')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('decision-open'));
    const decide = within(screen.getByTestId('decision-form'));
    await user.click(decide.getByRole('radio', { name: 'Rimpatrio disposto' }));
    await user.type(decide.getByRole('textbox', { name: /^Sintesi delle motivazioni/ }), 'Sentiti il minore e il tutore.');
    await user.click(decide.getByTestId('decision-decree-upload'));
    const upload = within(screen.getByTestId('inline-upload-COURT_DECREE'));
    await user.upload(upload.getByTestId('inline-upload-file-COURT_DECREE'), new NodeFile(['%PDF-1.7 decreto'], 'decreto.pdf', { type: 'application/pdf' }) as unknown as File);
    await user.click(upload.getByRole('button', { name: 'Carica' }));
    const xhr = FakeXhr.instances[0]!;
    expect(xhr.url).toBe(`/api/cases/${caseRecord.id}/court/decrees`);
    expect(xhr.headers['X-Requested-With']).toBe('fetch');
    expect(xhr.body?.get('type')).toBe('COURT_DECREE');
    expect(xhr.body?.get('title')).toBe('Decreto del Tribunale per i minorenni');
    act(() => xhr.respond(201, decree));
    expect(await decide.findByRole('combobox', { name: /^Decreto del Tribunale/ })).toHaveValue(`${decree.title} (Decreto del tribunale)`);
    await user.click(decide.getByRole('button', { name: 'Registra la decisione' }));
    expect(await screen.findByText('Decisione registrata.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/court/proceedings/${proceeding.id}/decision`)[0]?.body).toMatchObject({ outcome: 'RETURN_ORDERED', decreeDocumentId: decree.id });
    expect(server.callsTo('GET', `/api/cases/${caseRecord.id}/documents`)).toHaveLength(0);
  });
});
