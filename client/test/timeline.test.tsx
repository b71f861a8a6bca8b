import type { TimelineEntry } from '@app/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@/lib/i18n';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

let sequence = 0;
const uuid = (prefix: string): string => {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
};

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
const giulia = { id: uuid('0b000000'), name: 'Giulia Rossi', role: 'caseworker' as const };
const paola = { id: uuid('0b000000'), name: 'Paola Conti', role: 'supervisor' as const };

const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  id: String((sequence += 1)),
  at: '2026-10-05T09:30:00.000Z',
  kind: 'TRANSITION',
  actor: giulia,
  fromState: null,
  toState: null,
  reason: null,
  detail: {},
  ...overrides,
});

const firstPage: TimelineEntry[] = [
  entry({ kind: 'TRANSITION', at: '2026-10-20T14:05:00.000Z', fromState: 'REPORT_QA', toState: 'REPORT_DRAFTING', reason: 'Manca la fonte della sezione 3', actor: paola }),
  entry({ kind: 'REPORT_RETURNED', at: '2026-10-20T14:05:00.000Z', actor: paola, detail: { versionNo: 2, comment: 'Manca la fonte della sezione 3' } }),
  entry({ kind: 'CONSENT_RECORDED', at: '2026-10-10T08:00:00.000Z', detail: { subject: 'FAMILY_MEMBER', scope: 'SHARE_REPORT', entityId: uuid('0c000000') } }),
  entry({ kind: 'SOMETHING_ADDED_LATER', at: '2026-10-09T08:00:00.000Z', actor: null, detail: { x: 1 } }),
];
const secondPage: TimelineEntry[] = [
  entry({ kind: 'CASE_UPDATED', at: '2026-10-03T08:00:00.000Z', detail: { fields: ['priority', 'internalNotes'], changes: {} } }),
  entry({ kind: 'CASE_CREATED', at: '2026-10-01T08:00:00.000Z', toState: 'RECEIVED', detail: { caseNumber: 'IF-2026-0100', channel: 'DG_MLPS' } }),
];

const renderTimeline = (pages: Record<string, { items: TimelineEntry[]; nextCursor: string | null }>) => {
  const caseRecord = buildCaseFileCase({ state: 'REPORT_DRAFTING' });
  const server = mockApi({
    'GET /api/auth/me': () => json(200, caseworker),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
    [`GET /api/cases/${caseRecord.id}/timeline`]: (request) => {
      const page = pages[request.query.get('cursor') ?? ''];
      return page ? json(200, page) : apiError(400, 'VALIDATION_FAILED');
    },
  });
  return { server, caseRecord, ...renderApp(`/cases/${caseRecord.id}?tab=timeline`) };
};

describe('case timeline', () => {
  beforeEach(resetClientState);

  it('shows transitions with the states in words, who and when, and the reason', async () => {
    renderTimeline({ '': { items: firstPage, nextCursor: null } });

    const [transition, returned, consent, unknown] = await screen.findAllByTestId('timeline-entry');
    expect(within(transition!).getByTestId('timeline-what')).toHaveTextContent(
      'Cambio di stato: Relazione in revisione → Relazione di indagine familiare in preparazione',
    );
    expect(transition).toHaveTextContent('Paola Conti (Supervisore)');
    expect(transition).toHaveTextContent('Motivazione: Manca la fonte della sezione 3');
    const time = transition!.querySelector('time');
    expect(time).toHaveAttribute('datetime', '2026-10-20T14:05:00.000Z');
    expect(time).toHaveTextContent(/20\/10\/2026/);

    expect(returned).toHaveTextContent('Relazione rimandata in bozza');
    expect(returned).toHaveTextContent('Versione 2');
    expect(consent).toHaveTextContent('Consenso registrato');
    expect(consent).toHaveTextContent('Condivisione della relazione — un familiare');
    expect(consent).toHaveTextContent('Giulia Rossi (Operatore OIM)');
    // A kind this client does not know yet still reads as a sentence, never as a code.
    expect(within(unknown!).getByTestId('timeline-what')).toHaveTextContent('Aggiornamento del fascicolo');
    expect(unknown).not.toHaveTextContent('SOMETHING_ADDED_LATER');
    expect(unknown).toHaveTextContent("Registrato dal sistema o dall'OIM");
    expect(screen.queryByTestId('timeline-load-more')).not.toBeInTheDocument();
  });

  it('loads older entries with the cursor, after the newer ones', async () => {
    const { server, caseRecord } = renderTimeline({
      '': { items: firstPage, nextCursor: 'cursor-1' },
      'cursor-1': { items: secondPage, nextCursor: null },
    });
    await screen.findAllByTestId('timeline-entry');
    expect(screen.getByText('4 eventi mostrati')).toBeInTheDocument();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Mostra eventi meno recenti' }));

    await waitFor(() => expect(screen.getAllByTestId('timeline-entry')).toHaveLength(6));
    const calls = server.callsTo('GET', `/api/cases/${caseRecord.id}/timeline`);
    expect(calls.map((call) => call.query.get('cursor'))).toEqual([null, 'cursor-1']);
    const entries = screen.getAllByTestId('timeline-entry');
    expect(entries[4]).toHaveTextContent('Dati della richiesta modificati');
    expect(entries[4]).toHaveTextContent('Dati modificati: priorità, note interne');
    expect(entries[5]).toHaveTextContent('Caso aperto');
    expect(entries[5]).toHaveTextContent('Numero del caso: IF-2026-0100');
    expect(screen.getByText('6 eventi mostrati')).toBeInTheDocument();
    expect(screen.queryByTestId('timeline-load-more')).not.toBeInTheDocument();
  });

  it('speaks English with the same entries', async () => {
    renderTimeline({ '': { items: firstPage.slice(0, 1), nextCursor: null } });
    await screen.findAllByTestId('timeline-entry');
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    expect(screen.getByTestId('timeline-what')).toHaveTextContent('State changed: Report under review → Family-assessment report being prepared');
    expect(screen.getByTestId('timeline-entry')).toHaveTextContent('Reason: Manca la fonte della sezione 3');
  });

  it("tells the return's steps in words: the guardian's co-signature, the hearing date, the court's decision, the continuation of support", async () => {
    renderTimeline({
      '': {
        items: [
          entry({ kind: 'PROSIEGUO_RECORDED', at: '2026-11-20T09:00:00.000Z', detail: { prosieguoUntil: '2029-03-31' } }),
          entry({ kind: 'COURT_DECISION_RECORDED', at: '2026-11-10T09:00:00.000Z', detail: { outcome: 'RETURN_ORDERED' } }),
          entry({ kind: 'COURT_HEARING_SCHEDULED', at: '2026-11-02T09:00:00.000Z', detail: { scheduledAt: '2026-11-09T10:30:00.000Z' } }),
          entry({ kind: 'AVR_GUARDIAN_CONSENT_RECORDED', at: '2026-11-01T09:00:00.000Z', detail: { subject: 'GUARDIAN', scope: 'AVR_REQUEST' } }),
        ],
        nextCursor: null,
      },
    });
    const [prosieguo, decision, hearing, consent] = await screen.findAllByTestId('timeline-entry');
    expect(prosieguo).toHaveTextContent('Prosieguo amministrativo registrato');
    expect(prosieguo).toHaveTextContent('Prosieguo fino al 31/03/2029');
    expect(decision).toHaveTextContent('Decisione del Tribunale registrata');
    expect(decision).toHaveTextContent('Rimpatrio disposto');
    // In the user's time zone (Europe/Rome in the tests' environment, or UTC).
    expect(hearing).toHaveTextContent(/Udienza del 09\/11\/2026, 1[01]:30/);
    expect(consent).toHaveTextContent('Il tutore ha firmato la richiesta di rimpatrio');
  });

  it('says when the timeline is empty', async () => {
    renderTimeline({ '': { items: [], nextCursor: null } });
    expect(await screen.findByTestId('timeline-empty')).toHaveTextContent('La cronologia di questo caso è vuota.');
  });
});
