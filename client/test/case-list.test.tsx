import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseSummary, buildCurrentUser, dateOfBirthForAge } from './support/factories';
import { json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const caseworker = buildCurrentUser({ role: 'caseworker' });

describe('case list', () => {
  beforeEach(resetClientState);

  it('renders one row per case with the state in plain Italian, then in English', async () => {
    const tracing = buildCaseSummary({
      caseNumber: 'IF-2026-0001',
      state: 'TRACING_IN_PROGRESS',
      minor: {
        id: '10000000-0000-4000-8000-000000000001',
        firstName: 'Amir',
        lastName: 'Haddad',
        sex: 'M',
        nationality: 'TN',
        dateOfBirth: dateOfBirthForAge(16),
      },
      updatedAt: '2026-11-22T10:00:00.000Z',
    });
    const received = buildCaseSummary({ caseNumber: 'IF-2026-0002', state: 'RECEIVED' });
    mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/cases': () => json(200, { items: [tracing, received], nextCursor: null }),
    });
    renderApp('/cases');

    const rows = await screen.findAllByTestId('case-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole('link', { name: 'IF-2026-0001' })).toHaveAttribute('href', `/cases/${tracing.id}`);
    expect(first.getByText('Amir Haddad')).toBeInTheDocument();
    expect(first.getByText('Tunisia')).toBeInTheDocument();
    expect(first.getByText('16 anni')).toBeInTheDocument();
    expect(first.getByText("Indagine familiare in corso nel paese d'origine")).toBeInTheDocument();
    expect(first.getByText('22/11/2026')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('Richiesta ricevuta')).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('radio', { name: 'English' }));

    expect(await first.findByText('Family tracing under way in the country of origin')).toBeInTheDocument();
    expect(first.getByText('16 years')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Last update' })).toBeInTheDocument();
    expect(screen.queryByText("Indagine familiare in corso nel paese d'origine")).not.toBeInTheDocument();
  });

  it('loads the next page with the cursor the server returned', async () => {
    const server = mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/cases': ({ query }) =>
        query.get('cursor') === 'page-2'
          ? json(200, { items: [buildCaseSummary({ caseNumber: 'IF-2026-0103' })], nextCursor: null })
          : json(200, {
              items: [buildCaseSummary({ caseNumber: 'IF-2026-0101' }), buildCaseSummary({ caseNumber: 'IF-2026-0102' })],
              nextCursor: 'page-2',
            }),
    });
    renderApp('/cases');
    expect(await screen.findAllByTestId('case-row')).toHaveLength(2);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Carica altri casi' }));

    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(3));
    expect(screen.getByRole('link', { name: 'IF-2026-0103' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Carica altri casi' })).not.toBeInTheDocument();
    const requests = server.callsTo('GET', '/api/cases');
    expect(requests.map((call) => call.query.get('cursor'))).toEqual([null, 'page-2']);
    expect(requests[0]?.query.get('limit')).toBe('25');
  });

  it('passes the state filter from the URL to the server', async () => {
    const server = mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/cases': () => json(200, { items: [], nextCursor: null }),
    });
    renderApp('/cases?state=COURT_PENDING');

    expect(await screen.findByText('Nessun caso in questo stato.')).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/cases')[0]?.query.get('state')).toBe('COURT_PENDING');
    expect(screen.getByRole('combobox', { name: 'Stato del caso' })).toHaveValue(
      'In attesa della decisione del Tribunale per i minorenni',
    );
  });

  it('says so when there are no cases at all', async () => {
    mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/cases': () => json(200, { items: [], nextCursor: null }),
    });
    renderApp('/cases');

    expect(await screen.findByText('Non ci sono casi da mostrare.')).toBeInTheDocument();
    expect(screen.queryByTestId('case-row')).not.toBeInTheDocument();
  });

  it('shows a friendly error with a retry when the list cannot be loaded', async () => {
    let fail = true;
    const server = mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/cases': () =>
        fail
          ? json(403, { code: 'FORBIDDEN', message: 'no' })
          : json(200, { items: [buildCaseSummary()], nextCursor: null }),
    });
    renderApp('/cases');

    expect(await screen.findByText('Non hai l\'autorizzazione per questa operazione.')).toBeInTheDocument();
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Riprova' }));

    expect(await screen.findAllByTestId('case-row')).toHaveLength(1);
    expect(server.callsTo('GET', '/api/cases')).toHaveLength(2);
  });
});

describe('case list state filter', () => {
  beforeEach(resetClientState);

  it('puts the chosen state in the URL and asks the server for it', async () => {
    const located = buildCaseSummary({ caseNumber: 'IF-2026-0500', state: 'FAMILY_LOCATED' });
    const server = mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/cases': ({ query }) =>
        json(200, {
          items: query.get('state') === 'FAMILY_LOCATED' ? [located] : [buildCaseSummary(), buildCaseSummary()],
          nextCursor: null,
        }),
    });
    const { router } = renderApp('/cases');
    expect(await screen.findAllByTestId('case-row')).toHaveLength(2);
    const user = userEvent.setup();

    await user.click(screen.getByRole('combobox', { name: 'Stato del caso' }));
    await user.click(await screen.findByRole('option', { name: 'Famiglia rintracciata' }));

    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(1));
    expect(screen.getByRole('link', { name: 'IF-2026-0500' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?state=FAMILY_LOCATED');
    expect(server.callsTo('GET', '/api/cases').at(-1)?.query.get('state')).toBe('FAMILY_LOCATED');
  });
});
