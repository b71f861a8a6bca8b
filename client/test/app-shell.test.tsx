import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  buildCaseDetail,
  buildCaseSummary,
  buildCurrentUser,
  buildDashboard,
  buildMinorProfile,
  buildOrganisation,
  dateOfBirthForAge,
} from './support/factories';
import { apiError, json, mockApi, noContent } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const emptyPage = { items: [], nextCursor: null };

describe('app shell', () => {
  beforeEach(resetClientState);

  it('sends an admin from "/" to administration and shows name, role and the admin menu only', async () => {
    const admin = buildCurrentUser({ role: 'admin', displayName: 'Anna Neri' });
    mockApi({
      'GET /api/auth/me': () => json(200, admin),
      'GET /api/admin/organisations': () => json(200, { items: [buildOrganisation()] }),
      'GET /api/admin/users': () => json(200, emptyPage),
    });
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Amministrazione' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin');
    const userMenu = screen.getByTestId('user-menu');
    expect(userMenu).toHaveTextContent('Anna Neri');
    expect(userMenu).toHaveTextContent('Amministratore di sistema');
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).getByRole('link', { name: 'Amministrazione' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).queryByRole('link', { name: 'Casi' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it.each(['supervisor', 'caseworker'] as const)(
    'gives a %s the dashboard at "/", with "La mia scrivania" and "Casi" in the menu',
    async (role) => {
      const server = mockApi({
        'GET /api/auth/me': () => json(200, buildCurrentUser({ role })),
        'GET /api/dashboard': () => json(200, buildDashboard()),
      });
      const { router } = renderApp('/');

      expect(await screen.findByRole('heading', { level: 1, name: 'La mia scrivania' })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/');
      expect(server.callsTo('GET', '/api/dashboard')).toHaveLength(1);
      const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
      expect(within(nav).getByRole('link', { name: 'La mia scrivania' })).toHaveAttribute('aria-current', 'page');
      expect(within(nav).getByRole('link', { name: 'Casi' })).toBeInTheDocument();
      expect(within(nav).queryByRole('link', { name: 'Amministrazione' })).not.toBeInTheDocument();
    },
  );

  it.each(['guardian', 'social_services', 'court'] as const)(
    'sends a %s from "/" to the case list, with "Casi" in the menu',
    async (role) => {
      const server = mockApi({
        'GET /api/auth/me': () => json(200, buildCurrentUser({ role })),
        'GET /api/cases': () => json(200, emptyPage),
      });
      const { router } = renderApp('/');

      expect(await screen.findByRole('heading', { level: 1, name: 'Casi' })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/cases');
      const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
      expect(within(nav).getByRole('link', { name: 'Casi' })).toBeInTheDocument();
      expect(within(nav).queryByRole('link', { name: 'Amministrazione' })).not.toBeInTheDocument();
      // The dashboard and the intake are for IOM staff only.
      expect(server.callsTo('GET', '/api/dashboard')).toHaveLength(0);
      expect(screen.queryByRole('link', { name: 'Nuovo caso' })).not.toBeInTheDocument();
    },
  );

  // Issue 5: the ministry starts from the statistics, the DPO from the oversight tools.
  it.each([
    ['ministry', '/stats', 'Statistiche'],
    ['dpo', '/dpo', 'Protezione dei dati'],
  ] as const)('sends a %s from "/" to their own area', async (role, path, heading) => {
    mockApi({
      'GET /api/auth/me': () =>
        json(200, buildCurrentUser({ role, displayName: 'Sara Galli', organisation: { id: '20000000-0000-4000-8000-000000000001', name: 'OIM Tirana', type: 'IOM_MISSION' } })),
    });
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(path);
    expect(within(screen.getByRole('navigation')).queryByRole('link', { name: 'Casi' })).not.toBeInTheDocument();
  });

  it('keeps roles without case access away from the case list', async () => {
    const server = mockApi({ 'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'ministry' })) });
    const { router } = renderApp('/cases');

    await waitFor(() => expect(router.state.location.pathname).toBe('/stats'));
    expect(server.callsTo('GET', '/api/cases')).toHaveLength(0);
  });

  it('logs out: calls the server, forgets the cached data and shows the login page', async () => {
    const server = mockApi({
      'GET /api/auth/me': () => json(200, buildCurrentUser()),
      'GET /api/cases': () => json(200, { items: [buildCaseSummary()], nextCursor: null }),
      'POST /api/auth/logout': () => noContent(),
    });
    const { router, queryClient } = renderApp('/cases');
    await screen.findAllByTestId('case-row');

    await userEvent.setup().click(screen.getByTestId('logout'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(server.callsTo('POST', '/api/auth/logout')[0]?.headers.get('X-Requested-With')).toBe('fetch');
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toHaveLength(0));
  });

  it('returns to the login page when the session expires mid-use', async () => {
    let sessionAlive = true;
    mockApi({
      'GET /api/auth/me': () => json(200, buildCurrentUser()),
      'GET /api/cases': () =>
        sessionAlive
          ? json(200, { items: [buildCaseSummary()], nextCursor: 'next' })
          : apiError(401, 'UNAUTHENTICATED'),
    });
    const { router, queryClient } = renderApp('/cases');
    await screen.findAllByTestId('case-row');

    sessionAlive = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Carica altri casi' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toHaveLength(0));
  });

  it('shows "Pagina non trovata" for an unknown address', async () => {
    mockApi({ 'GET /api/auth/me': () => json(200, buildCurrentUser()) });
    renderApp('/non-esiste');

    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeInTheDocument();
    expect(screen.getByTestId('user-menu')).toBeInTheDocument();
  });
});

describe('case detail', () => {
  beforeEach(resetClientState);

  it('starts with the minor: name, age and days to 18, nationality, state in words, case number, version', async () => {
    const caseRecord = buildCaseDetail({
      caseNumber: 'IF-2026-0042',
      state: 'COURT_PENDING',
      version: 7,
      minor: buildMinorProfile({
        id: '30000000-0000-4000-8000-000000000001',
        firstName: 'Blerim',
        lastName: 'Hoxha',
        sex: 'M',
        nationality: 'AL',
        dateOfBirth: dateOfBirthForAge(17),
      }),
      requestDate: '2026-03-05',
      transitions: [
        {
          id: 'approve_tracing',
          to: 'READY_FOR_TRACING',
          allowedForYou: false,
          firedBy: ['supervisor'],
          needsReason: false,
          unmet: [{ code: 'MINOR_CONSENT_TRACING', message: 'consent missing', suppliedBy: ['caseworker', 'guardian'] }],
        },
      ],
    });
    mockApi({
      'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'guardian' })),
      [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
    });
    renderApp(`/cases/${caseRecord.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Blerim Hoxha' })).toBeInTheDocument();
    expect(screen.getByText('In attesa della decisione del Tribunale per i minorenni')).toBeInTheDocument();
    expect(screen.getByText(/17 anni · compie 18 anni tra \d+ giorni/)).toBeInTheDocument();
    expect(screen.getAllByText('Albania').length).toBeGreaterThan(0);
    expect(screen.getByText('IF-2026-0042')).toBeInTheDocument();
    expect(screen.getByText('7')).toBeInTheDocument();
    expect(screen.getByText('05/03/2026')).toBeInTheDocument();
    // Next steps: what is missing and who can supply it, in words.
    const nextSteps = screen.getByRole('region', { name: 'Prossimi passi' });
    expect(nextSteps).toHaveTextContent('Passare a: Pronto per l\'indagine familiare');
    expect(nextSteps).toHaveTextContent('Chi può procedere: Supervisore');
    expect(nextSteps).toHaveTextContent(
      "Consenso informato del minore all'indagine familiare — può fornirlo: Operatore OIM, Tutore",
    );
    // The tab title carries the case number, never the minor's name.
    expect(document.title).toContain('IF-2026-0042');
    expect(document.title).not.toContain('Hoxha');
  });

  it('answers "not found" for a case the server hides', async () => {
    const hiddenId = '40000000-0000-4000-8000-000000000001';
    const server = mockApi({
      'GET /api/auth/me': () => json(200, buildCurrentUser()),
      [`GET /api/cases/${hiddenId}`]: () => apiError(404, 'NOT_FOUND'),
    });
    renderApp(`/cases/${hiddenId}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeInTheDocument();
    // A 404 is an answer, not a transient failure: no retries.
    expect(server.callsTo('GET', `/api/cases/${hiddenId}`)).toHaveLength(1);
  });

  it('answers "not found" for a malformed case id without asking the server', async () => {
    const server = mockApi({ 'GET /api/auth/me': () => json(200, buildCurrentUser()) });
    renderApp('/cases/not-a-uuid');

    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeInTheDocument();
    expect(server.calls.map((call) => call.path)).toEqual(['/api/auth/me']);
  });
});
