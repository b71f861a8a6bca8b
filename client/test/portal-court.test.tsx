import type { CourtFile, CourtProceeding } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { installFakeXhr, FakeXhr, pdfFile } from './support/fake-xhr';
import { json, mockApi } from './support/mock-api';
import { buildInboxItem, buildPortalCase, buildPortalDocument, portalId } from './support/portal-fixtures';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const clerk = buildCurrentUser({ role: 'court', displayName: 'Cancelleria TM Milano', organisation: { id: portalId('0a000000'), name: 'Tribunale per i minorenni di Milano', type: 'JUVENILE_COURT' } });

const buildProceeding = (overrides: Partial<CourtProceeding> = {}): CourtProceeding => ({
  id: portalId('1a000000'),
  kind: 'AVR_ART8',
  court: { id: clerk.organisation.id, name: 'Tribunale per i minorenni di Milano' },
  docketNumber: '123/2026',
  filedBy: 'GUARDIAN',
  filedByName: 'Paola Riva',
  filedOn: '2026-10-01',
  documentsBeforeCourt: { familyAssessmentReportId: null, socialServicesReportDocumentId: null, reintegrationProposal: true, otherDocumentIds: [] },
  hearings: [],
  decision: null,
  createdAt: '2026-10-01T09:00:00.000Z',
  ...overrides,
});

describe('juvenile court portal', () => {
  let restore: () => void;
  beforeEach(async () => {
    await resetClientState();
    restore = installFakeXhr();
  });
  afterEach(() => restore());

  it('shows the clerk what is filed in the proceeding, ready to open, and takes a decree', async () => {
    const caseRecord = buildCaseFileCase({ state: 'COURT_PENDING' });
    const socialReport = buildPortalDocument(caseRecord.id, { title: 'Relazione dei servizi sociali – Milano' });
    const familyReport = buildInboxItem({ case: { id: caseRecord.id, caseNumber: caseRecord.caseNumber, minorName: 'Amir Haddad' }, personal: false });
    const proceeding = buildProceeding({
      documentsBeforeCourt: { familyAssessmentReportId: familyReport.report.id, socialServicesReportDocumentId: socialReport.id, reintegrationProposal: true, otherDocumentIds: [] },
    });
    const court: CourtFile = { proceedings: [proceeding], prosieguoUntil: null };
    const state = { portalCase: buildPortalCase(caseRecord.id, { state: 'COURT_PENDING', reports: [familyReport], documents: [socialReport], consents: undefined, prosieguoRequests: undefined, minorViews: undefined }) };
    const server = mockApi({
      'GET /api/auth/me': () => json(200, clerk),
      [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
      [`GET /api/portal/cases/${caseRecord.id}`]: () => json(200, state.portalCase),
      [`GET /api/cases/${caseRecord.id}/court`]: () => json(200, court),
    });
    renderApp(`/cases/${caseRecord.id}?tab=court`);

    const filed = within(await screen.findByTestId('court-filed-documents'));
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Profilo', 'Tribunale', 'Relazioni', 'Documenti']);
    expect(screen.getByRole('heading', { name: 'Atti depositati · Ricorso per il rimpatrio (art. 8) · R.G. 123/2026' })).toBeInTheDocument();
    expect(filed.getByRole('link', { name: 'Relazione di indagine familiare – versione 1' })).toHaveAttribute('href', familyReport.pdfUrl);
    expect(filed.getByRole('link', { name: 'Relazione dei servizi sociali – Milano' })).toHaveAttribute('href', `/api/documents/${socialReport.id}/content`);
    expect(filed.getByText(/Proposta di reintegrazione: depositata; non ancora trasmessa al tuo ufficio/)).toBeInTheDocument();
    // One court file for the clerk's screens (the return feature's panel shares it).
    expect(server.callsTo('GET', `/api/cases/${caseRecord.id}/court`)).toHaveLength(1);

    const form = within(screen.getByTestId('decree-upload'));
    expect(form.queryByRole('combobox', { name: /^Tipo di documento/ })).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.upload(screen.getByTestId('decree-upload-file'), pdfFile('%PDF-1.7 decreto', 'decreto-123.pdf'));
    await user.clear(form.getByRole('textbox', { name: /^Titolo/ }));
    await user.type(form.getByRole('textbox', { name: /^Titolo/ }), 'Decreto R.G. 123/2026');
    await user.click(form.getByRole('button', { name: 'Carica il decreto' }));

    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    const xhr = FakeXhr.instances[0]!;
    expect(xhr.url).toBe(`/api/cases/${caseRecord.id}/court/decrees`);
    expect(xhr.body?.get('type')).toBe('COURT_DECREE');
    expect(xhr.body?.get('title')).toBe('Decreto R.G. 123/2026');
    const decree = buildPortalDocument(caseRecord.id, { type: 'COURT_DECREE', title: 'Decreto R.G. 123/2026', uploadedBy: { id: clerk.id, displayName: 'Cancelleria TM Milano' } });
    state.portalCase = { ...state.portalCase, documents: [socialReport, decree] };
    xhr.respond(201, decree);

    expect(await screen.findByText('Documento caricato: Decreto R.G. 123/2026.')).toBeInTheDocument();
    const decrees = within(screen.getByTestId('decrees-section'));
    await waitFor(() => expect(decrees.getByText('Decreto R.G. 123/2026')).toBeInTheDocument());
  });

  it('says plainly when nothing is before the court, and lists only the filed documents on the documents tab', async () => {
    const caseRecord = buildCaseFileCase({ state: 'COURT_PENDING' });
    const socialReport = buildPortalDocument(caseRecord.id);
    mockApi({
      'GET /api/auth/me': () => json(200, clerk),
      [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
      [`GET /api/portal/cases/${caseRecord.id}`]: () => json(200, buildPortalCase(caseRecord.id, { documents: [socialReport] })),
      [`GET /api/cases/${caseRecord.id}/court`]: () => json(200, { proceedings: [], prosieguoUntil: null }),
    });
    const { router } = renderApp(`/cases/${caseRecord.id}?tab=court`);
    expect(await screen.findByTestId('court-filed-empty')).toHaveTextContent("Su questo caso non c'è nessun procedimento davanti al tuo tribunale.");

    await userEvent.setup().click(screen.getByRole('tab', { name: 'Documenti' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=documents'));
    expect(await screen.findByTestId('portal-document')).toHaveTextContent('Relazione dei servizi sociali');
    // A court uploads its decrees on the court tab only.
    expect(screen.queryByTestId('portal-upload')).not.toBeInTheDocument();
  });
});
