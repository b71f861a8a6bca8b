import { addDays, romeDay, RSS_INDICATOR_KEYS, type CaseDetail, type CurrentUser, type ReturnFile } from '@app/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { visitStatus } from '@/features/return';
import { buildCaseFile, buildCaseFileCase, buildFamilyMember } from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';
import { buildDecision, buildHandover, buildItem, buildPlan, buildProceeding, buildReturnDocument, buildReturnFile, buildTravelPlan, buildVisit } from './support/return-fixtures';

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
const supervisor = buildCurrentUser({ role: 'supervisor', displayName: 'Paola Conti' });
type Handlers = Parameters<typeof mockApi>[0];

const renderReturn = (caseRecord: CaseDetail, file: ReturnFile, { user = caseworker, handlers = {} }: { user?: CurrentUser; handlers?: Handlers } = {}) => {
  const state = { caseRecord, file };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, state.caseRecord),
    [`GET /api/cases/${caseRecord.id}/return`]: () => json(200, state.file),
    ...handlers,
  });
  return { server, state, ...renderApp(`/cases/${caseRecord.id}?tab=return`) };
};

// Calendar days from today in Italy, as the app counts them.
const isoDaysFromNow = (days: number) => addDays(romeDay(new Date()), days);

// The tags input of the signatories (its hidden twin carries the same label).
const signatories = (form: ReturnType<typeof within>) => form.getAllByLabelText(/^Firmatari del verbale/).find((element: HTMLElement) => element.getAttribute('type') !== 'hidden')!;

describe('return and reintegration: hand-over, monitoring calendar and durable solution', () => {
  beforeEach(resetClientState);

  it('says a planned visit whose date has passed is overdue', () => {
    expect(visitStatus({ status: 'PLANNED', plannedOn: '2026-05-01' }, '2026-05-02')).toBe('OVERDUE');
    expect(visitStatus({ status: 'PLANNED', plannedOn: '2026-05-02' }, '2026-05-02')).toBe('PLANNED');
    expect(visitStatus({ status: 'DONE', plannedOn: '2026-05-01' }, '2026-05-02')).toBe('DONE');
  });

  it('records the hand-over with the signed protocol and at least two signatories; monitoring at +1, +3, +6 months', async () => {
    const caseRecord = buildCaseFileCase({ state: 'IN_TRANSIT' });
    const mother = buildFamilyMember({ firstName: 'Fatma', lastName: 'Ibrahim' });
    const protocol = buildReturnDocument(caseRecord.id, { type: 'HANDOVER_PROTOCOL', title: 'Verbale firmato' });
    const { server } = renderReturn(caseRecord, buildReturnFile(caseRecord.id, { travelPlan: buildTravelPlan({ receivingCaregiver: { id: mother.id, name: 'Fatma Ibrahim', relationship: 'madre' } }) }), {
      handlers: {
        [`GET /api/cases/${caseRecord.id}/file`]: () => json(200, buildCaseFile({ familyMembers: [mother] })),
        [`GET /api/cases/${caseRecord.id}/documents`]: () => json(200, { items: [protocol] }),
        [`POST /api/cases/${caseRecord.id}/avr/handover`]: () => json(201, buildHandover()),
      },
    });
    const form = within(await screen.findByTestId('handover-form'));
    const user = userEvent.setup();
    expect(form.getByRole('textbox', { name: /^Nome di chi ha accolto il minore/ })).toHaveValue('Fatma Ibrahim');
    await user.type(form.getByRole('textbox', { name: /^Luogo della consegna/ }), 'Aeroporto del Cairo');
    await user.click(form.getByRole('combobox', { name: /^Chi ha accolto il minore/ }));
    await user.click(await screen.findByRole('option', { name: 'Genitore' }));
    await user.type(signatories(form), 'Luca Verdi{Enter}');
    await user.click(form.getByRole('button', { name: 'Registra la consegna' }));
    // One signatory and no protocol: both refused before anything is sent.
    expect((await form.findAllByText(/Campo obbligatorio|Valore non valido|Inserisci almeno/)).length).toBeGreaterThanOrEqual(2);
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/avr/handover`)).toHaveLength(0);

    await user.type(signatories(form), 'Nour El-Sayed{Enter}');
    await user.click(form.getByRole('combobox', { name: /^Verbale di consegna firmato/ }));
    await user.click(await screen.findByRole('option', { name: /Verbale firmato/ }));
    await user.click(form.getByRole('button', { name: 'Registra la consegna' }));
    expect(await screen.findByText('Consegna registrata: le visite di monitoraggio sono programmate.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/avr/handover`)[0]?.body).toMatchObject({
      place: 'Aeroporto del Cairo',
      receivedByName: 'Fatma Ibrahim',
      receivedByKind: 'PARENT',
      receivedByFamilyMemberId: mother.id,
      protocolDocumentId: protocol.id,
      signedBy: ['Luca Verdi', 'Nour El-Sayed'],
      monitoringMonths: [1, 3, 6],
    });
  });

  it('shows the calendar by month with the overdue visit, and records a visit with the 15 sustainability indicators', async () => {
    const caseRecord = buildCaseFileCase({ state: 'MONITORING' });
    const item = buildItem({ status: 'IN_PROGRESS' });
    const overdue = buildVisit({ seq: 2, plannedOn: isoDaysFromNow(-10), monthOffset: 3 });
    const future = buildVisit({ seq: 3, plannedOn: isoDaysFromNow(40), monthOffset: 6 });
    const { server } = renderReturn(caseRecord, buildReturnFile(caseRecord.id, { handover: buildHandover({ arrivedAt: '2026-01-10T10:00:00.000Z' }), reintegrationPlan: buildPlan({ assistanceItems: [item] }), monitoringVisits: [future, overdue] }), {
      handlers: { [`PUT /api/cases/${caseRecord.id}/monitoring/visits/${overdue.id}`]: () => json(200, { ...overdue, status: 'DONE' }) },
    });
    expect(await screen.findByTestId('monitoring-overdue')).toHaveTextContent('1 visita in ritardo');
    const visits = screen.getAllByTestId('monitoring-visit');
    // Sorted by date: the overdue one first, said in words.
    expect(visits[0]).toHaveAttribute('data-status', 'OVERDUE');
    expect(within(visits[0]!).getByTestId('visit-status')).toHaveTextContent('In ritardo');
    expect(visits[0]).toHaveTextContent('3 mesi dopo la consegna');
    expect(within(visits[1]!).getByTestId('visit-status')).toHaveTextContent('Programmata');

    const user = userEvent.setup();
    await user.click(within(visits[0]!).getByTestId('visit-record'));
    const form = within(screen.getByTestId('visit-form'));
    await user.click(form.getByRole('radio', { name: 'Sì' }));
    await user.type(form.getByRole('textbox', { name: /^Benessere del minore/ }), 'Va a scuola, sereno in famiglia.');
    await user.click(form.getByRole('checkbox', { name: /Iscrizione a scuola/ }));
    await user.type(form.getByLabelText(/^Data di erogazione/), isoDaysFromNow(-11));
    await user.click(form.getByTestId('visit-scoring'));
    await user.click(form.getByRole('button', { name: 'Registra la visita' }));
    // Every indicator needs its score once scoring is on.
    expect((await form.findAllByText('Campo obbligatorio')).length).toBe(15);
    for (const key of RSS_INDICATOR_KEYS) {
      await user.click(within(form.getByTestId(`score-${key}`)).getByRole('radio', { name: /: 4$/ }));
    }
    await user.click(form.getByRole('button', { name: 'Registra la visita' }));
    expect(await screen.findByText('Visita registrata.')).toBeInTheDocument();
    const body = server.callsTo('PUT', `/api/cases/${caseRecord.id}/monitoring/visits/${overdue.id}`)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      mode: 'HOME',
      officer: 'Giulia Rossi',
      childSeenAlone: true,
      wellbeing: 'Va a scuola, sereno in famiglia.',
      assistanceDelivered: [{ itemId: item.id, status: 'DELIVERED', deliveredOn: isoDaysFromNow(-11) }],
    });
    expect(body).not.toHaveProperty('protectionConcerns');
    expect(body.sustainabilityScores).toEqual(Object.fromEntries(RSS_INDICATOR_KEYS.map((key) => [key, 4])));
  });

  it('escalates a protection concern; only a supervisor closes the referral', async () => {
    const caseRecord = buildCaseFileCase({ state: 'MONITORING' });
    const done = buildVisit({ status: 'DONE', visitedOn: '2026-07-02', mode: 'HOME', officer: 'Nour El-Sayed', childSeenAlone: false, wellbeing: 'Stanco', protectionConcerns: 'Lo zio lo manda a lavorare.' });
    const escalated = { ...done, escalation: { referredTo: 'Child protection office, Kafr el-Sheikh', note: 'Lavoro minorile', escalatedAt: '2026-07-03T09:00:00.000Z', resolvedAt: null, resolution: null } };
    const first = renderReturn(caseRecord, buildReturnFile(caseRecord.id, { monitoringVisits: [done] }), {
      handlers: { [`POST /api/cases/${caseRecord.id}/monitoring/visits/${done.id}/escalation`]: () => json(200, escalated) },
    });
    const user = userEvent.setup();
    expect(await screen.findByTestId('visit-concern')).toHaveTextContent('Lo zio lo manda a lavorare.');
    expect(screen.getByText('Il minore non è stato sentito da solo.')).toBeInTheDocument();
    await user.click(screen.getByTestId('visit-escalate'));
    const form = within(screen.getByTestId('visit-escalate-form'));
    await user.type(form.getByRole('textbox', { name: /^A chi è segnalata/ }), 'Child protection office, Kafr el-Sheikh');
    await user.type(form.getByRole('textbox', { name: /^Cosa è stato segnalato/ }), 'Lavoro minorile');
    await user.click(form.getByRole('button', { name: 'Segnala' }));
    expect(await screen.findByText('Preoccupazione segnalata.')).toBeInTheDocument();
    expect(first.server.callsTo('POST', `/api/cases/${caseRecord.id}/monitoring/visits/${done.id}/escalation`)[0]?.body).toEqual({
      referredTo: 'Child protection office, Kafr el-Sheikh',
      note: 'Lavoro minorile',
    });
    first.unmount();

    // A caseworker sees that a supervisor closes it; the supervisor has the button.
    const second = renderReturn(caseRecord, buildReturnFile(caseRecord.id, { monitoringVisits: [escalated] }));
    expect(await screen.findByText('La segnalazione la chiude un supervisore.')).toBeInTheDocument();
    expect(screen.queryByTestId('visit-resolve')).not.toBeInTheDocument();
    second.unmount();
    renderReturn(caseRecord, buildReturnFile(caseRecord.id, { monitoringVisits: [escalated] }), { user: supervisor });
    expect(await screen.findByTestId('visit-resolve')).toBeInTheDocument();
  });

  it('folds the steps the case has moved past, and opens one on request', async () => {
    const caseRecord = buildCaseFileCase({ state: 'MONITORING' });
    renderReturn(caseRecord, buildReturnFile(caseRecord.id, { travelPlan: buildTravelPlan(), handover: buildHandover(), monitoringVisits: [buildVisit({ plannedOn: isoDaysFromNow(20) })] }));
    const toggle = await screen.findByTestId('return-section-travel-toggle');
    expect(toggle).toHaveTextContent('Mostra');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByTestId('travel-plan')).not.toBeInTheDocument();
    // The current step stays open.
    expect(screen.getByTestId('monitoring-calendar')).toBeInTheDocument();
    await userEvent.setup().click(toggle);
    expect(screen.getByTestId('travel-plan')).toHaveTextContent('Luca Verdi');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });

  it("records the durable solution of a returned child on the court's decision", async () => {
    const caseRecord = buildCaseFileCase({ state: 'MONITORING' });
    const decision = buildDecision({ decreeDocumentId: '3f000000-0000-4000-8000-0000000000aa' });
    const proceeding = buildProceeding({ decision, docketNumber: '1234/2026' });
    const { server } = renderReturn(caseRecord, buildReturnFile(caseRecord.id, { court: { proceedings: [proceeding], prosieguoUntil: null } }), {
      handlers: {
        [`POST /api/cases/${caseRecord.id}/durable-solution`]: (request) => json(201, { id: decision.id, courtDecisionId: decision.id, mediatorName: null, viewsRelayedBy: null, biaRef: null, recordedAt: '2026-11-20T10:00:00.000Z', ...(request.body as object) }),
      },
    });
    const user = userEvent.setup();
    expect(await screen.findByTestId('solution-empty')).toHaveTextContent('va registrata prima di chiudere il caso');
    await user.click(screen.getByTestId('solution-add'));
    const form = within(screen.getByTestId('solution-form'));
    expect(form.getByRole('combobox', { name: /^Soluzione$/ })).toHaveValue('Rimpatrio assistito e volontario');
    expect(form.getByRole('textbox', { name: /^Chi ha deciso/ })).toHaveValue('Tribunale per i minorenni di Milano');
    await user.type(form.getByRole('textbox', { name: /^Cosa pensa il minore/ }), 'Sono contento di essere a casa.');
    await user.type(form.getByRole('textbox', { name: /^Lingua/ }), 'Arabo');
    await user.click(form.getByRole('button', { name: 'Registra la soluzione' }));
    expect(await screen.findByText('Soluzione duratura registrata.')).toBeInTheDocument();
    const body = server.callsTo('POST', `/api/cases/${caseRecord.id}/durable-solution`)[0]?.body;
    expect(body).toMatchObject({
      solution: 'RETURN_AVR',
      decidedBy: 'Tribunale per i minorenni di Milano',
      decisionRef: '1234/2026',
      courtDecisionId: decision.id,
      optionsConsidered: ['RETURN_AVR'],
      minorViews: 'Sono contento di essere a casa.',
      minorViewsLanguage: 'Arabo',
      mediatorPresent: false,
    });
  });
});
