import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  buildApprovalItem,
  buildCurrentUser,
  buildDashboard,
  buildDashboardTask,
  buildTurningEighteen,
} from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Marco Bellini' });
const supervisor = buildCurrentUser({ role: 'supervisor', displayName: 'Elena Ferri' });

const manualTask = buildDashboardTask({
  id: '70000000-0000-4000-8000-000000000001',
  caseId: '80000000-0000-4000-8000-000000000001',
  caseNumber: 'IF-2026-0031',
  minor: { firstName: 'Ousmane', lastName: 'Kanté' },
  rule: 'manual:70000000-0000-4000-8000-000000000001',
  titleKey: null,
  title: 'Telefonare al tutore',
  dueAt: '2026-11-10T09:00:00.000Z',
  source: 'MANUAL',
});
const ruleTask = buildDashboardTask({
  caseId: '80000000-0000-4000-8000-000000000002',
  caseNumber: 'IF-2026-0032',
  minor: { firstName: 'Rakib', lastName: 'Hossain' },
  rule: 'consent_and_risk_check',
  titleKey: 'dashboard.taskRules.consent_and_risk_check',
  title: "Record the minor's informed consent and the pre-tracing risk check",
  dueAt: '2026-11-25T09:00:00.000Z',
  source: 'STATUTORY',
});

const dashboard = buildDashboard({
  casesByState: [
    { state: 'TRACING_IN_PROGRESS', count: 2 },
    { state: 'SCREENING', count: 3 },
  ],
  openCases: 5,
  tasks: { overdue: { count: 1, items: [manualTask] }, dueThisWeek: { count: 1, items: [ruleTask] } },
  turningEighteen: {
    within30: {
      count: 1,
      items: [buildTurningEighteen({ caseId: '90000000-0000-4000-8000-000000000001', caseNumber: 'IF-2026-0040', firstName: 'Lamin', lastName: 'Jallow', eighteenthBirthday: '2026-12-12', daysLeft: 20, dobIsDefaultJan1: true })],
    },
    within90: {
      count: 1,
      items: [buildTurningEighteen({ caseNumber: 'IF-2026-0041', firstName: 'Aymen', lastName: 'Ben Ali', eighteenthBirthday: '2027-01-21', daysLeft: 60 })],
    },
    within180: {
      count: 12,
      items: [
        buildTurningEighteen({ caseNumber: 'IF-2026-0042', firstName: 'Senait', lastName: 'Tesfay', eighteenthBirthday: '2027-04-21', daysLeft: 150, prosieguoUntil: '2029-04-21' }),
      ],
    },
    reached: { count: 0, items: [] },
  },
  approvals: {
    count: 1,
    items: [buildApprovalItem({ kind: 'REPORT_QA', caseId: 'a0000000-0000-4000-8000-000000000001', caseNumber: 'IF-2026-0050', minor: { firstName: 'Blerim', lastName: 'Hoxha' } })],
  },
});

describe('dashboard', () => {
  beforeEach(resetClientState);

  it('shows a caseworker the cases by state, deadlines, minors turning 18 and the reports to check', async () => {
    mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/dashboard': () => json(200, dashboard),
    });
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'La mia scrivania' })).toBeInTheDocument();

    const byState = within(screen.getByTestId('dashboard-by-state'));
    expect(byState.getByText('5 casi aperti')).toBeInTheDocument();
    // In the order of the workflow, each count opening the list filtered by that state.
    const stateLinks = byState.getAllByRole('link').filter((link) => link.getAttribute('href')?.startsWith('/cases?state='));
    expect(stateLinks.map((link) => link.textContent)).toEqual(['Richiesta in esame: 3', "Indagine familiare in corso nel paese d'origine: 2"]);
    expect(stateLinks[0]).toHaveAttribute('href', '/cases?state=SCREENING');

    const tasks = within(screen.getByTestId('dashboard-tasks'));
    expect(tasks.getByRole('heading', { name: 'Scadute (1)' })).toBeInTheDocument();
    const [overdue, week] = tasks.getAllByTestId('dashboard-task') as [HTMLElement, HTMLElement];
    expect(within(overdue).getByText('Telefonare al tutore')).toBeInTheDocument();
    expect(within(overdue).getByText('Scaduta')).toBeInTheDocument();
    expect(within(overdue).getByRole('link', { name: 'IF-2026-0031' })).toHaveAttribute('href', '/cases/80000000-0000-4000-8000-000000000001');
    expect(overdue).toHaveTextContent('Ousmane Kanté');
    expect(overdue).toHaveTextContent('Era da fare entro il 10/11/2026');
    // Rule deadlines: translated title and legal reference; they close by themselves.
    expect(within(week).getByText("Registrare il consenso informato del minore e la valutazione del rischio prima dell'indagine")).toBeInTheDocument();
    expect(week).toHaveTextContent(/Riferimento: d\.lgs\. 142\/2015 art\. 19 c\. 7-bis/);
    expect(week).toHaveTextContent('Da fare entro il 25/11/2026');
    expect(within(week).queryByRole('button', { name: 'Segna come fatta' })).not.toBeInTheDocument();

    const turning = within(screen.getByTestId('dashboard-turning-18'));
    const soon = within(turning.getByTestId('turning-18-within30'));
    expect(soon.getByRole('heading', { name: 'Entro 30 giorni (1)' })).toBeInTheDocument();
    expect(soon.getByText('Compie 18 anni il 12/12/2026: mancano 20 giorni')).toBeInTheDocument();
    expect(soon.getByText(/data di nascita è convenzionale/)).toBeInTheDocument();
    expect(soon.getByText('Nessun prosieguo amministrativo disposto')).toBeInTheDocument();
    expect(soon.getByRole('link', { name: 'IF-2026-0040' })).toHaveAttribute('href', '/cases/90000000-0000-4000-8000-000000000001');
    expect(within(turning.getByTestId('turning-18-within90')).getByText(/mancano 60 giorni/)).toBeInTheDocument();
    const later = within(turning.getByTestId('turning-18-within180'));
    expect(later.getByRole('heading', { name: 'Tra 91 e 180 giorni (12)' })).toBeInTheDocument();
    expect(later.getByText('Prosieguo amministrativo fino al 21/04/2029')).toBeInTheDocument();
    expect(later.getByText(/altri 11 elementi/)).toBeInTheDocument();
    // No "already 18" bucket when nobody is in it.
    expect(turning.queryByTestId('turning-18-reached')).not.toBeInTheDocument();

    const approvals = within(screen.getByTestId('dashboard-approvals'));
    expect(approvals.getByRole('heading', { name: 'Relazioni da controllare (controllo di qualità)' })).toBeInTheDocument();
    expect(approvals.getByRole('link', { name: 'IF-2026-0050: controllo di qualità della relazione' })).toHaveAttribute(
      'href',
      '/cases/a0000000-0000-4000-8000-000000000001?tab=reports',
    );
    expect(screen.getByRole('link', { name: 'Nuovo caso' })).toHaveAttribute('href', '/cases/new');
  });

  it('lists for a supervisor what waits for approval, each linking to the right tab', async () => {
    mockApi({
      'GET /api/auth/me': () => json(200, supervisor),
      'GET /api/dashboard': () =>
        json(200, buildDashboard({
          approvals: {
            count: 3,
            items: [
              buildApprovalItem({ kind: 'RISK_CHECK', caseId: 'b0000000-0000-4000-8000-000000000001', caseNumber: 'IF-2026-0061', state: 'SCREENING', riskCheckId: 'c0000000-0000-4000-8000-000000000001' }),
              buildApprovalItem({ kind: 'TRACING_APPROVAL', caseId: 'b0000000-0000-4000-8000-000000000002', caseNumber: 'IF-2026-0062', state: 'SCREENING' }),
              buildApprovalItem({ kind: 'REPORT_APPROVAL', caseId: 'b0000000-0000-4000-8000-000000000003', caseNumber: 'IF-2026-0063' }),
            ],
          },
          turningEighteen: {
            within30: { count: 0, items: [] },
            within90: { count: 0, items: [] },
            within180: { count: 0, items: [] },
            reached: { count: 1, items: [buildTurningEighteen({ caseNumber: 'IF-2026-0064', daysLeft: -3, eighteenthBirthday: '2026-11-19' })] },
          },
        })),
    });
    renderApp('/');

    const approvals = within(await screen.findByTestId('dashboard-approvals'));
    expect(approvals.getByRole('heading', { name: 'In attesa della tua approvazione' })).toBeInTheDocument();
    expect(approvals.getByRole('link', { name: 'IF-2026-0061: approvare la valutazione del rischio' })).toHaveAttribute(
      'href',
      '/cases/b0000000-0000-4000-8000-000000000001?tab=consents',
    );
    expect(approvals.getByRole('link', { name: "IF-2026-0062: approvare l'avvio dell'indagine familiare" })).toHaveAttribute(
      'href',
      '/cases/b0000000-0000-4000-8000-000000000002',
    );
    expect(approvals.getByRole('link', { name: 'IF-2026-0063: approvare la relazione' })).toHaveAttribute(
      'href',
      '/cases/b0000000-0000-4000-8000-000000000003?tab=reports',
    );
    expect(approvals.getAllByText(/In attesa dal 18\/11\/2026/)).toHaveLength(3);

    const reached = within(screen.getByTestId('turning-18-reached'));
    expect(reached.getByRole('heading', { name: /Già maggiorenni senza prosieguo/ })).toBeInTheDocument();
    expect(reached.getByText('Ha compiuto 18 anni il 19/11/2026 (3 giorni fa)')).toBeInTheDocument();
    expect(within(screen.getByTestId('dashboard-by-state')).getByText('Non hai casi aperti.')).toBeInTheDocument();
    expect(within(screen.getByTestId('dashboard-tasks')).getByText('Nessuna scadenza superata.')).toBeInTheDocument();
  });

  it('completes a manual task and reloads the dashboard', async () => {
    let done = false;
    const server = mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/dashboard': () =>
        json(200, done ? buildDashboard({ tasks: { overdue: { count: 0, items: [] }, dueThisWeek: { count: 1, items: [ruleTask] } } }) : dashboard),
      [`POST /api/tasks/${manualTask.id}/complete`]: () => {
        done = true;
        return json(200, {
          ...manualTask,
          legalRef: null,
          ownerRole: 'caseworker',
          status: 'DONE',
          overdue: false,
          detail: {},
          createdAt: '2026-11-01T09:00:00.000Z',
          closedAt: '2026-11-22T09:00:00.000Z',
        });
      },
    });
    renderApp('/');
    const tasks = within(await screen.findByTestId('dashboard-tasks'));

    await userEvent.setup().click(tasks.getByRole('button', { name: 'Segna come fatta' }));

    await waitFor(() => expect(tasks.queryByText('Telefonare al tutore')).not.toBeInTheDocument());
    expect(await screen.findByText('Attività completata: Telefonare al tutore')).toBeInTheDocument();
    expect(tasks.getByText('Nessuna scadenza superata.')).toBeInTheDocument();
    const complete = server.callsTo('POST', `/api/tasks/${manualTask.id}/complete`);
    expect(complete).toHaveLength(1);
    expect(complete[0]?.headers.get('X-Requested-With')).toBe('fetch');
    expect(server.callsTo('GET', '/api/dashboard')).toHaveLength(2);
  });

  it('says so when a task cannot be completed, and keeps it listed', async () => {
    mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/dashboard': () => json(200, dashboard),
      [`POST /api/tasks/${manualTask.id}/complete`]: () => apiError(409, 'CONFLICT'),
    });
    renderApp('/');
    const tasks = within(await screen.findByTestId('dashboard-tasks'));

    await userEvent.setup().click(tasks.getByRole('button', { name: 'Segna come fatta' }));

    expect(await screen.findByText("Non è stato possibile completare l'attività")).toBeInTheDocument();
    expect(tasks.getByText('Telefonare al tutore')).toBeInTheDocument();
  });

  it('is complete in English', async () => {
    mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/dashboard': () => json(200, dashboard),
    });
    renderApp('/');
    await screen.findByTestId('dashboard-tasks');

    await userEvent.setup().click(screen.getByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'My desk' })).toBeInTheDocument();
    expect(screen.getByText("Record the minor's informed consent and the pre-tracing risk check")).toBeInTheDocument();
    expect(screen.getByText('Turns 18 on 12/12/2026: 20 days left')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Request under review: 3' })).toBeInTheDocument();
  });

  it('shows a friendly error with a retry when the dashboard cannot be loaded', async () => {
    let fail = true;
    mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      'GET /api/dashboard': () => (fail ? apiError(403, 'FORBIDDEN') : json(200, dashboard)),
    });
    renderApp('/');

    expect(await screen.findByText("Non hai l'autorizzazione per questa operazione.")).toBeInTheDocument();
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Riprova' }));
    expect(await screen.findByTestId('dashboard-by-state')).toBeInTheDocument();
  });
});
