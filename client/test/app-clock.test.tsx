import { screen, within } from '@testing-library/react';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser, buildDirectoryOrganisation } from './support/factories';
import { json, mockApi } from './support/mock-api';
import { buildPortalCase, portalId } from './support/portal-fixtures';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

type Handlers = Parameters<typeof mockApi>[0];

// Every answer carries the server's clock, as server/src/app.ts sends it.
const withServerClock = (appNow: string, handlers: Handlers): Handlers =>
  Object.fromEntries(
    Object.entries(handlers).map(([route, handler]) => [
      route,
      async (request) => {
        const response = await handler(request);
        const headers = new Headers(response.headers);
        headers.set('X-App-Now', appNow);
        return new Response(await response.text(), { status: response.status, headers });
      },
    ]),
  );

// The browser's clock is left alone: whatever the real date, the forms follow the server's.
describe("forms follow the server's clock, in Italian calendar days", () => {
  beforeEach(resetClientState);

  it('limits the date of birth at intake to today in Italy', async () => {
    const caseworker = buildCurrentUser({ role: 'caseworker' });
    mockApi(
      withServerClock('2026-12-31T23:30:00.000Z', {
        'GET /api/auth/me': () => json(200, caseworker),
        'GET /api/directory/organisations': () => json(200, { items: [buildDirectoryOrganisation()] }),
        'GET /api/directory/users': () => json(200, { items: [] }),
        'POST /api/minors/search': () => json(200, { candidates: [] }),
      }),
    );
    renderApp('/cases/new');

    expect(await screen.findByTestId('intake-form')).toBeInTheDocument();
    // 23:30 UTC on 31 December is already New Year's Day in Italy.
    expect(screen.getByLabelText(/^Data di nascita(?! convenzionale)/)).toHaveAttribute('max', '2027-01-01');
  });

  it('counts the days to the 18th birthday and the limits of the continuation in calendar days, across the change to summer time', async () => {
    const socialWorker = buildCurrentUser({ role: 'social_services', displayName: 'Laura Colombo', organisation: { id: portalId('0a000000'), name: 'Comune di Milano – Servizi sociali per minori', type: 'SOCIAL_SERVICES' } });
    const caseRecord = buildCaseFileCase({ state: 'AWAITING_SOLUTION' });
    const portalCase = buildPortalCase(caseRecord.id, { state: caseRecord.state });
    mockApi(
      // 00:30 on Sunday 29 March 2026 in Rome, the night the clocks go forward.
      withServerClock('2026-03-28T23:30:00.000Z', {
        'GET /api/auth/me': () => json(200, socialWorker),
        [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
        [`GET /api/portal/cases/${caseRecord.id}`]: () =>
          json(200, { ...portalCase, minor: { ...portalCase.minor, dateOfBirth: '2008-03-30', eighteenthBirthday: '2026-03-30' } }),
      }),
    );
    renderApp(`/cases/${caseRecord.id}?tab=support`);

    const form = within(await screen.findByTestId('prosieguo-form'));
    expect(screen.getByTestId('prosieguo-birthday')).toHaveTextContent('Compie 18 anni il 30/03/2026: manca 1 giorno.');
    expect(form.getByLabelText(/^Fino a quando/)).toHaveAttribute('min', '2026-03-31');
    expect(form.getByLabelText(/^Fino a quando/)).toHaveAttribute('max', '2029-03-30');
  });
});
