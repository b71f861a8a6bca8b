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

    expect(await screen.findByText('Nessun caso corrisponde a questi filtri.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancella i filtri' })).toBeInTheDocument();
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

const filterOptions = {
  states: ['SCREENING', 'TRACING_IN_PROGRESS'],
  nationalities: ['TN', 'EG'],
  caseworkers: [{ id: '50000000-0000-4000-8000-000000000001', name: 'Sara Conti' }],
  requestingAuthorities: [
    { id: '60000000-0000-4000-8000-000000000001', name: 'Comune di Palermo – Servizi sociali per minori', type: 'SOCIAL_SERVICES' },
  ],
};

describe('case list columns, filters and name search', () => {
  beforeEach(resetClientState);

  it('shows caseworker, requesting authority, the 18th birthday and the overdue flag in words', async () => {
    const late = buildCaseSummary({
      caseNumber: 'IF-2026-0700',
      assignedCaseworker: { id: '50000000-0000-4000-8000-000000000001', name: 'Sara Conti' },
      requestingAuthority: { id: '60000000-0000-4000-8000-000000000001', name: 'Comune di Palermo', type: 'SOCIAL_SERVICES' },
      overdue: true,
      minor: { id: '10000000-0000-4000-8000-000000000009', firstName: 'Lamin', lastName: 'Jallow', sex: 'M', nationality: 'GM', dateOfBirth: '2010-03-04' },
    });
    const onTime = buildCaseSummary({ caseNumber: 'IF-2026-0701', overdue: false, assignedCaseworker: null, requestingAuthority: null });
    mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/cases': () => json(200, { items: [late, onTime], nextCursor: null }),
      'GET /api/cases/filters': () => json(200, filterOptions),
    });
    renderApp('/cases');

    const rows = await screen.findAllByTestId('case-row');
    const first = within(rows[0] as HTMLElement);
    expect(first.getByText('Sara Conti')).toBeInTheDocument();
    expect(first.getByText('Comune di Palermo')).toBeInTheDocument();
    expect(first.getByText('Scadenza superata')).toBeInTheDocument();
    expect(first.getByText('18 anni il 04/03/2028')).toBeInTheDocument();
    expect(first.getByText('Gambia')).toBeInTheDocument();
    const second = within(rows[1] as HTMLElement);
    expect(second.queryByText('Scadenza superata')).not.toBeInTheDocument();
    expect(second.getByText('Nessuna scadenza superata')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Ente richiedente' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nuovo caso' })).toHaveAttribute('href', '/cases/new');
  });

  it('puts nationality, caseworker, requesting authority and overdue in the query string', async () => {
    const server = mockApi({
      'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'supervisor' })),
      'GET /api/cases': () => json(200, { items: [buildCaseSummary()], nextCursor: null }),
      'GET /api/cases/filters': () => json(200, filterOptions),
    });
    const { router } = renderApp('/cases');
    await screen.findAllByTestId('case-row');
    const user = userEvent.setup();

    await user.click(screen.getByRole('combobox', { name: 'Nazionalità' }));
    await user.click(await screen.findByRole('option', { name: 'Egitto' }));
    await waitFor(() => expect(router.state.location.search).toBe('?nationality=EG'));

    await user.click(screen.getByRole('combobox', { name: 'Operatore OIM' }));
    await user.click(await screen.findByRole('option', { name: 'Sara Conti' }));
    await user.click(screen.getByRole('combobox', { name: 'Ente richiedente' }));
    await user.click(await screen.findByRole('option', { name: 'Comune di Palermo – Servizi sociali per minori' }));
    await user.click(screen.getByRole('checkbox', { name: 'Solo casi con scadenze superate' }));

    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('overdue')).toBe('true'));
    const params = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(params)).toEqual({
      nationality: 'EG',
      caseworkerId: '50000000-0000-4000-8000-000000000001',
      requestingAuthorityId: '60000000-0000-4000-8000-000000000001',
      overdue: 'true',
    });
    await waitFor(() => expect(server.callsTo('GET', '/api/cases').at(-1)?.query.get('overdue')).toBe('true'));
    const last = server.callsTo('GET', '/api/cases').at(-1);
    expect(last?.query.get('nationality')).toBe('EG');
    expect(last?.query.get('caseworkerId')).toBe('50000000-0000-4000-8000-000000000001');
    expect(last?.query.get('requestingAuthorityId')).toBe('60000000-0000-4000-8000-000000000001');
    // A reload of the same address shows the same choices.
    expect(screen.getByRole('combobox', { name: 'Nazionalità' })).toHaveValue('Egitto');
    expect(screen.getByRole('checkbox', { name: 'Solo casi con scadenze superate' })).toBeChecked();
  });

  it('searches by name in a POST body with the URL filters, never in a URL, and pages with the cursor', async () => {
    const jallow = buildCaseSummary({ caseNumber: 'IF-2026-0801' });
    const server = mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/cases': () => json(200, { items: [buildCaseSummary(), buildCaseSummary(), buildCaseSummary()], nextCursor: null }),
      'GET /api/cases/filters': () => json(200, filterOptions),
      'POST /api/cases/search': ({ body }) =>
        (body as { cursor?: string }).cursor === 'search-2'
          ? json(200, { items: [buildCaseSummary({ caseNumber: 'IF-2026-0802' })], nextCursor: null })
          : json(200, { items: [jallow], nextCursor: 'search-2' }),
    });
    const { router } = renderApp('/cases?state=SCREENING');
    expect(await screen.findAllByTestId('case-row')).toHaveLength(3);
    const user = userEvent.setup();

    await user.type(screen.getByTestId('case-search'), 'Jallow');

    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(1));
    expect(screen.getByRole('link', { name: 'IF-2026-0801' })).toBeInTheDocument();
    const searches = server.callsTo('POST', '/api/cases/search');
    expect(searches.at(-1)?.body).toEqual({ state: 'SCREENING', name: 'Jallow', limit: 25 });
    expect(searches.at(-1)?.query.toString()).toBe('');
    expect(searches.at(-1)?.headers.get('X-Requested-With')).toBe('fetch');

    await user.click(screen.getByRole('button', { name: 'Carica altri casi' }));
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(2));
    expect(server.callsTo('POST', '/api/cases/search').at(-1)?.body).toEqual({ state: 'SCREENING', name: 'Jallow', cursor: 'search-2', limit: 25 });

    // The name is nowhere in an address: not the page's, not any request's.
    expect(router.state.location.search).toBe('?state=SCREENING');
    for (const call of server.calls) expect(`${call.path}?${call.query.toString()}`).not.toMatch(/jallow/i);

    // Clearing the field goes back to the filtered list.
    await user.clear(screen.getByTestId('case-search'));
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(3));
  });

  it('offers to clear the filters when nothing matches, and clears the name too', async () => {
    const server = mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/cases': ({ query }) =>
        json(200, { items: query.get('nationality') ? [] : [buildCaseSummary({ caseNumber: 'IF-2026-0900' })], nextCursor: null }),
      'GET /api/cases/filters': () => json(200, filterOptions),
      'POST /api/cases/search': () => json(200, { items: [], nextCursor: null }),
    });
    const { router } = renderApp('/cases?nationality=EG');
    expect(await screen.findByText('Nessun caso corrisponde a questi filtri.')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByTestId('case-search'), 'Nessuno');
    await waitFor(() => expect(server.callsTo('POST', '/api/cases/search')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Cancella i filtri' }));

    expect(await screen.findByRole('link', { name: 'IF-2026-0900' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(screen.getByTestId('case-search')).toHaveValue('');
  });
});
