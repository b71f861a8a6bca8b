import type { StatsReport } from '@app/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { buildStatsCells, buildStatsReport, suppressedCell, valueCell } from './support/portal-fixtures';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const supervisor = buildCurrentUser({ role: 'supervisor', displayName: 'Giulia Ferri' });
const ministry = buildCurrentUser({ role: 'ministry', displayName: 'Funzionario DG', organisation: { id: '0a000000-0000-4000-8000-000000000001', name: 'Ministero', type: 'MINISTRY' } });

// The total has a suppressed count and a suppressed share, the rest shown.
const totalWithSuppression = () =>
  buildStatsCells(12, {
    returnsCarriedOut: suppressedCell(),
    shareCompletedBeforeEighteen: valueCell(62.5),
    daysToReportMedian: valueCell(41),
    outcomeUnsafe: valueCell(0),
  });

const byNationality = (): StatsReport =>
  buildStatsReport({ breakdown: 'nationality', total: totalWithSuppression() }, [
    { group: 'EG', cells: buildStatsCells(9) },
    { group: 'BD', cells: buildStatsCells(0, { requestsReceived: suppressedCell() }) },
    { group: 'unknown', cells: buildStatsCells(0, { requestsReceived: suppressedCell() }) },
  ]);

const renderStats = (user = supervisor, answer: (query: URLSearchParams) => Response = (query) => json(200, query.get('breakdown') === 'nationality' ? byNationality() : buildStatsReport({ total: totalWithSuppression() })), path = '/stats') => {
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    'GET /api/stats': ({ query }) => answer(query),
  });
  return { server, ...renderApp(path) };
};

// React keeps a submitted form's data when the submit starts a transition (here the router's
// navigation to the new filters); Node's FormData (jsdom-env.cjs) cannot read a jsdom form, and
// these tests do not need that data.
const NodeFormData = global.FormData;
class FormDataWithoutForm extends NodeFormData {
  constructor() {
    super();
  }
}

describe('statistics', () => {
  beforeEach(resetClientState);
  beforeAll(() => {
    global.FormData = FormDataWithoutForm as typeof FormData;
  });
  afterAll(() => {
    global.FormData = NodeFormData;
  });

  it('shows a supervisor the headline figures, with suppressed cells marked and explained, and the CSV export', async () => {
    const { server } = renderStats();

    expect(await screen.findByRole('heading', { level: 1, name: 'Statistiche' })).toBeInTheDocument();
    expect(await screen.findByTestId('stats-range')).toHaveTextContent('Dal 23/11/2025 al 22/11/2026');
    expect(screen.getByTestId('stats-figure-requestsReceived')).toHaveTextContent('Richieste ricevute12');
    expect(screen.getByTestId('stats-figure-shareCompletedBeforeEighteen')).toHaveTextContent('62,5%');
    expect(screen.getByTestId('stats-figure-daysToReportMedian')).toHaveTextContent('41 giorni');
    // Suppressed: the word, never a number, with the reason for screen readers.
    expect(screen.getByTestId('stats-figure-returnsCarriedOut')).toHaveTextContent('nascosto (Valore nascosto per tutelare la riservatezza dei minori)');
    expect(screen.getByTestId('stats-suppression-note')).toHaveTextContent('i conteggi tra 1 e 4 (meno di 5 minori) non vengono mostrati né esportati');
    expect(screen.getByTestId('stats-suppression-note')).toHaveTextContent('«suppressed»');
    const table = within(screen.getByTestId('stats-table'));
    expect(within(table.getByTestId('stats-row-outcomeUnsafe')).getByText('0')).toBeInTheDocument();
    expect(within(table.getByTestId('stats-row-returnsCarriedOut')).getByTestId('stats-suppressed')).toBeInTheDocument();
    // The chart is a labelled image whose description carries every value.
    const chart = screen.getByRole('img', { name: /Richieste, esiti e rimpatri nel periodo/ });
    expect(chart).toHaveAccessibleDescription(/Rimpatri effettuati: nascosto/);
    expect(screen.getByTestId('stats-export')).toHaveAttribute('href', '/api/stats/export?breakdown=none');
    expect(server.callsTo('GET', '/api/stats')[0]?.query.toString()).toBe('breakdown=none');
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).getByRole('link', { name: 'Statistiche' })).toHaveAttribute('aria-current', 'page');
  });

  it('breaks the figures down by nationality: names the countries, charts one measure and exports the same query', async () => {
    const { server, router } = renderStats();
    await screen.findByTestId('stats-report');

    fireEvent.change(screen.getByTestId('stats-breakdown'), { target: { value: 'nationality' } });

    await waitFor(() => expect(screen.getByTestId('stats-range').nextSibling).toHaveTextContent('Nazionalità'));
    expect(router.state.location.search).toContain('breakdown=nationality');
    expect(server.callsTo('GET', '/api/stats').at(-1)?.query.get('breakdown')).toBe('nationality');
    const table = within(screen.getByTestId('stats-table'));
    expect(table.getByRole('columnheader', { name: 'Egitto' })).toBeInTheDocument();
    expect(table.getByRole('columnheader', { name: 'Bangladesh' })).toBeInTheDocument();
    expect(table.getByRole('columnheader', { name: 'Non indicato' })).toBeInTheDocument();
    expect(within(table.getByTestId('stats-row-requestsReceived')).getAllByTestId('stats-suppressed')).toHaveLength(2);
    expect(screen.getAllByTestId('stats-chart-bar')).toHaveLength(3);
    expect(screen.getByRole('img', { name: 'Richieste ricevute per Nazionalità' })).toHaveAccessibleDescription('Egitto: 9; Bangladesh: nascosto; Non indicato: nascosto');
    expect(screen.getByTestId('stats-export').getAttribute('href')).toContain('breakdown=nationality');
  });

  it('applies a period from the date fields, and refuses an end before the start without asking the server', async () => {
    const { server, router } = renderStats();
    await screen.findByTestId('stats-report');
    const user = userEvent.setup();

    fireEvent.change(screen.getByTestId('stats-from'), { target: { value: '2026-06-01' } });
    fireEvent.change(screen.getByTestId('stats-to'), { target: { value: '2026-01-31' } });
    await user.click(screen.getByTestId('stats-apply'));
    expect(await screen.findByText('La data finale viene prima di quella iniziale')).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/stats')).toHaveLength(1);

    fireEvent.change(screen.getByTestId('stats-to'), { target: { value: '2026-06-30' } });
    await user.click(screen.getByTestId('stats-apply'));
    await waitFor(() => expect(server.callsTo('GET', '/api/stats')).toHaveLength(2));
    expect(server.callsTo('GET', '/api/stats')[1]?.query.toString()).toBe('from=2026-06-01&to=2026-06-30&breakdown=none');
    expect(router.state.location.search).toBe('?from=2026-06-01&to=2026-06-30');
  });

  it("puts the server's refusal of a period on the date field", async () => {
    renderStats(supervisor, (query) =>
      query.get('from') ? apiError(400, 'VALIDATION_FAILED', { fields: [{ path: 'from', code: 'too_long', message: 'A period of at most ten years' }] }) : json(200, buildStatsReport()),
      '/stats?from=2000-01-01&to=2026-01-01',
    );
    expect(await screen.findByText('Scegli un periodo di al massimo dieci anni')).toBeInTheDocument();
    expect(screen.queryByTestId('case-file-error')).not.toBeInTheDocument();
  });

  it('shows the ministry the same figures in English, suppressed cells read "hidden"', async () => {
    renderStats(ministry);
    await screen.findByTestId('stats-report');

    await userEvent.setup().click(screen.getByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Statistics' })).toBeInTheDocument();
    expect(screen.getByTestId('stats-figure-returnsCarriedOut')).toHaveTextContent('hidden');
    expect(screen.getByTestId('stats-suppression-note')).toHaveTextContent('counts from 1 to 4 (fewer than 5 children)');
    expect(screen.getByTestId('stats-export')).toHaveTextContent('Export as CSV');
  });

  it('keeps caseworkers away from the statistics', async () => {
    const server = mockApi({ 'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'caseworker' })), 'GET /api/dashboard': () => apiError(503, 'SERVICE_UNAVAILABLE') });
    const { router } = renderApp('/stats');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(server.callsTo('GET', '/api/stats')).toHaveLength(0);
  });
});
