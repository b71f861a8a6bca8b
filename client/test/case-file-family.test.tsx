import type { CaseFile } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFile, buildCaseFileCase, buildFamilyMember } from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });

type Handlers = Parameters<typeof mockApi>[0];

const renderFamilyTab = (file: CaseFile, handlers: Handlers = {}, caseRecord = buildCaseFileCase()) => {
  const server = mockApi({
    'GET /api/auth/me': () => json(200, caseworker),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
    [`GET /api/cases/${caseRecord.id}/file`]: () => json(200, file),
    ...handlers,
  });
  return { server, caseRecord, ...renderApp(`/cases/${caseRecord.id}?tab=family`) };
};

const familyForm = () => within(screen.getByTestId('family-member-form'));

describe('case file: family & tracing', () => {
  beforeEach(resetClientState);

  it('opens the tab named in the link and lists family members with a red "do not contact" and its reason', async () => {
    const father = buildFamilyMember({
      relationship: 'padre',
      firstName: 'Karim',
      lastName: 'Haddad',
      aliases: ['Kerim'],
      isCaregiverCandidate: false,
      doNotContact: true,
      doNotContactReason: 'Ha organizzato il viaggio del minore',
    });
    renderFamilyTab(buildCaseFile({ familyMembers: [buildFamilyMember(), father] }));

    expect(await screen.findByRole('tab', { name: 'Famiglia e indagine' })).toHaveAttribute('aria-selected', 'true');
    const rows = await screen.findAllByTestId('family-member-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('madre');
    expect(rows[0]).toHaveTextContent('Fatma Haddad');
    expect(rows[0]).toHaveTextContent('Tunisia — Sfax');
    const fatherRow = within(rows[1] as HTMLElement);
    expect(fatherRow.getByText('Noto anche come: Kerim')).toBeInTheDocument();
    expect(fatherRow.getByTestId('do-not-contact')).toHaveTextContent('Non contattare');
    expect(fatherRow.getByTestId('do-not-contact')).toHaveTextContent('Motivo: Ha organizzato il viaggio del minore');
    // The tracing part is its own section, empty for now.
    expect(screen.getByTestId('tracing-section')).toBeInTheDocument();
  });

  it('says what to do when no family member is recorded yet', async () => {
    renderFamilyTab(buildCaseFile());
    expect(await screen.findByTestId('family-empty')).toHaveTextContent(
      'Aggiungi i familiari indicati dal minore con il modulo qui sotto',
    );
  });

  it('keeps the selected tab in the URL', async () => {
    const caseRecord = buildCaseFileCase();
    mockApi({
      'GET /api/auth/me': () => json(200, caseworker),
      [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
      [`GET /api/cases/${caseRecord.id}/file`]: () => json(200, buildCaseFile()),
    });
    const { router } = renderApp(`/cases/${caseRecord.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Amir Haddad' });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('tab-consents'));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=consents'));
    expect(await screen.findByTestId('consent-form')).toBeInTheDocument();

    await user.click(screen.getByTestId('tab-profile'));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByRole('heading', { name: 'Il minore' })).toBeInTheDocument();
  });

  it('shows an error with a retry when the file cannot be loaded', async () => {
    let fails = true;
    const caseRecord = buildCaseFileCase();
    renderFamilyTab(buildCaseFile(), {
      [`GET /api/cases/${caseRecord.id}/file`]: () =>
        fails ? apiError(403, 'FORBIDDEN') : json(200, buildCaseFile({ familyMembers: [buildFamilyMember()] })),
    }, caseRecord);

    const error = await screen.findByTestId('case-file-error');
    expect(error).toHaveTextContent('Non è stato possibile caricare il fascicolo');
    expect(error).toHaveTextContent("Non hai l'autorizzazione per questa operazione.");
    fails = false;
    await userEvent.setup().click(within(error).getByRole('button', { name: 'Riprova' }));

    expect(await screen.findAllByTestId('family-member-row')).toHaveLength(1);
  });

  it('requires the reason when "do not contact" is ticked, then sends it', async () => {
    const caseRecord = buildCaseFileCase();
    const addUrl = `/api/cases/${caseRecord.id}/family-members`;
    const created = buildFamilyMember({ firstName: 'Karim', doNotContact: true, doNotContactReason: 'Rischio per il minore' });
    const { server } = renderFamilyTab(buildCaseFile(), { [`POST ${addUrl}`]: () => json(201, created) }, caseRecord);
    await screen.findByTestId('family-member-form');
    const user = userEvent.setup();

    await user.type(familyForm().getByLabelText(/^Parentela/), 'padre');
    await user.type(familyForm().getByLabelText(/^Nome/), 'Karim');
    await user.type(familyForm().getByLabelText(/^Cognome/), 'Haddad');
    expect(familyForm().queryByLabelText(/^Motivo del divieto di contatto/)).not.toBeInTheDocument();
    await user.click(familyForm().getByLabelText(/^Non contattare questa persona/));
    const reason = familyForm().getByLabelText(/^Motivo del divieto di contatto/);
    await user.click(familyForm().getByRole('button', { name: 'Aggiungi il familiare' }));

    await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
    expect(reason).toHaveAccessibleDescription('Campo obbligatorio');
    expect(reason).toHaveFocus();
    expect(server.callsTo('POST', addUrl)).toHaveLength(0);

    await user.type(reason, 'Rischio per il minore');
    await user.click(familyForm().getByRole('button', { name: 'Aggiungi il familiare' }));

    expect(await screen.findByText('Familiare aggiunto: Karim Haddad.')).toBeInTheDocument();
    expect(server.callsTo('POST', addUrl)).toHaveLength(1);
    expect(server.callsTo('POST', addUrl)[0]?.body).toEqual({
      relationship: 'padre',
      firstName: 'Karim',
      lastName: 'Haddad',
      aliases: [],
      alive: 'UNKNOWN',
      phones: [],
      isCaregiverCandidate: false,
      doNotContact: true,
      doNotContactReason: 'Rischio per il minore',
    });
    // The file is read again, so the new member shows in the list.
    await waitFor(() => expect(server.callsTo('GET', `/api/cases/${caseRecord.id}/file`).length).toBeGreaterThanOrEqual(2));
  });

  it('does not send a reason typed and then un-ticked', async () => {
    const caseRecord = buildCaseFileCase();
    const { server } = renderFamilyTab(buildCaseFile(), {
      [`POST /api/cases/${caseRecord.id}/family-members`]: () => json(201, buildFamilyMember()),
    }, caseRecord);
    await screen.findByTestId('family-member-form');
    const user = userEvent.setup();

    await user.type(familyForm().getByLabelText(/^Parentela/), 'madre');
    await user.type(familyForm().getByLabelText(/^Nome/), 'Fatma');
    await user.type(familyForm().getByLabelText(/^Cognome/), 'Haddad');
    await user.click(familyForm().getByLabelText(/^Non contattare questa persona/));
    await user.type(familyForm().getByLabelText(/^Motivo del divieto di contatto/), 'x');
    await user.click(familyForm().getByLabelText(/^Non contattare questa persona/));
    await user.click(familyForm().getByRole('button', { name: 'Aggiungi il familiare' }));

    await waitFor(() => expect(server.callsTo('POST', `/api/cases/${caseRecord.id}/family-members`)).toHaveLength(1));
    const body = server.callsTo('POST', `/api/cases/${caseRecord.id}/family-members`)[0]?.body;
    expect(body).toMatchObject({ doNotContact: false });
    expect(body).not.toHaveProperty('doNotContactReason');
  });

  it('empties every field once a relative is added, so the next one inherits nothing', async () => {
    const caseRecord = buildCaseFileCase();
    const addUrl = `/api/cases/${caseRecord.id}/family-members`;
    const { server } = renderFamilyTab(buildCaseFile(), { [`POST ${addUrl}`]: () => json(201, buildFamilyMember()) }, caseRecord);
    await screen.findByTestId('family-member-form');
    const user = userEvent.setup();

    await user.type(familyForm().getByLabelText(/^Parentela/), 'madre');
    await user.type(familyForm().getByLabelText(/^Nome/), 'Fatma');
    await user.type(familyForm().getByLabelText(/^Cognome/), 'Haddad');
    await user.type(familyForm().getByLabelText(/^Paese/), 'TN');
    await user.type(familyForm().getByLabelText(/^Città o villaggio/), 'Sfax');
    await user.type(familyForm().getByLabelText(/^Indirizzo/), 'Rue 12');
    await user.type(familyForm().getByLabelText(/^Preoccupazioni per la sicurezza/), 'Vicini ostili');
    await user.click(familyForm().getByRole('button', { name: 'Aggiungi il familiare' }));
    await waitFor(() => expect(server.callsTo('POST', addUrl)).toHaveLength(1));
    expect(server.callsTo('POST', addUrl)[0]?.body).toMatchObject({ country: 'TN', locality: 'Sfax', address: 'Rue 12', safetyConcern: 'Vicini ostili' });

    for (const label of [/^Parentela/, /^Nome/, /^Cognome/, /^Paese/, /^Città o villaggio/, /^Indirizzo/, /^Preoccupazioni per la sicurezza/]) {
      await waitFor(() => expect(familyForm().getByLabelText(label)).toHaveValue(''));
    }
    await user.type(familyForm().getByLabelText(/^Parentela/), 'padre');
    await user.type(familyForm().getByLabelText(/^Nome/), 'Karim');
    await user.type(familyForm().getByLabelText(/^Cognome/), 'Haddad');
    await user.click(familyForm().getByRole('button', { name: 'Aggiungi il familiare' }));
    await waitFor(() => expect(server.callsTo('POST', addUrl)).toHaveLength(2));
    const second = server.callsTo('POST', addUrl)[1]?.body;
    expect(second).toMatchObject({ relationship: 'padre', firstName: 'Karim' });
    for (const field of ['country', 'locality', 'address', 'safetyConcern']) expect(second).not.toHaveProperty(field);
  });

  it("puts the server's field errors on the fields", async () => {
    const caseRecord = buildCaseFileCase();
    renderFamilyTab(buildCaseFile(), {
      [`POST /api/cases/${caseRecord.id}/family-members`]: () =>
        apiError(400, 'VALIDATION_FAILED', { fields: [{ path: 'country', code: 'invalid_format', message: 'bad' }] }),
    }, caseRecord);
    await screen.findByTestId('family-member-form');
    const user = userEvent.setup();

    await user.type(familyForm().getByLabelText(/^Parentela/), 'madre');
    await user.type(familyForm().getByLabelText(/^Nome/), 'Fatma');
    await user.type(familyForm().getByLabelText(/^Cognome/), 'Haddad');
    await user.type(familyForm().getByLabelText(/^Paese/), 'ZZ');
    await user.click(familyForm().getByRole('button', { name: 'Aggiungi il familiare' }));

    const country = familyForm().getByLabelText(/^Paese/);
    await waitFor(() => expect(country).toHaveAttribute('aria-invalid', 'true'));
    expect(country).toHaveAccessibleDescription(/Valore non valido/);
    expect(screen.queryByText('bad')).not.toBeInTheDocument();
  });
});
