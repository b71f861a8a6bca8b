import { addDays, romeDay, ROLES, type FieldReturnDetail, type FieldReturnSummary } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { navItemsFor } from '@/app/layout/nav-items';
import { paths } from '@/config/paths';
import { buildCurrentUser } from './support/factories';
import { FakeXhr, installFakeXhr, pdfFile } from './support/fake-xhr';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';
import { buildHandover, buildItem, buildReturnDocument, buildVisit, returnId } from './support/return-fixtures';

const fieldOfficer = buildCurrentUser({
  role: 'field_officer',
  displayName: 'Nour El-Sayed',
  organisation: { id: 'b2000000-0000-4000-8000-000000000001', name: 'OIM Il Cairo', type: 'IOM_MISSION' },
});
type Handlers = Parameters<typeof mockApi>[0];

// Calendar days from today in Italy, as the app counts them.
const isoDaysFromNow = (days: number) => addDays(romeDay(new Date()), days);

const buildSummary = (overrides: Partial<FieldReturnSummary> = {}): FieldReturnSummary => ({
  caseId: returnId('5a000000'),
  caseNumber: 'MSNA-2026-0042',
  state: 'MONITORING',
  minor: { firstName: 'Mohamed', lastName: 'Ibrahim', sex: 'M', nationality: 'EG', dateOfBirth: '2010-03-14' },
  plannedDeparture: '2026-05-20T08:00:00.000Z',
  handedOverAt: '2026-05-20T16:00:00.000Z',
  nextVisitOn: isoDaysFromNow(20),
  ...overrides,
});

const buildDetail = (overrides: Partial<FieldReturnDetail> = {}): FieldReturnDetail => ({
  ...buildSummary(),
  receivingCaregiver: { name: 'Fatma Ibrahim', relationship: 'madre' },
  airportCollection: true,
  escort: { name: 'Luca Verdi', role: 'Operatore OIM' },
  itinerary: 'Milano Malpensa → Il Cairo, volo diretto',
  reintegrationPlan: null,
  handover: null,
  monitoringVisits: [],
  documents: [],
  writable: true,
  ...overrides,
});

const fieldDocument = (caseId: string, overrides: Partial<FieldReturnDetail['documents'][number]> = {}): FieldReturnDetail['documents'][number] => {
  const { id, title, language, fileName, mediaType, sizeBytes, sha256, uploadedAt } = buildReturnDocument(caseId, { title: 'Verbale di consegna firmato' });
  return { id, type: 'HANDOVER_PROTOCOL', title, language, fileName, mediaType, sizeBytes, sha256, uploadedAt, ...overrides };
};

// Serves the detail from a variable, so that a write "on the server" shows on the next read.
const renderDetail = (initial: FieldReturnDetail, handlers: Handlers = {}) => {
  const state = { current: initial };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, fieldOfficer),
    [`GET /api/field/returns/${initial.caseId}`]: () => json(200, state.current),
    ...handlers,
  });
  return { server, state, ...renderApp(`/returns/${initial.caseId}`) };
};

// Nothing of the minor's life in Italy is asked for or sent: no field, no staff route.
const expectNoItalianWhereabouts = (server: ReturnType<typeof mockApi>) => {
  for (const label of [/regione|region/i, /comune|municipality/i, /struttura|facility|accoglienza in italia/i, /posizione giuridica|legal status|protezione internazionale|asilo/i]) {
    expect(screen.queryByRole('textbox', { name: label })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: label })).not.toBeInTheDocument();
  }
  expect(server.calls.filter((call) => !call.path.startsWith('/api/field/returns') && call.path !== '/api/auth/me')).toEqual([]);
  const keys = new Set<string>();
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        keys.add(key);
        collect(inner);
      }
    }
  };
  server.calls.forEach((call) => collect(call.body));
  for (const key of ['region', 'municipality', 'receptionFacility', 'receptionType', 'legalStatus', 'asylumApplicant']) expect(keys.has(key)).toBe(false);
};

describe('returned minors: the receiving mission', () => {
  beforeEach(resetClientState);

  it('lists only the minors the server gives, each linking to their page', async () => {
    const first = buildSummary({ minor: { firstName: 'Mohamed', lastName: 'Ibrahim', sex: 'M', nationality: 'EG', dateOfBirth: null }, nextVisitOn: isoDaysFromNow(-3) });
    const second = buildSummary({ caseNumber: 'MSNA-2026-0077', state: 'IN_TRANSIT', minor: { firstName: 'Ahmed', lastName: 'Salah', sex: 'M', nationality: 'EG', dateOfBirth: null }, handedOverAt: null, nextVisitOn: null });
    mockApi({ 'GET /api/auth/me': () => json(200, fieldOfficer), 'GET /api/field/returns': () => json(200, { items: [first, second] }) });
    renderApp('/returns');

    expect(await screen.findByRole('heading', { level: 1, name: 'Minori rimpatriati' })).toBeInTheDocument();
    const rows = await screen.findAllByTestId('field-return-row');
    expect(rows).toHaveLength(2);
    expect(screen.getByText('2 minori')).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('link', { name: 'Mohamed Ibrahim' })).toHaveAttribute('href', `/returns/${first.caseId}`);
    expect(within(rows[0]!).getByTestId('next-visit-overdue')).toHaveTextContent('In ritardo');
    expect(within(rows[1]!).getByRole('link', { name: 'Ahmed Salah' })).toHaveAttribute('href', `/returns/${second.caseId}`);
    expect(within(rows[1]!).getByText('Nessuna visita programmata')).toBeInTheDocument();
    expect(within(rows[1]!).queryByTestId('next-visit-overdue')).not.toBeInTheDocument();
  });

  it('shows reception, the plan by dimension and the monitoring calendar, with download links; nothing about Italy', async () => {
    const caseId = returnId('5b000000');
    const school = buildItem({ description: 'Tasse e libri di scuola', status: 'IN_PROGRESS' });
    const overdue = buildVisit({ seq: 1, plannedOn: isoDaysFromNow(-5), monthOffset: 1 });
    const later = buildVisit({ seq: 2, plannedOn: isoDaysFromNow(60), monthOffset: 3 });
    const protocol = fieldDocument(caseId);
    const { server } = renderDetail(
      buildDetail({
        caseId,
        handover: buildHandover({ place: 'Aeroporto del Cairo' }),
        reintegrationPlan: {
          needsAndSkills: 'Vuole finire la scuola secondaria.',
          familySituation: 'Madre e due fratelli.',
          objectives: [{ id: returnId('5c000000'), dimension: 'SOCIAL', level: 'INDIVIDUAL', description: 'Tornare a scuola entro tre mesi' }],
          assistanceItems: [school],
          approved: true,
        },
        monitoringVisits: [later, overdue],
        documents: [protocol],
      }),
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Mohamed Ibrahim' })).toBeInTheDocument();
    const reception = within(screen.getByTestId('field-part-reception'));
    expect(reception.getByText('Fatma Ibrahim (madre)')).toBeInTheDocument();
    expect(reception.getByText('Luca Verdi, Operatore OIM')).toBeInTheDocument();
    const plan = within(screen.getByTestId('field-plan'));
    expect(plan.getByText('Piano approvato')).toBeInTheDocument();
    // Objectives by dimension.
    const objectives = within(plan.getByTestId('objectives'));
    expect(objectives.getByText('Sociale')).toBeInTheDocument();
    expect(objectives.getByText(/Tornare a scuola entro tre mesi/)).toBeInTheDocument();
    expect(within(plan.getByTestId('assistance-items')).getByText('Tasse e libri di scuola')).toBeInTheDocument();
    expect(screen.getByTestId('field-handover')).toHaveTextContent('Aeroporto del Cairo');

    expect(screen.getByTestId('field-monitoring-overdue')).toHaveTextContent('1 visita in ritardo');
    const visits = screen.getAllByTestId('field-visit');
    expect(visits.map((visit) => visit.getAttribute('data-status'))).toEqual(['OVERDUE', 'PLANNED']);
    expect(within(visits[0]!).getByTestId('visit-status')).toHaveTextContent('In ritardo');

    const link = within(screen.getByTestId('field-documents')).getByRole('link', { name: `Scarica «${protocol.title}»` });
    expect(link).toHaveAttribute('href', `/api/field/returns/${caseId}/documents/${protocol.id}`);
    expect(screen.getByText(/non sono condivisi con la missione/)).toBeInTheDocument();
    expectNoItalianWhereabouts(server);
  });

  it('records a visit with the mission’s endpoint and the right body, then reads the case again', async () => {
    const caseId = returnId('5d000000');
    const item = buildItem({ status: 'PLANNED', description: 'Tasse e libri di scuola' });
    const visit = buildVisit({ seq: 1, plannedOn: isoDaysFromNow(-2), monthOffset: 1 });
    const detail = buildDetail({
      caseId,
      handover: buildHandover({ arrivedAt: `${isoDaysFromNow(-40)}T10:00:00.000Z` }),
      reintegrationPlan: { needsAndSkills: 'Scuola.', familySituation: 'Madre.', objectives: [], assistanceItems: [item], approved: true },
      monitoringVisits: [visit],
    });
    const visitPath = `/api/field/returns/${caseId}/monitoring-visits/${visit.id}`;
    const { server, state } = renderDetail(detail, {
      [`PUT ${visitPath}`]: () => {
        const done = { ...visit, status: 'DONE' as const, visitedOn: visit.plannedOn, mode: 'HOME' as const, officer: 'Nour El-Sayed', childSeenAlone: true, wellbeing: 'Sereno.', protectionConcerns: 'Lo zio lo spinge a lavorare.' };
        state.current = { ...detail, monitoringVisits: [done] };
        return json(200, done);
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('field-visit-record'));
    const form = within(screen.getByTestId('visit-form'));
    await user.click(form.getByRole('radio', { name: 'Sì' }));
    await user.type(form.getByRole('textbox', { name: /^Benessere del minore/ }), 'Sereno in famiglia.');
    await user.type(form.getByTestId('visit-concerns'), 'Lo zio lo spinge a lavorare.');
    await user.click(form.getByRole('checkbox', { name: /Tasse e libri di scuola/ }));
    await user.type(form.getByLabelText(/^Data di erogazione/), visit.plannedOn);
    await user.click(form.getByRole('button', { name: 'Registra la visita' }));

    expect(await screen.findByText('Visita registrata.')).toBeInTheDocument();
    expect(server.callsTo('PUT', visitPath)).toHaveLength(1);
    expect(server.callsTo('PUT', visitPath)[0]!.body).toEqual({
      visitedOn: visit.plannedOn,
      mode: 'HOME',
      officer: 'Nour El-Sayed',
      childSeenAlone: true,
      wellbeing: 'Sereno in famiglia.',
      protectionConcerns: 'Lo zio lo spinge a lavorare.',
      assistanceDelivered: [{ itemId: item.id, status: 'DELIVERED', deliveredOn: visit.plannedOn }],
    });
    // The case is read again: the visit is done, and its concern can be escalated.
    expect(await screen.findByTestId('field-visit-findings')).toHaveTextContent('Lo zio lo spinge a lavorare.');
    expect(screen.getByTestId('field-visit-escalate')).toBeInTheDocument();
    expect(server.callsTo('GET', `/api/field/returns/${caseId}`).length).toBeGreaterThanOrEqual(2);
    expectNoItalianWhereabouts(server);
  });

  it('names what the hand-over still needs, uploads the signed protocol, and shows the server’s field errors in words', async () => {
    const restore = installFakeXhr();
    try {
      const caseId = returnId('5e000000');
      const detail = buildDetail({ caseId, state: 'IN_TRANSIT', handedOverAt: null, nextVisitOn: null });
      const handoverPath = `/api/field/returns/${caseId}/handover`;
      let answer: 'refuse' | 'accept' = 'refuse';
      const { server } = renderDetail(detail, {
        [`POST ${handoverPath}`]: () =>
          answer === 'refuse'
            ? apiError(422, 'VALIDATION_FAILED', { fields: [{ path: 'arrivedAt', code: 'future', message: 'The arrival is confirmed once it happened' }] })
            : json(201, buildHandover()),
      });
      const user = userEvent.setup();
      const form = within(await screen.findByTestId('field-handover-form'));
      expect(form.getByRole('textbox', { name: /^Nome di chi ha accolto il minore/ })).toHaveValue('Fatma Ibrahim');
      await user.click(form.getByTestId('field-handover-submit'));

      const missing = await screen.findByTestId('handover-missing');
      expect(within(missing).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
        'Luogo della consegna',
        'Chi ha accolto il minore',
        'Firmatari del verbale (almeno due)',
        'Verbale di consegna firmato (caricalo e sceglilo)',
      ]);
      expect(server.callsTo('POST', handoverPath)).toHaveLength(0);

      // The signed protocol is uploaded to the mission's route, and chosen.
      await user.upload(form.getByTestId('inline-upload-file-HANDOVER_PROTOCOL'), pdfFile('%PDF-1.7', 'verbale.pdf'));
      await user.click(form.getByTestId('inline-upload-submit-HANDOVER_PROTOCOL'));
      const xhr = FakeXhr.instances[0]!;
      expect(xhr.url).toBe(`/api/field/returns/${caseId}/documents`);
      expect(xhr.body?.get('type')).toBe('HANDOVER_PROTOCOL');
      const uploaded = buildReturnDocument(caseId, { type: 'HANDOVER_PROTOCOL', title: 'Verbale di consegna' });
      xhr.respond(201, uploaded);
      await waitFor(() => expect(within(screen.getByTestId('handover-missing')).queryByText(/Verbale di consegna firmato/)).not.toBeInTheDocument());

      await user.type(form.getByRole('textbox', { name: /^Luogo della consegna/ }), 'Aeroporto del Cairo');
      await user.click(form.getByRole('combobox', { name: /^Chi ha accolto il minore/ }));
      await user.click(await screen.findByRole('option', { name: 'Genitore' }));
      const signatories = form.getAllByLabelText(/^Firmatari del verbale/).find((element) => element.getAttribute('type') !== 'hidden')!;
      await user.type(signatories, 'Luca Verdi{Enter}Fatma Ibrahim{Enter}');
      await user.click(form.getByTestId('field-handover-submit'));

      // 422 from the server: the field's problem in words, and the summary names it.
      expect(await form.findByText('La data non può essere nel futuro: si registra quando è già avvenuto')).toBeInTheDocument();
      expect(within(screen.getByTestId('handover-missing')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Arrivo']);
      const sent = server.callsTo('POST', handoverPath)[0]!.body as Record<string, unknown>;
      expect(sent).toMatchObject({ place: 'Aeroporto del Cairo', receivedByName: 'Fatma Ibrahim', receivedByKind: 'PARENT', protocolDocumentId: uploaded.id, signedBy: ['Luca Verdi', 'Fatma Ibrahim'] });
      expect(Object.keys(sent).sort()).toEqual(['arrivedAt', 'place', 'protocolDocumentId', 'receivedByKind', 'receivedByName', 'signedBy']);

      answer = 'accept';
      await user.click(form.getByTestId('field-handover-submit'));
      expect(await screen.findByText('Consegna registrata: le visite di monitoraggio sono programmate.')).toBeInTheDocument();
      expect(server.callsTo('POST', handoverPath)).toHaveLength(2);
      expectNoItalianWhereabouts(server);
    } finally {
      restore();
    }
  });

  it('gives the navigation entry to field officers only', async () => {
    for (const role of ROLES) {
      const linked = navItemsFor(role).some((item) => item.to === paths.fieldReturns());
      expect({ role, linked }).toEqual({ role, linked: role === 'field_officer' });
    }
    mockApi({ 'GET /api/auth/me': () => json(200, fieldOfficer), 'GET /api/field/returns': () => json(200, { items: [] }) });
    renderApp('/returns');
    expect(await screen.findByTestId('field-returns-empty')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    expect(within(nav).getByRole('link', { name: 'Minori rimpatriati' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Richieste di indagine' })).toBeInTheDocument();
  });

  it('sends IOM staff away from the mission’s pages', async () => {
    mockApi({ 'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'caseworker' })), 'GET /api/dashboard': () => apiError(500, 'INTERNAL_ERROR') });
    const { router } = renderApp('/returns');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(screen.queryByRole('link', { name: 'Minori rimpatriati' })).not.toBeInTheDocument();
  });
});
