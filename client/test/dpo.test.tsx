import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { buildAuditEvent, buildRegisterEntry, portalId } from './support/portal-fixtures';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const dpo = buildCurrentUser({ role: 'dpo', displayName: 'Referente protezione dati' });

// See stats.test.tsx: the filters' submit starts the router's transition; React then reads the
// form into a FormData, which Node's FormData (jsdom-env.cjs) cannot do and these tests do not need.
const NodeFormData = global.FormData;
class FormDataWithoutForm extends NodeFormData {
  constructor() {
    super();
  }
}

const caseId = portalId('c0000000');
const viewed = buildAuditEvent({ seq: 1042, caseId, caseNumber: 'IF-2026-0007', detail: { via: 'portal' } });
const denied = buildAuditEvent({
  seq: 1041,
  action: 'CASE_ACCESS_DENIED',
  actor: { id: portalId('0e000000'), displayName: 'Laura Colombo', role: 'social_services' },
  caseId,
  caseNumber: 'IF-2026-0007',
});
const system = buildAuditEvent({ seq: 1, action: 'DEMO_SEEDED', actor: null, entityType: 'system', entityId: null, caseId: null, caseNumber: null, ip: null });

const renderDpo = (path = '/dpo', handlers: Parameters<typeof mockApi>[0] = {}) => {
  const server = mockApi({
    'GET /api/auth/me': () => json(200, dpo),
    'GET /api/dpo/audit': ({ query }) => json(200, { items: query.get('denied') === 'true' ? [denied] : [viewed, denied, system], nextCursor: null }),
    [`GET /api/dpo/cases/${caseId}/access-log`]: () => json(200, { caseId, caseNumber: 'IF-2026-0007', items: [viewed, denied], nextCursor: null }),
    ...handlers,
  });
  return { server, ...renderApp(path) };
};

describe('data-protection officer', () => {
  beforeEach(resetClientState);
  beforeAll(() => {
    global.FormData = FormDataWithoutForm as typeof FormData;
  });
  afterAll(() => {
    global.FormData = NodeFormData;
  });

  it('lands on the audit trail: who did what, when, from where, refusals marked in words', async () => {
    const { router } = renderDpo('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Protezione dei dati' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dpo');
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows).toHaveLength(3);
    const first = within(rows[0]!);
    expect(first.getByText('CASE_VIEWED')).toBeInTheDocument();
    expect(first.getByText('Operatore OIM')).toBeInTheDocument();
    expect(first.getByText('10.0.0.7')).toBeInTheDocument();
    expect(first.getByRole('link', { name: 'IF-2026-0007' })).toHaveAttribute('href', `/dpo?tab=access-log&caseId=${caseId}`);
    expect(within(rows[1]!).getByTestId('audit-denied')).toHaveTextContent('Rifiutato');
    expect(within(rows[2]!).getByText('Sistema')).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Navigazione principale' })).getAllByRole('link').map((link) => link.textContent)).toEqual(['Protezione dei dati']);
  });

  it('filters by action and refusals, checks the action code first, and filters by a person from the table', async () => {
    const { server, router } = renderDpo();
    await screen.findAllByTestId('audit-row');
    const user = userEvent.setup();

    await user.type(screen.getByRole('textbox', { name: /^Azione/ }), 'non valido!');
    await user.click(screen.getByRole('button', { name: 'Applica i filtri' }));
    expect(await screen.findByText('Usa un codice di azione in maiuscolo, per esempio CASE_VIEWED')).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/dpo/audit')).toHaveLength(1);

    await user.clear(screen.getByRole('textbox', { name: /^Azione/ }));
    await user.type(screen.getByRole('textbox', { name: /^Azione/ }), 'case_access_denied');
    await user.click(screen.getByRole('checkbox', { name: 'Solo accessi rifiutati' }));
    await user.click(screen.getByRole('button', { name: 'Applica i filtri' }));

    await waitFor(() => expect(server.callsTo('GET', '/api/dpo/audit')).toHaveLength(2));
    const query = server.callsTo('GET', '/api/dpo/audit')[1]!.query;
    expect(query.get('action')).toBe('CASE_ACCESS_DENIED');
    expect(query.get('denied')).toBe('true');
    expect(router.state.location.search).toBe('?action=CASE_ACCESS_DENIED&denied=true');
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Laura Colombo' }));
    await waitFor(() => expect(server.callsTo('GET', '/api/dpo/audit').at(-1)?.query.get('actorId')).toBe(denied.actor!.id));
    expect(router.state.location.search).toBe(`?action=CASE_ACCESS_DENIED&actor=${denied.actor!.id}&denied=true`);
    await user.click(screen.getByRole('button', { name: 'Togli il filtro: Filtro: una persona' }));
    await waitFor(() => expect(router.state.location.search).toBe('?action=CASE_ACCESS_DENIED&denied=true'));
  });

  it("opens a case's access log from the trail, and says so when the case does not exist", async () => {
    const { server } = renderDpo();
    await userEvent.setup().click((await screen.findAllByRole('link', { name: 'IF-2026-0007' }))[0]!);

    expect(await screen.findByTestId('access-log-heading')).toHaveTextContent('Accessi al caso IF-2026-0007');
    expect(screen.getByRole('tab', { name: 'Accessi a un caso' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByTestId('audit-row')).toHaveLength(2);
    expect(server.callsTo('GET', `/api/dpo/cases/${caseId}/access-log`)).toHaveLength(1);

    const unknown = portalId('c0000000');
    mockApi({ 'GET /api/auth/me': () => json(200, dpo), [`GET /api/dpo/cases/${unknown}/access-log`]: () => apiError(404, 'NOT_FOUND') });
    const field = screen.getByTestId('access-log-case-id');
    fireEvent.change(field, { target: { value: unknown } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Mostra gli accessi' }));
    expect(await screen.findByTestId('access-log-not-found')).toHaveTextContent('Nessun caso con questo identificativo.');
  });

  it('lists the disclosure register with recipient, basis, approver and the recipient’s read and acknowledgement', async () => {
    const entry = buildRegisterEntry({ readAt: '2026-10-21T08:30:00.000Z', acknowledgedAt: '2026-10-22T09:00:00.000Z', acknowledgedBy: { id: portalId('0e000000'), displayName: 'Laura Colombo' } });
    renderDpo('/dpo?tab=disclosures', { 'GET /api/dpo/disclosures': () => json(200, { items: [entry], nextCursor: null }) });

    const row = within(await screen.findByTestId('register-row'));
    expect(row.getByText('Comune di Milano – Servizi sociali per minori')).toBeInTheDocument();
    expect(row.getByText('Relazione di indagine familiare, versione 1')).toBeInTheDocument();
    expect(row.getByText('con il consenso della famiglia')).toBeInTheDocument();
    expect(row.getByText('Approvata da Giulia Ferri')).toBeInTheDocument();
    expect(row.getByText('Laura Colombo')).toBeInTheDocument();
    expect(row.getByText(/^21\/10\/2026/)).toBeInTheDocument();
  });

  it('verifies the chain on opening the tab and shows the head hash to anchor, or where it breaks', async () => {
    let ok = true;
    renderDpo('/dpo?tab=verification', {
      'GET /api/dpo/audit/verification': () =>
        json(200, { ok, checked: 1043, firstBrokenSeq: ok ? null : 512, headSeq: 1043, headHash: 'f'.repeat(64), verifiedAt: '2026-11-22T10:00:00.000Z' }),
    });

    expect(await screen.findByTestId('verification-ok')).toHaveTextContent('Verificati 1043 eventi; l\'ultimo è il n. 1043.');
    expect(screen.getByTestId('verification-head-hash')).toHaveTextContent('f'.repeat(64));

    ok = false;
    await userEvent.setup().click(screen.getByTestId('verification-run'));
    expect(await screen.findByTestId('verification-broken')).toHaveTextContent('La catena si interrompe all\'evento n. 512');
  });

  it('keeps everyone else out of the oversight tools', async () => {
    const server = mockApi({ 'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'supervisor' })), 'GET /api/dashboard': () => apiError(503, 'SERVICE_UNAVAILABLE') });
    const { router } = renderApp('/dpo');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(server.calls.some((call) => call.path.startsWith('/api/dpo'))).toBe(false);
  });
});
