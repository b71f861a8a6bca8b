import type { CaseDetail, ReintegrationPlan, ReturnFile } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';
import { buildItem, buildPlan, buildReturnFile, returnId } from './support/return-fixtures';

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
type Handlers = Parameters<typeof mockApi>[0];

const renderPlan = (caseRecord: CaseDetail, file: ReturnFile, handlers: Handlers = {}) => {
  const state = { caseRecord, file };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, caseworker),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, state.caseRecord),
    [`GET /api/cases/${caseRecord.id}/return`]: () => json(200, state.file),
    ...handlers,
  });
  return { server, state, ...renderApp(`/cases/${caseRecord.id}?tab=return`) };
};

const counselling = () => buildCaseFileCase({ state: 'AVR_COUNSELLING' });
const section = async () => within(await screen.findByTestId('return-section-plan'));

describe('return and reintegration: the reintegration plan editor', () => {
  beforeEach(resetClientState);

  it('writes the plan first (no version to match), then offers objectives and items', async () => {
    const caseRecord = counselling();
    const written = buildPlan({ version: 1 });
    const { server, state } = renderPlan(caseRecord, buildReturnFile(caseRecord.id), {
      [`PUT /api/cases/${caseRecord.id}/reintegration-plan`]: () => {
        state.file = buildReturnFile(caseRecord.id, { reintegrationPlan: written });
        return json(200, written);
      },
    });
    const plan = await section();
    expect(plan.getByText(/Prima scrivi la parte descrittiva del piano/)).toBeInTheDocument();
    expect(plan.queryByTestId('objective-form')).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(plan.getByRole('checkbox', { name: 'Vulnerabilità' }));
    await user.type(plan.getByRole('textbox', { name: /^Bisogni e competenze del minore/ }), 'Vuole finire la scuola.');
    await user.type(plan.getByRole('textbox', { name: /^Situazione della famiglia/ }), 'Madre e due fratelli.');
    await user.type(plan.getByRole('textbox', { name: /^Cosa pensa il minore del piano/ }), 'Voglio studiare.');
    await user.type(plan.getByRole('textbox', { name: /^Lingua del minore/ }), 'Arabo');
    await user.click(plan.getByRole('button', { name: 'Salva il piano' }));

    expect(await screen.findByText('Piano salvato.')).toBeInTheDocument();
    const [call] = server.callsTo('PUT', `/api/cases/${caseRecord.id}/reintegration-plan`);
    expect(call?.headers.get('If-Match')).toBeNull();
    expect(call?.body).toEqual({
      draftedPreDeparture: true,
      assessmentsDone: { vulnerability: true, risk: false, family: false, skills: false, rssBaseline: false },
      needsAndSkills: 'Vuole finire la scuola.',
      familySituation: 'Madre e due fratelli.',
      minorViews: 'Voglio studiare.',
      minorViewsLanguage: 'Arabo',
    });
    expect(await screen.findByTestId('objective-form')).toBeInTheDocument();
    expect(screen.getByTestId('item-form')).toBeInTheDocument();
    expect(screen.getByTestId('plan-approval')).toHaveTextContent('Non ancora approvato');
  });

  it('adds an objective by dimension and level, and an in-kind item with provider and budget', async () => {
    const caseRecord = counselling();
    const objective = { id: returnId('5a000000'), dimension: 'SOCIAL' as const, level: 'INDIVIDUAL' as const, description: 'Tornare a scuola entro tre mesi' };
    const { server, state } = renderPlan(caseRecord, buildReturnFile(caseRecord.id, { reintegrationPlan: buildPlan() }), {
      [`POST /api/cases/${caseRecord.id}/reintegration-plan/objectives`]: () => {
        const plan = buildPlan({ version: 4, objectives: [objective] });
        state.file = buildReturnFile(caseRecord.id, { reintegrationPlan: plan });
        return json(201, plan);
      },
      [`POST /api/cases/${caseRecord.id}/reintegration-plan/assistance-items`]: () => {
        const plan = buildPlan({ version: 5, objectives: [objective], assistanceItems: [buildItem({ objectiveId: objective.id, budgetEur: 450.5 })], totalBudgetEur: 450.5 });
        state.file = buildReturnFile(caseRecord.id, { reintegrationPlan: plan });
        return json(201, plan);
      },
    });
    const user = userEvent.setup();
    const objectiveForm = within(await screen.findByTestId('objective-form'));
    await user.click(objectiveForm.getByRole('button', { name: "Aggiungi l'obiettivo" }));
    expect((await objectiveForm.findAllByText('Campo obbligatorio')).length).toBeGreaterThanOrEqual(2);
    await user.click(objectiveForm.getByRole('combobox', { name: /^Dimensione/ }));
    await user.click(await screen.findByRole('option', { name: 'Sociale' }));
    await user.click(objectiveForm.getByRole('combobox', { name: /^Livello/ }));
    await user.click(await screen.findByRole('option', { name: 'Individuale' }));
    await user.type(objectiveForm.getByRole('textbox', { name: /^Obiettivo/ }), 'Tornare a scuola entro tre mesi');
    await user.click(objectiveForm.getByRole('button', { name: "Aggiungi l'obiettivo" }));
    expect(await screen.findByText('Obiettivo aggiunto.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/reintegration-plan/objectives`)[0]?.body).toEqual({
      dimension: 'SOCIAL',
      level: 'INDIVIDUAL',
      description: 'Tornare a scuola entro tre mesi',
    });
    expect(await screen.findByTestId('objective')).toHaveTextContent('Tornare a scuola entro tre mesi');

    const itemForm = within(screen.getByTestId('item-form'));
    // Choosing the objective fills its dimension and level.
    await user.click(itemForm.getByRole('combobox', { name: /^Obiettivo/ }));
    await user.click(await screen.findByRole('option', { name: 'Tornare a scuola entro tre mesi' }));
    expect(itemForm.getByRole('combobox', { name: /^Dimensione/ })).toHaveValue('Sociale');
    await user.click(itemForm.getByRole('combobox', { name: /^Tipo di intervento/ }));
    await user.click(await screen.findByRole('option', { name: 'Iscrizione a scuola' }));
    await user.type(itemForm.getByRole('textbox', { name: /^Descrizione/ }), 'Tasse e libri');
    await user.type(itemForm.getByRole('textbox', { name: /^Chi lo fornisce/ }), 'Scuola pubblica');
    await user.type(itemForm.getByRole('textbox', { name: /^Costo/ }), '450.5');
    expect(itemForm.getByRole('checkbox', { name: 'In beni e servizi' })).toBeChecked();
    await user.click(itemForm.getByRole('button', { name: "Aggiungi l'intervento" }));
    expect(await screen.findByText('Intervento aggiunto.')).toBeInTheDocument();
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/reintegration-plan/assistance-items`)[0]?.body).toEqual({
      objectiveId: objective.id,
      dimension: 'SOCIAL',
      level: 'INDIVIDUAL',
      type: 'SCHOOL_ENROLMENT',
      description: 'Tasse e libri',
      provider: 'Scuola pubblica',
      budgetEur: 450.5,
      inKind: true,
    });
    const row = await screen.findByTestId('assistance-item');
    expect(row).toHaveTextContent('Iscrizione a scuola');
    expect(row).toHaveTextContent('450,50 €');
    expect(row).toHaveTextContent('in beni e servizi');
    expect(screen.getByTestId('plan-total')).toHaveTextContent('Totale: 450,50 €');
  });

  it("marks an item delivered with its date, and asks why when it is cancelled (PATCH)", async () => {
    const caseRecord = buildCaseFileCase({ state: 'REINTEGRATION' });
    const item = buildItem();
    const { server } = renderPlan(caseRecord, buildReturnFile(caseRecord.id, { reintegrationPlan: buildPlan({ assistanceItems: [item], totalBudgetEur: 450 }) }), {
      [`PATCH /api/cases/${caseRecord.id}/reintegration-plan/assistance-items/${item.id}`]: (request) => json(200, { ...item, ...(request.body as object) }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Aggiorna lo stato dell'intervento: ${item.description}` }));
    const form = within(screen.getByTestId('item-status-form'));
    await user.click(form.getByRole('combobox', { name: /^Stato/ }));
    await user.click(await screen.findByRole('option', { name: 'Annullato' }));
    await user.click(form.getByRole('button', { name: 'Salva lo stato' }));
    expect(await form.findByText('Campo obbligatorio')).toBeInTheDocument();
    expect(server.callsTo('PATCH', `/api/cases/${caseRecord.id}/reintegration-plan/assistance-items/${item.id}`)).toHaveLength(0);
    await user.type(form.getByRole('textbox', { name: /^Perché è annullato/ }), 'La famiglia si è trasferita');
    await user.click(form.getByRole('button', { name: 'Salva lo stato' }));
    expect(await screen.findByText("Stato dell'intervento aggiornato.")).toBeInTheDocument();
    const [call] = server.callsTo('PATCH', `/api/cases/${caseRecord.id}/reintegration-plan/assistance-items/${item.id}`);
    expect(call?.body).toEqual({ status: 'CANCELLED', note: 'La famiglia si è trasferita' });
    expect(call?.headers.get('X-Requested-With')).toBe('fetch');
  });

  it('saves an edit with the version it started from; on 412 keeps the text, shows the newer one and saves over it on request', async () => {
    const caseRecord = counselling();
    const plan = buildPlan({ version: 3 });
    const theirs: ReintegrationPlan = { ...plan, version: 4, familySituation: 'La madre ha trovato lavoro.' };
    let attempts = 0;
    const { server, state } = renderPlan(caseRecord, buildReturnFile(caseRecord.id, { reintegrationPlan: plan }), {
      [`PUT /api/cases/${caseRecord.id}/reintegration-plan`]: (request) => {
        attempts += 1;
        if (attempts === 1) {
          state.file = buildReturnFile(caseRecord.id, { reintegrationPlan: theirs });
          return apiError(412, 'PRECONDITION_FAILED', { currentVersion: 4 });
        }
        const saved = { ...theirs, ...(request.body as object), version: 5 };
        state.file = buildReturnFile(caseRecord.id, { reintegrationPlan: saved });
        return json(200, saved);
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('plan-edit'));
    const needs = screen.getByRole('textbox', { name: /^Bisogni e competenze del minore/ });
    await user.clear(needs);
    await user.type(needs, 'Vuole diventare meccanico.');
    await user.click(screen.getByTestId('plan-save'));

    const conflict = within(await screen.findByTestId('plan-conflict'));
    expect(await conflict.findByText(/Il tuo testo è ancora qui/)).toBeInTheDocument();
    // My text stays; the field someone else changed shows their text with a way to take it.
    expect(screen.getByRole('textbox', { name: /^Bisogni e competenze del minore/ })).toHaveValue('Vuole diventare meccanico.');
    const newer = within(screen.getByTestId('plan-newer-familySituation'));
    expect(newer.getByText('La madre ha trovato lavoro.')).toBeInTheDocument();
    await user.click(newer.getByRole('button', { name: 'Usa questo testo' }));
    expect(screen.getByRole('textbox', { name: /^Situazione della famiglia/ })).toHaveValue('La madre ha trovato lavoro.');
    await user.click(conflict.getByRole('button', { name: 'Salva il mio testo' }));

    expect(await screen.findByText('Piano salvato.')).toBeInTheDocument();
    const [first, second] = server.callsTo('PUT', `/api/cases/${caseRecord.id}/reintegration-plan`);
    expect(first?.headers.get('If-Match')).toBe('3');
    expect(second?.headers.get('If-Match')).toBe('4');
    expect(second?.body).toMatchObject({ needsAndSkills: 'Vuole diventare meccanico.', familySituation: 'La madre ha trovato lavoro.' });
    await waitFor(() => expect(screen.queryByTestId('plan-narrative-form')).not.toBeInTheDocument());
  });

  it('shows the approval through its report, and starts that report from the records', async () => {
    const caseRecord = counselling();
    const { server } = renderPlan(caseRecord, buildReturnFile(caseRecord.id, { reintegrationPlan: buildPlan() }), {
      [`POST /api/cases/${caseRecord.id}/return-reports`]: () => apiError(409, 'CONFLICT', { unmet: [{ code: 'REINTEGRATION_PLAN_DRAFTED', message: 'not written' }] }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('start-report-REINTEGRATION_PLAN'));
    expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/return-reports`)[0]?.body).toEqual({ kind: 'REINTEGRATION_PLAN', fromRecords: false });
    const error = await screen.findByTestId('return-error');
    expect(error).toHaveTextContent('Bozza del progetto di reinserimento con obiettivi e interventi');
    expect(error).toHaveTextContent('può fornirlo: Operatore OIM');
  });
});
