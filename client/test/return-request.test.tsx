import type { CaseDetail, CurrentUser, PortalCase, ReturnFile } from '@app/contracts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { GuardianAvrConsent } from '@/features/return';
import { createQueryClient } from '@/lib/query-client';
import { buildCaseFileCase, buildConsent, buildTransition } from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';
import { buildReturnFile } from './support/return-fixtures';

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
const guardian = buildCurrentUser({ role: 'guardian', displayName: 'Paola Riva' });

type Handlers = Parameters<typeof mockApi>[0];

const renderReturnTab = (caseRecord: CaseDetail, file: ReturnFile, { user = caseworker, handlers = {} }: { user?: CurrentUser; handlers?: Handlers } = {}) => {
  const state = { caseRecord, file };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, state.caseRecord),
    [`GET /api/cases/${caseRecord.id}/return`]: () => json(200, state.file),
    ...handlers,
  });
  return { server, state, ...renderApp(`/cases/${caseRecord.id}?tab=return`) };
};

const requestAvr = buildTransition({
  id: 'request_avr',
  to: 'AVR_REQUESTED',
  unmet: [
    { code: 'AVR_MINOR_REQUEST', message: 'no request', suppliedBy: ['caseworker'] },
    { code: 'AVR_GUARDIAN_CONSENT', message: 'no guardian', suppliedBy: ['guardian'] },
  ],
});
const awaiting = (overrides: Partial<CaseDetail> = {}) =>
  buildCaseFileCase({ state: 'AWAITING_SOLUTION', guardian: { id: guardian.id, name: 'Paola Riva' }, transitions: [requestAvr], ...overrides });

describe('return and reintegration: the tab and the return request', () => {
  beforeEach(resetClientState);

  it('shows the tab to staff once the case awaits its durable solution, not before', async () => {
    const screening = buildCaseFileCase({ state: 'SCREENING' });
    const first = renderReturnTab(screening, buildReturnFile(screening.id));
    expect(await screen.findByTestId('tab-profile')).toBeInTheDocument();
    expect(screen.queryByTestId('tab-return')).not.toBeInTheDocument();
    // Asked for by URL, the hidden tab falls back to the profile and the return file is never read.
    expect(first.server.callsTo('GET', `/api/cases/${screening.id}/return`)).toHaveLength(0);
    first.unmount();

    const caseRecord = awaiting();
    renderReturnTab(caseRecord, buildReturnFile(caseRecord.id));
    const tab = await screen.findByTestId('tab-return');
    expect(tab).toHaveTextContent('Ritorno e reintegrazione');
    expect(tab).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByTestId('return-panel')).toBeInTheDocument();
  });

  it('lists every precondition of the next step: what is done, what is missing and who can supply it', async () => {
    const caseRecord = awaiting();
    renderReturnTab(caseRecord, buildReturnFile(caseRecord.id));
    const checklist = within(await screen.findByTestId('return-checklist-request_avr'));
    expect(checklist.getByText('Per passare a: Il minore ha chiesto il rimpatrio assistito e volontario')).toBeInTheDocument();
    expect(checklist.getByText('Mancano 2 requisiti')).toBeInTheDocument();
    const minor = within(checklist.getByTestId('guard-AVR_MINOR_REQUEST'));
    expect(minor.getByText('Manca')).toBeInTheDocument();
    expect(minor.getByText('può fornirlo: Operatore OIM')).toBeInTheDocument();
    expect(minor.getByRole('link', { name: 'Vai a: Richiesta di rimpatrio' })).toHaveAttribute('href', '#return-request');
    const guardianLine = within(checklist.getByTestId('guard-AVR_GUARDIAN_CONSENT'));
    expect(guardianLine.getByText('può fornirlo: Tutore')).toBeInTheDocument();
    const released = within(checklist.getByTestId('guard-FAMILY_ASSESSMENT_RELEASED'));
    expect(released.getByText('Fatto')).toBeInTheDocument();
    expect(released.queryByText(/può fornirlo/)).not.toBeInTheDocument();
    // The guardian's part says whose signature it is and where it is given.
    expect(screen.getByTestId('avr-guardian-consent')).toHaveTextContent('Il tutore Paola Riva potrà firmare dopo che è registrata la richiesta del minore.');
  });

  it("records the minor's request in their own words, with the mediator's name when one was present", async () => {
    const caseRecord = awaiting();
    const minorRequest = buildConsent({ scope: 'AVR_REQUEST', minorWords: 'Voglio tornare da mia madre.', language: 'Arabo (egiziano)', informedBy: 'Giulia Rossi' });
    const { server, state } = renderReturnTab(caseRecord, buildReturnFile(caseRecord.id), {
      handlers: {
        [`POST /api/cases/${caseRecord.id}/avr/request`]: () => {
          state.file = buildReturnFile(caseRecord.id, { avrRequest: { minorRequest, guardianConsent: null } });
          return json(201, minorRequest);
        },
      },
    });
    const form = within(await screen.findByTestId('avr-request-form'));
    const user = userEvent.setup();
    expect(form.getByRole('textbox', { name: /^Chi ha informato il minore/ })).toHaveValue('Giulia Rossi');
    await user.type(form.getByRole('textbox', { name: /^Le parole del minore/ }), 'Voglio tornare da mia madre.');
    await user.type(form.getByRole('textbox', { name: /^Lingua/ }), 'Arabo (egiziano)');
    await user.click(form.getByRole('checkbox', { name: 'Era presente un mediatore culturale' }));
    await user.click(form.getByRole('button', { name: 'Registra la richiesta' }));
    // The mediator's name is required once one was present: nothing is sent.
    expect(await form.findByText('Campo obbligatorio')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/avr/request`)).toHaveLength(0);

    await user.type(form.getByRole('textbox', { name: /^Nome del mediatore/ }), 'Samir');
    await user.click(form.getByRole('button', { name: 'Registra la richiesta' }));
    expect(await screen.findByText('Richiesta del minore registrata.')).toBeInTheDocument();
    const [call] = server.callsTo('POST', `/api/cases/${caseRecord.id}/avr/request`);
    expect(call?.body).toMatchObject({ minorWords: 'Voglio tornare da mia madre.', language: 'Arabo (egiziano)', mediatorPresent: true, mediatorName: 'Samir', informedBy: 'Giulia Rossi' });
    expect(typeof (call?.body as { givenAt: string }).givenAt).toBe('string');
    // The case and its return file are read again: the request now shows, the form is gone.
    expect(await within(screen.getByTestId('avr-minor-request')).findByText('Voglio tornare da mia madre.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('avr-request-form')).not.toBeInTheDocument());
    expect(server.callsTo('GET', `/api/cases/${caseRecord.id}`).length).toBeGreaterThanOrEqual(2);
    expect(screen.getByTestId('avr-guardian-consent')).toHaveTextContent('In attesa della firma del tutore Paola Riva');
  });

  it('shows a load failure with a way to retry', async () => {
    const caseRecord = awaiting();
    let fail = true;
    renderReturnTab(caseRecord, buildReturnFile(caseRecord.id), {
      handlers: { [`GET /api/cases/${caseRecord.id}/return`]: () => (fail ? apiError(503, 'SERVICE_UNAVAILABLE') : json(200, buildReturnFile(caseRecord.id))) },
    });
    const error = await screen.findByTestId('case-file-error');
    fail = false;
    await userEvent.setup().click(within(error).getByRole('button', { name: /Riprova/ }));
    expect(await screen.findByTestId('return-panel')).toBeInTheDocument();
  });
});

// The guardian's co-signature, as the portal's participation tab mounts it.
const renderGuardian = (caseRecord: CaseDetail, portal: PortalCase, handlers: Handlers = {}) => {
  const state = { portal };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, guardian),
    [`GET /api/portal/cases/${caseRecord.id}`]: () => json(200, state.portal),
    ...handlers,
  });
  const queryClient = createQueryClient();
  queryClient.setQueryData(['cases', caseRecord.id], caseRecord);
  const router = createMemoryRouter([{ path: '/cases/:caseId', element: <GuardianAvrConsent caseId={caseRecord.id} caseDetail={caseRecord} /> }], { initialEntries: [`/cases/${caseRecord.id}`] });
  render(
    <AppProvider queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { server, state };
};

const portalCase = (caseRecord: CaseDetail, consents: PortalCase['consents']): PortalCase => ({
  id: caseRecord.id,
  caseNumber: caseRecord.caseNumber,
  state: caseRecord.state,
  updatedAt: '2026-11-20T10:00:00.000Z',
  minor: { firstName: 'Amir', lastName: 'Haddad', sex: 'M', nationality: 'EG', dateOfBirth: '2009-09-15', eighteenthBirthday: '2027-09-15' },
  courtProceedings: [],
  reports: [],
  documents: [],
  consents,
});

const minorConsent = { id: '4a000000-0000-4000-8000-000000000001', subject: 'MINOR' as const, scope: 'AVR_REQUEST' as const, language: 'Arabo', givenAt: '2026-11-18T10:00:00.000Z', withdrawnAt: null, givenByYou: false };

describe("return request: the guardian's co-signature", () => {
  beforeEach(resetClientState);

  it('asks to confirm having heard the child, then signs and says what comes next', async () => {
    const caseRecord = buildCaseFileCase({ state: 'AVR_REQUESTED' });
    const { server, state } = renderGuardian(caseRecord, portalCase(caseRecord, [minorConsent]), {
      [`POST /api/cases/${caseRecord.id}/avr/guardian-consent`]: (request) => {
        state.portal = portalCase(caseRecord, [minorConsent, { ...minorConsent, id: '4a000000-0000-4000-8000-000000000002', subject: 'GUARDIAN', givenAt: '2026-11-20T09:00:00.000Z', givenByYou: true }]);
        return json(201, buildConsent({ subject: 'GUARDIAN', scope: 'AVR_REQUEST', language: String((request.body as { language: string }).language) }));
      },
    });
    const panel = within(await screen.findByTestId('guardian-avr-consent'));
    expect(await panel.findByTestId('guardian-minor-request')).toHaveTextContent('Il minore ha chiesto di tornare il 18/11/2026');
    const user = userEvent.setup();
    await user.click(panel.getByRole('button', { name: 'Firma la richiesta' }));
    expect(panel.getByText('Per firmare, conferma di aver ascoltato il minore e di sostenere la richiesta')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/avr/guardian-consent`)).toHaveLength(0);

    await user.click(panel.getByRole('checkbox', { name: /Ho ascoltato il minore/ }));
    await user.click(panel.getByRole('button', { name: 'Firma la richiesta' }));
    expect(await panel.findByTestId('guardian-signed')).toHaveTextContent('Hai firmato la richiesta il 20/11/2026');
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/avr/guardian-consent`)[0]?.body).toEqual({ confirm: true, language: 'Italiano' });
  });

  it("cannot sign before the child's own request, and explains why", async () => {
    const caseRecord = buildCaseFileCase({ state: 'AWAITING_SOLUTION' });
    renderGuardian(caseRecord, portalCase(caseRecord, []));
    const panel = within(await screen.findByTestId('guardian-avr-consent'));
    expect(await panel.findByText('Il minore non ha ancora espresso la richiesta di tornare.')).toBeInTheDocument();
    expect(panel.getByText("Potrai firmare quando l'OIM avrà registrato la richiesta del minore.")).toBeInTheDocument();
    expect(panel.queryByRole('button', { name: 'Firma la richiesta' })).not.toBeInTheDocument();
  });

  it('shows what the server says is missing when it refuses the signature', async () => {
    const caseRecord = buildCaseFileCase({ state: 'AVR_REQUESTED' });
    renderGuardian(caseRecord, portalCase(caseRecord, [minorConsent]), {
      [`POST /api/cases/${caseRecord.id}/avr/guardian-consent`]: () =>
        apiError(409, 'CONFLICT', { unmet: [{ code: 'AVR_MINOR_REQUEST', message: 'The minor request is not recorded' }] }),
    });
    const panel = within(await screen.findByTestId('guardian-avr-consent'));
    const user = userEvent.setup();
    await user.click(await panel.findByRole('checkbox', { name: /Ho ascoltato il minore/ }));
    await user.click(panel.getByRole('button', { name: 'Firma la richiesta' }));
    const error = await panel.findByTestId('return-error');
    expect(error).toHaveTextContent('Prima serve ancora qualcosa');
    expect(error).toHaveTextContent('Richiesta volontaria di rimpatrio del minore');
  });
});
