import { RETURN_REPORT_SECTION_KEYS, type CaseDetail, type Report } from '@app/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser, buildDashboard, buildDashboardTask } from './support/factories';
import { json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';
import { buildReturnReport } from './support/return-fixtures';

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
type Handlers = Parameters<typeof mockApi>[0];

const renderReports = (caseRecord: CaseDetail, items: Report[], handlers: Handlers = {}) => {
  const state = { items };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, caseworker),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
    [`GET /api/cases/${caseRecord.id}/reports`]: () => json(200, { items: state.items, startable: null }),
    'GET /api/directory/organisations': () => json(200, { items: [] }),
    'GET /api/directory/users': () => json(200, { items: [] }),
    ...handlers,
  });
  return { server, state, ...renderApp(`/cases/${caseRecord.id}?tab=reports`) };
};

const planSections = (prefix: string) => Object.fromEntries(RETURN_REPORT_SECTION_KEYS.REINTEGRATION_PLAN.map((key) => [key, `${prefix} ${key}`]));

describe('return and reintegration: reports and dashboard', () => {
  beforeEach(resetClientState);

  it('offers the return reports the step allows, and starts one from the records', async () => {
    const caseRecord = buildCaseFileCase({ state: 'COURT_APPROVED' });
    const approvedPlan = buildReturnReport(caseRecord.id, { kind: 'REINTEGRATION_PLAN', released: false, latestReleasedVersionNo: null }, { status: 'APPROVED' });
    const started = buildReturnReport(caseRecord.id, { kind: 'AVR_OPERATIONAL_NOTE', released: false, latestReleasedVersionNo: null }, { status: 'DRAFT' });
    const { server, state } = renderReports(caseRecord, [approvedPlan], {
      [`POST /api/cases/${caseRecord.id}/return-reports`]: () => {
        state.items = [approvedPlan, started];
        return json(201, started);
      },
    });
    const starters = within(await screen.findByTestId('return-report-starters'));
    // The hand-over protocol belongs to a later step; the plan gets a new version.
    expect(starters.queryByTestId('report-start-HANDOVER_PROTOCOL')).not.toBeInTheDocument();
    expect(starters.getByTestId('report-start-REINTEGRATION_PLAN')).toHaveTextContent('Inizia una nuova versione: Piano di reintegrazione');
    await userEvent.setup().click(starters.getByTestId('report-start-AVR_OPERATIONAL_NOTE'));
    expect(await screen.findByText('Bozza della relazione creata.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/return-reports`)[0]?.body).toEqual({ kind: 'AVR_OPERATIONAL_NOTE', fromRecords: false });
    // Now being drafted: no second start for it.
    expect(await screen.findAllByTestId('report-card')).toHaveLength(2);
    expect(screen.queryByTestId('report-start-AVR_OPERATIONAL_NOTE')).not.toBeInTheDocument();
  });

  it('drafts a return report in its own steps (not only in the report-drafting state), with its sections named', async () => {
    const caseRecord = buildCaseFileCase({ state: 'AVR_COUNSELLING' });
    const draft = buildReturnReport(
      caseRecord.id,
      { kind: 'REINTEGRATION_PLAN', released: false, latestReleasedVersionNo: null },
      { status: 'DRAFT', sectionsOriginal: planSections('Testo'), sectionsIt: planSections('Testo'), missingSections: { original: [], it: [] } },
    );
    renderReports(caseRecord, [draft]);
    const composer = within(await screen.findByTestId('report-composer'));
    expect(composer.getAllByText('Bisogni e competenze del minore').length).toBeGreaterThan(0);
    expect(composer.getAllByText('Piano di monitoraggio').length).toBeGreaterThan(0);
    expect(screen.queryByText(/La bozza si modifica solo mentre il caso è nella fase/)).not.toBeInTheDocument();
  });

  it('releases an approved return report at a later step without asking for the family consent', async () => {
    const caseRecord = buildCaseFileCase({ state: 'MONITORING' });
    const approved = buildReturnReport(caseRecord.id, { kind: 'HANDOVER_PROTOCOL', released: false, latestReleasedVersionNo: null }, { status: 'APPROVED' });
    const { server } = renderReports(caseRecord, [approved]);
    await userEvent.setup().click(await screen.findByTestId('report-release'));
    expect(await screen.findByText(/non serve il consenso della famiglia alla condivisione/)).toBeInTheDocument();
    expect(server.callsTo('GET', `/api/cases/${caseRecord.id}/file`)).toHaveLength(0);
  });

  it('puts overdue monitoring visits on the dashboard, linked to the case calendar', async () => {
    const overdue = buildDashboardTask({
      caseId: '80000000-0000-4000-8000-0000000000a1',
      caseNumber: 'IF-2026-0026',
      minor: { firstName: 'Modou', lastName: 'Jammeh' },
      rule: 'monitoring_visit_due',
      titleKey: 'dashboard.taskRules.monitoring_visit_due',
      title: 'A post-return monitoring visit is due',
      dueAt: '2026-11-01T09:00:00.000Z',
    });
    const other = buildDashboardTask({ caseNumber: 'IF-2026-0027' });
    mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/dashboard': () => json(200, buildDashboard({ tasks: { overdue: { count: 2, items: [overdue, other] }, dueThisWeek: { count: 0, items: [] } } })),
    });
    renderApp('/');
    const card = within(await screen.findByTestId('dashboard-monitoring'));
    const [item] = card.getAllByTestId('monitoring-visit-item');
    expect(card.getAllByTestId('monitoring-visit-item')).toHaveLength(1);
    expect(item).toHaveTextContent('Modou Jammeh');
    expect(item).toHaveTextContent('Visita prevista il 01/11/2026, non ancora registrata');
    expect(within(item!).getByRole('link', { name: 'IF-2026-0026' })).toHaveAttribute('href', '/cases/80000000-0000-4000-8000-0000000000a1?tab=return');
    expect(card.getByText('Nessuna visita prevista nei prossimi 7 giorni.')).toBeInTheDocument();
    // The task itself reads in Italian too.
    expect(within(screen.getByTestId('dashboard-tasks')).getByText('Visita di monitoraggio dopo il rientro: assicurarsi che la missione la svolga e la registri')).toBeInTheDocument();
  });
});
