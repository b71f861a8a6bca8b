import type { CaseDetail, CaseTracing } from '@app/contracts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { CaseTracingPanel } from '@/features/tracing';
import { createQueryClient } from '@/lib/query-client';
import { buildCaseFile, buildCaseFileCase, buildFamilyMember } from './support/case-file-fixtures';
import { apiError, json, mockApi } from './support/mock-api';
import { resetClientState } from './support/reset';
import {
  buildAssessment,
  buildAttempt,
  buildCaseTracing,
  buildFamilyConsent,
  buildTracingDetail,
  MOTHER_ID,
  SISTER_ID,
  UNCLE_ID,
} from './support/tracing-fixtures';

type Handlers = Parameters<typeof mockApi>[0];

const family = [
  buildFamilyMember({ id: MOTHER_ID, relationship: 'madre', firstName: 'Amina', lastName: 'Ibrahim', country: 'EG', locality: 'Kafr El-Sheikh' }),
  buildFamilyMember({ id: SISTER_ID, relationship: 'sorella', firstName: 'Fatma', lastName: 'Ibrahim', country: 'EG', locality: 'Kafr El-Sheikh' }),
  buildFamilyMember({
    id: UNCLE_ID,
    relationship: 'zio',
    firstName: 'Khaled',
    lastName: 'Ibrahim',
    doNotContact: true,
    doNotContactReason: 'Ha organizzato il viaggio con i trafficanti',
  }),
];

// The panel as the case file's "Family & tracing" tab mounts it, with the case already cached
// under ['cases', caseId] (the case page loads it first).
const renderPanel = (caseDetail: CaseDetail, tracing: CaseTracing, handlers: Handlers = {}) => {
  const state = { tracing };
  const server = mockApi({
    [`GET /api/cases/${caseDetail.id}/tracing`]: () => json(200, state.tracing),
    [`GET /api/cases/${caseDetail.id}/file`]: () => json(200, buildCaseFile({ familyMembers: family })),
    ...handlers,
  });
  const queryClient = createQueryClient();
  queryClient.setQueryData(['cases', caseDetail.id], caseDetail);
  const router = createMemoryRouter(
    [{ path: '/cases/:caseId', element: <CaseTracingPanel caseId={caseDetail.id} caseDetail={caseDetail} /> }],
    { initialEntries: [`/cases/${caseDetail.id}`] },
  );
  render(
    <AppProvider queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { server, state, queryClient };
};

const egyptianMinor = (caseDetail: CaseDetail): CaseDetail => ({ ...caseDetail, minor: { ...caseDetail.minor, nationality: 'EG' } });

describe('family tracing: the caseworker\'s panel', () => {
  beforeEach(resetClientState);

  it('sends the chosen members and questions, then refreshes the case and its tracing', async () => {
    const caseDetail = egyptianMinor(buildCaseFileCase({ state: 'READY_FOR_TRACING' }));
    const sent = buildTracingDetail({ caseId: caseDetail.id });
    const { server, state, queryClient } = renderPanel(caseDetail, buildCaseTracing(), {
      [`POST /api/cases/${caseDetail.id}/tracing-requests`]: () => {
        state.tracing = buildCaseTracing({ requests: [sent] });
        return json(201, sent);
      },
    });
    const form = within(await screen.findByTestId('tracing-send-form'));
    const user = userEvent.setup();

    // The "do not contact" uncle is listed, with the reason, but cannot be chosen.
    const uncle = form.getByRole('checkbox', { name: /Khaled Ibrahim/ });
    expect(uncle).toBeDisabled();
    expect(form.getByText('Non si può scegliere: Ha organizzato il viaggio con i trafficanti')).toBeInTheDocument();
    expect(form.getByLabelText(/^Paese in cui cercare la famiglia/)).toHaveValue('EG');
    expect(form.getByText('Paese: Egitto')).toBeInTheDocument();

    await user.click(form.getByRole('checkbox', { name: /Amina Ibrahim/ }));
    await user.click(form.getByRole('checkbox', { name: /Fatma Ibrahim/ }));
    await user.click(form.getByRole('button', { name: 'Aggiungi una domanda' }));
    await user.type(form.getByLabelText(/^Domanda 1/), 'La madre può prendersi cura di lui?');
    await user.click(form.getByRole('button', { name: 'Aggiungi una domanda' }));
    await user.type(form.getByLabelText(/^Domanda 2/), 'Domanda da togliere');
    await user.click(form.getByRole('button', { name: 'Aggiungi una domanda' }));
    await user.type(form.getByLabelText(/^Domanda 3/), 'Chi ha pagato il viaggio?');
    await user.click(form.getByRole('button', { name: 'Togli la domanda 2' }));
    await user.type(form.getByLabelText(/^Indicazioni di sicurezza per la missione/), 'Non nominare lo zio.');
    await user.click(form.getByRole('button', { name: 'Invia la richiesta alla missione' }));

    expect(await screen.findByText('Richiesta di indagine inviata a OIM Il Cairo.')).toBeInTheDocument();
    const [call] = server.callsTo('POST', `/api/cases/${caseDetail.id}/tracing-requests`);
    expect(call?.body).toEqual({
      targetCountry: 'EG',
      targetMemberIds: [MOTHER_ID, SISTER_ID],
      questions: ['La madre può prendersi cura di lui?', 'Chi ha pagato il viaggio?'],
      safetyNotes: 'Non nominare lo zio.',
    });
    // The case moved to TRACING_IN_PROGRESS on the server: its cached detail must be refetched.
    expect(queryClient.getQueryState(['cases', caseDetail.id])?.isInvalidated).toBe(true);
    await waitFor(() => expect(screen.getAllByTestId('case-tracing-request')).toHaveLength(1));
    expect(server.callsTo('GET', `/api/cases/${caseDetail.id}/tracing`).length).toBeGreaterThanOrEqual(2);
  });

  it('shows what is missing (422) and field errors (400) from the server', async () => {
    const caseDetail = egyptianMinor(buildCaseFileCase({ state: 'TRACING_IN_PROGRESS' }));
    let attempt = 0;
    renderPanel(caseDetail, buildCaseTracing(), {
      [`POST /api/cases/${caseDetail.id}/tracing-requests`]: () => {
        attempt += 1;
        return attempt === 1
          ? apiError(422, 'TRANSITION_NOT_ALLOWED', {
              unmet: [
                { code: 'MINOR_CONSENT_TRACING', message: 'no consent' },
                { code: 'RISK_CHECK_PRE_TRACING_PROCEED', message: 'no risk check' },
              ],
            })
          : apiError(400, 'VALIDATION_FAILED', { fields: [{ path: 'targetCountry', code: 'no_mission', message: 'No mission' }] });
      },
    });
    const form = within(await screen.findByTestId('tracing-send-form'));
    const user = userEvent.setup();
    await user.click(form.getByRole('checkbox', { name: /Amina Ibrahim/ }));
    await user.click(form.getByRole('button', { name: 'Invia la richiesta alla missione' }));

    const unmet = await form.findByTestId('tracing-unmet');
    expect(unmet).toHaveTextContent("Consenso informato del minore all'indagine familiare");
    expect(unmet).toHaveTextContent("Valutazione del rischio prima dell'indagine, con esito favorevole");

    await user.click(form.getByRole('button', { name: 'Invia la richiesta alla missione' }));
    expect(await form.findByText("Non c'è una missione OIM registrata per questo paese")).toBeInTheDocument();
    expect(form.queryByTestId('tracing-unmet')).not.toBeInTheDocument();
  });

  it('offers no send form before the case is ready for tracing', async () => {
    const caseDetail = buildCaseFileCase({ state: 'SCREENING' });
    const { server } = renderPanel(caseDetail, buildCaseTracing());

    expect(await screen.findByTestId('case-tracing-empty')).toHaveTextContent('quando il caso sarà pronto');
    expect(screen.queryByTestId('tracing-send-form')).not.toBeInTheDocument();
    expect(server.callsTo('GET', `/api/cases/${caseDetail.id}/file`)).toHaveLength(0);
  });

  it('lists the requests with mission, dates, attempts, outcome and the family consents', async () => {
    const caseDetail = buildCaseFileCase({ state: 'FAMILY_LOCATED' });
    const request = buildTracingDetail({
      caseId: caseDetail.id,
      status: 'COMPLETED',
      outcome: 'LOCATED',
      outcomeNotes: 'Madre trovata a casa',
      outcomeRecordedAt: new Date().toISOString(),
      contactAttempts: [buildAttempt({ result: 'Nessuna risposta' }), buildAttempt({ channel: 'HOME_VISIT', result: 'Incontrata la madre' })],
    });
    renderPanel(caseDetail, buildCaseTracing({ requests: [request], familyConsents: [buildFamilyConsent({ tracingRequestId: request.id })] }));

    const card = within(await screen.findByTestId('case-tracing-request'));
    expect(card.getByRole('heading', { name: /^OIM Il Cairo, inviata il/ })).toBeInTheDocument();
    expect(card.getByTestId('tracing-status')).toHaveTextContent('Completata: famiglia rintracciata');
    expect(card.getAllByTestId('contact-attempt-row')).toHaveLength(2);
    expect(card.getByTestId('tracing-outcome')).toHaveTextContent('Madre trovata a casa');
    expect(card.getByRole('link', { name: 'Apri la richiesta completa' })).toHaveAttribute('href', `/tracing-requests/${request.id}`);
    const consent = within(screen.getByTestId('family-consent-row'));
    expect(consent.getByText('Amina Ibrahim (madre)')).toBeInTheDocument();
    expect(consent.getByText('Colloquio con la famiglia')).toBeInTheDocument();
    expect(screen.queryByTestId('tracing-send-form')).not.toBeInTheDocument();
  });

  it('shows the original and the Italian translation side by side, flags a stale one, and saves with If-Match', async () => {
    const caseDetail = buildCaseFileCase({ state: 'ASSESSMENT_DONE' });
    const assessment = buildAssessment({
      version: 3,
      sections: { household: 'الأم وثلاثة أطفال', housing: 'Two rooms, rented' },
      translation: { sections: { household: 'La madre e tre figli', housing: 'Due stanze' }, translatedBy: 'Giulia Rossi', translatedAt: new Date().toISOString(), current: false },
    });
    let puts = 0;
    const path = `/api/cases/${caseDetail.id}/assessment/translation`;
    const { server, state } = renderPanel(caseDetail, buildCaseTracing({ assessment }), {
      [`PUT ${path}`]: ({ body }) => {
        puts += 1;
        if (puts === 1) {
          // The mission corrected the original meanwhile.
          state.tracing = buildCaseTracing({ assessment: { ...assessment, version: 4, sections: { ...assessment.sections, housing: 'Three rooms, rented' } } });
          return apiError(412, 'PRECONDITION_FAILED', { currentVersion: 4 });
        }
        const saved = { ...assessment, version: 5, translation: { ...assessment.translation!, sections: (body as { sections: Record<string, string> }).sections, current: true } };
        state.tracing = buildCaseTracing({ assessment: saved });
        return json(200, saved);
      },
    });
    const form = within(await screen.findByTestId('translation-form'));
    const user = userEvent.setup();

    expect(form.getByTestId('translation-outdated')).toHaveTextContent('La traduzione non è aggiornata');
    const household = within(form.getByTestId('translation-section-household'));
    expect(household.getByTestId('translation-original')).toHaveTextContent('الأم وثلاثة أطفال');
    expect(household.getByTestId('translation-original')).toHaveTextContent('Originale (Arabo)');
    expect(household.getByLabelText(/^Traduzione italiana: Composizione del nucleo familiare/)).toHaveValue('La madre e tre figli');
    const housing = within(form.getByTestId('translation-section-housing'));
    expect(housing.getByTestId('translation-original')).toHaveTextContent('Two rooms, rented');
    // Only the sections the mission wrote can be translated.
    expect(form.getAllByTestId('translation-italian')).toHaveLength(2);
    expect(form.queryByTestId('translation-section-livelihood')).not.toBeInTheDocument();

    const housingText = housing.getByLabelText(/^Traduzione italiana: Condizioni abitative/);
    await user.clear(housingText);
    await user.type(housingText, 'Tre stanze in affitto');
    await user.click(form.getByRole('button', { name: 'Salva la traduzione' }));

    const conflict = await form.findByTestId('translation-conflict');
    expect(server.callsTo('PUT', path)[0]?.headers.get('If-Match')).toBe('3');
    expect(housingText).toHaveValue('Tre stanze in affitto');

    await user.click(within(conflict).getByRole('button', { name: "Ricarica l'originale aggiornato" }));
    // The updated original shows on the left; the typed translation stays on the right.
    await waitFor(() => expect(housing.getByTestId('translation-original')).toHaveTextContent('Three rooms, rented'));
    expect(housingText).toHaveValue('Tre stanze in affitto');

    await user.click(form.getByRole('button', { name: 'Salva la traduzione' }));
    expect(await screen.findByText('Traduzione salvata.')).toBeInTheDocument();
    const second = server.callsTo('PUT', path)[1];
    expect(second?.headers.get('If-Match')).toBe('4');
    expect(second?.body).toEqual({ sections: { household: 'La madre e tre figli', housing: 'Tre stanze in affitto' } });
    await waitFor(() => expect(form.queryByTestId('translation-outdated')).not.toBeInTheDocument());
  });
});
