import type { CaseDetail, CaseFile, CurrentUser, ReturnFile } from '@app/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFile, buildCaseFileCase, buildConsent, buildFamilyMember, buildRiskCheck, buildTransition } from './support/case-file-fixtures';
import { buildCurrentUser, buildDirectoryOrganisation } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';
import { buildPlan, buildReturnFile, buildTravelPlan } from './support/return-fixtures';

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
const supervisor = buildCurrentUser({ role: 'supervisor', displayName: 'Paola Conti' });
type Handlers = Parameters<typeof mockApi>[0];

const mother = buildFamilyMember({ firstName: 'Fatma', lastName: 'Ibrahim', relationship: 'madre' });
const father = buildFamilyMember({ firstName: 'Hassan', lastName: 'Ibrahim', relationship: 'padre', doNotContact: true, doNotContactReason: 'Ha organizzato il viaggio' });
const mission = buildDirectoryOrganisation({ name: 'OIM Missione Egitto (Il Cairo)', type: 'IOM_MISSION' });

const renderTravel = (
  caseRecord: CaseDetail,
  file: ReturnFile,
  { user = caseworker, caseFile = buildCaseFile({ familyMembers: [mother, father] }), handlers = {} }: { user?: CurrentUser; caseFile?: CaseFile; handlers?: Handlers } = {},
) => {
  const state = { caseRecord, file };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, state.caseRecord),
    [`GET /api/cases/${caseRecord.id}/return`]: () => json(200, state.file),
    [`GET /api/cases/${caseRecord.id}/file`]: () => json(200, caseFile),
    [`GET /api/cases/${caseRecord.id}/documents`]: () => json(200, { items: [] }),
    'GET /api/directory/organisations': () => json(200, { items: [mission] }),
    ...handlers,
  });
  return { server, state, ...renderApp(`/cases/${caseRecord.id}?tab=return`) };
};

const approvePlan = buildTransition({
  id: 'approve_avr_plan',
  to: 'AVR_PREPARATION',
  allowedForYou: false,
  firedBy: ['supervisor'],
  unmet: [
    { code: 'CAREGIVER_ACCEPTANCE', message: 'missing', suppliedBy: ['caseworker', 'field_officer'] },
    { code: 'ESCORT_ASSIGNED', message: 'missing', suppliedBy: ['caseworker', 'supervisor'] },
    { code: 'REINTEGRATION_PLAN_APPROVED', message: 'missing', suppliedBy: ['supervisor'] },
  ],
});

describe('return and reintegration: the travel plan', () => {
  beforeEach(resetClientState);

  it('shows the checklist for approving the operational plan and what the records already say', async () => {
    const caseRecord = buildCaseFileCase({ state: 'COURT_APPROVED', transitions: [approvePlan] });
    renderTravel(caseRecord, buildReturnFile(caseRecord.id, { reintegrationPlan: buildPlan(), travelPlan: buildTravelPlan({ receivingCaregiver: { id: mother.id, name: 'Fatma Ibrahim', relationship: 'madre' } }) }), {
      caseFile: buildCaseFile({ familyMembers: [mother, father], riskChecks: [buildRiskCheck({ stage: 'PRE_RETURN', approved: true, approvedAt: '2026-11-18T09:00:00.000Z' })] }),
    });
    const travel = within(await screen.findByTestId('return-section-travel'));
    const checklist = within(travel.getByTestId('return-checklist-approve_avr_plan'));
    expect(checklist.getByText('Chi può compiere il passo: Supervisore')).toBeInTheDocument();
    expect(within(checklist.getByTestId('guard-CAREGIVER_ACCEPTANCE')).getByRole('link', { name: 'Vai alla scheda «Consensi e valutazioni del rischio»' })).toBeInTheDocument();
    expect(within(checklist.getByTestId('guard-RISK_CHECK_PRE_RETURN_PROCEED')).getByText('Fatto')).toBeInTheDocument();
    expect(within(checklist.getByTestId('guard-DEPARTURE_BEFORE_18')).getByText('Fatto')).toBeInTheDocument();
    const plan = travel.getByTestId('travel-plan');
    expect(plan).toHaveTextContent('Luca Verdi (Operatore OIM)');
    expect(plan).toHaveTextContent('Lasciapassare · pronto');

    await userEvent.setup().click(travel.getByTestId('travel-edit'));
    const readiness = await screen.findByTestId('travel-readiness');
    expect(readiness).toHaveTextContent('Valutazione del rischio prima del rimpatrio: Procedere, approvata');
    expect(readiness).toHaveTextContent('Accettazione scritta di chi accoglie il minore: non registrata');
    expect(readiness).toHaveTextContent('Compie 18 anni il 15/09/2027');
    expect(readiness).toHaveTextContent('la partenza prevista è in tempo');
  });

  it('keeps the escort on for a caseworker, and saves the plan with the version it was read at', async () => {
    const caseRecord = buildCaseFileCase({ state: 'COURT_APPROVED' });
    const existing = buildTravelPlan({ version: 7, receivingCaregiver: { id: mother.id, name: 'Fatma Ibrahim', relationship: 'madre' }, receivingMission: { id: mission.id, name: mission.name } });
    const { server } = renderTravel(caseRecord, buildReturnFile(caseRecord.id, { travelPlan: existing }), {
      caseFile: buildCaseFile({ familyMembers: [mother, father], consents: [buildConsent({ subject: 'FAMILY_MEMBER', familyMemberId: mother.id, scope: 'RETURN_ACCEPTANCE' })] }),
      handlers: { [`PUT /api/cases/${caseRecord.id}/avr/travel-plan`]: (request) => json(200, { ...existing, ...(request.body as object), version: 8 }) },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('travel-edit'));
    const form = within(screen.getByTestId('travel-plan-form'));
    expect(form.getByRole('checkbox', { name: 'Il minore viaggia con un accompagnatore' })).toBeDisabled();
    expect(form.getByText('Solo un supervisore può autorizzare il viaggio senza accompagnatore, con una motivazione.')).toBeInTheDocument();
    expect(await screen.findByTestId('travel-readiness')).toHaveTextContent('Accettazione scritta di chi accoglie il minore: registrata il');
    // The "do not contact" father cannot be chosen to receive the child.
    await user.click(form.getByRole('combobox', { name: /^Chi accoglie il minore/ }));
    expect(await screen.findByRole('option', { name: /Hassan Ibrahim \(padre\) – non contattare/ })).toHaveAttribute('data-combobox-disabled', 'true');
    await user.keyboard('{Escape}');
    await user.clear(form.getByRole('textbox', { name: /^Itinerario/ }));
    await user.type(form.getByRole('textbox', { name: /^Itinerario/ }), 'Milano Malpensa → Il Cairo, volo diretto');
    await user.click(form.getByRole('button', { name: 'Salva il piano di viaggio' }));

    expect(await screen.findByText('Piano di viaggio salvato.')).toBeInTheDocument();
    const [call] = server.callsTo('PUT', `/api/cases/${caseRecord.id}/avr/travel-plan`);
    expect(call?.headers.get('If-Match')).toBe('7');
    expect(call?.body).toMatchObject({
      receivingCaregiverId: mother.id,
      receivingMissionId: mission.id,
      travelDocumentType: 'LAISSEZ_PASSER',
      escortRequired: true,
      escortName: 'Luca Verdi',
      escortRole: 'Operatore OIM',
      fitToTravel: true,
      fitnessAssessedOn: '2026-11-15',
      fitnessAssessedBy: 'Dr. Rossi',
      itinerary: 'Milano Malpensa → Il Cairo, volo diretto',
    });
    expect(call?.body).not.toHaveProperty('escortWaiverReason');
  });

  it('lets a supervisor turn the escort off only with a reason, and shows a refusal on the field', async () => {
    const caseRecord = buildCaseFileCase({ state: 'COURT_APPROVED' });
    const existing = buildTravelPlan({ receivingCaregiver: { id: mother.id, name: 'Fatma Ibrahim', relationship: 'madre' }, receivingMission: { id: mission.id, name: mission.name } });
    let attempt = 0;
    const { server } = renderTravel(caseRecord, buildReturnFile(caseRecord.id, { travelPlan: existing }), {
      user: supervisor,
      handlers: {
        [`PUT /api/cases/${caseRecord.id}/avr/travel-plan`]: () => {
          attempt += 1;
          return attempt === 1
            ? apiError(403, 'FORBIDDEN', { fields: [{ path: 'escortRequired', code: 'supervisor_only', message: 'Only a supervisor' }] })
            : json(200, { ...existing, escortRequired: false, version: 3 });
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('travel-edit'));
    const form = within(screen.getByTestId('travel-plan-form'));
    await user.click(form.getByRole('checkbox', { name: 'Il minore viaggia con un accompagnatore' }));
    await user.click(form.getByRole('button', { name: 'Salva il piano di viaggio' }));
    expect(await form.findByText('Campo obbligatorio')).toBeInTheDocument();
    expect(server.callsTo('PUT', `/api/cases/${caseRecord.id}/avr/travel-plan`)).toHaveLength(0);

    await user.type(form.getByRole('textbox', { name: /^Perché il minore viaggia senza accompagnatore/ }), 'Rientra con la madre venuta a prenderlo in Italia.');
    await user.click(form.getByRole('button', { name: 'Salva il piano di viaggio' }));
    expect(await form.findByText('Solo un supervisore può autorizzare il viaggio senza accompagnatore')).toBeInTheDocument();
    await user.click(form.getByRole('button', { name: 'Salva il piano di viaggio' }));
    expect(await screen.findByText('Piano di viaggio salvato.')).toBeInTheDocument();
    const body = server.callsTo('PUT', `/api/cases/${caseRecord.id}/avr/travel-plan`)[1]?.body;
    expect(body).toMatchObject({ escortRequired: false, escortWaiverReason: 'Rientra con la madre venuta a prenderlo in Italia.' });
    expect(body).not.toHaveProperty('escortName');
  });
});
