import type { CaseDetail, CurrentUser, DocumentMeta } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { FakeXhr, installFakeXhr, pdfFile } from './support/fake-xhr';
import { json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

let sequence = 0;
const uuid = (prefix: string): string => {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
};

const caseworker = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
const socialWorker = buildCurrentUser({ role: 'social_services', displayName: 'Laura Colombo', organisation: { id: uuid('0a000000'), name: 'Comune di Milano', type: 'SOCIAL_SERVICES' } });

const buildDocument = (caseId: string, overrides: Partial<DocumentMeta> = {}): DocumentMeta => ({
  id: uuid('0d000000'),
  caseId,
  tracingRequestId: null,
  type: 'COURT_DECREE',
  title: 'Decreto TM Milano',
  language: 'italiano',
  sensitivity: 'SPECIAL',
  origin: 'RECEIVED',
  translationOf: null,
  fileName: 'decreto.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 245_760,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  uploadedBy: { id: uuid('0b000000'), displayName: 'Giulia Rossi' },
  uploadedAt: '2026-10-05T09:00:00.000Z',
  ...overrides,
});


const renderDocumentsTab = ({ user = caseworker, caseRecord, documents = [] }: { user?: CurrentUser; caseRecord: CaseDetail; documents?: DocumentMeta[] }) => {
  const state = { documents };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
    [`GET /api/cases/${caseRecord.id}/documents`]: () => json(200, { items: state.documents }),
  });
  return { server, state, ...renderApp(`/cases/${caseRecord.id}?tab=documents`) };
};

const uploadForm = () => within(screen.getByTestId('document-upload-form'));

const fillForm = async (user: ReturnType<typeof userEvent.setup>, file: File) => {
  await user.upload(uploadForm().getByLabelText(/^File/), file);
  await user.click(uploadForm().getByRole('combobox', { name: /^Tipo di documento/ }));
  await user.click(await screen.findByRole('option', { name: 'Decreto del tribunale' }));
  await user.clear(uploadForm().getByRole('textbox', { name: /^Titolo/ }));
  await user.type(uploadForm().getByRole('textbox', { name: /^Titolo/ }), 'Decreto di nomina del tutore');
  await user.type(uploadForm().getByRole('textbox', { name: /^Lingua del documento/ }), 'italiano');
};

describe('case documents', () => {
  let restoreXhr: () => void = () => undefined;
  beforeEach(async () => {
    await resetClientState();
    restoreXhr = installFakeXhr();
  });
  afterEach(() => restoreXhr());

  it('lists type, title, language, sensitivity, size, uploader and a short sha-256, with a download link', async () => {
    const caseRecord = buildCaseFileCase();
    const document = buildDocument(caseRecord.id);
    renderDocumentsTab({ caseRecord, documents: [document] });

    const [row] = await screen.findAllByTestId('document-row');
    expect(row).toHaveTextContent('Decreto del tribunale');
    expect(row).toHaveTextContent('Decreto TM Milano');
    expect(row).toHaveTextContent('decreto.pdf');
    expect(row).toHaveTextContent('italiano');
    expect(row).toHaveTextContent('Dati particolari');
    expect(row).toHaveTextContent('240 kB');
    expect(row).toHaveTextContent('Giulia Rossi');
    expect(row).toHaveTextContent('05/10/2026');
    expect(within(row as HTMLElement).getByTitle(document.sha256)).toHaveTextContent('9f86d081884c');
    const link = within(row as HTMLElement).getByRole('link', { name: 'Scarica «Decreto TM Milano»' });
    expect(link).toHaveAttribute('href', `/api/documents/${document.id}/content`);
    expect(link).toHaveAttribute('download', 'decreto.pdf');
  });

  it('says what to do when there are no documents yet', async () => {
    renderDocumentsTab({ caseRecord: buildCaseFileCase() });
    expect(await screen.findByTestId('documents-empty')).toHaveTextContent('Puoi caricarne uno qui sotto');
  });

  it('uploads with a progress bar, the CSRF header and the metadata, then lists the new document', async () => {
    const caseRecord = buildCaseFileCase();
    const { server, state } = renderDocumentsTab({ caseRecord });
    await screen.findByTestId('document-upload-form');
    const user = userEvent.setup();
    const upload = pdfFile('%PDF-1.7 decreto', 'nomina.pdf');

    await fillForm(user, upload);
    await user.click(uploadForm().getByRole('button', { name: 'Carica il documento' }));

    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    const xhr = FakeXhr.instances[0]!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(`/api/cases/${caseRecord.id}/documents`);
    expect(xhr.headers['X-Requested-With']).toBe('fetch');
    expect(xhr.body?.get('type')).toBe('COURT_DECREE');
    expect(xhr.body?.get('title')).toBe('Decreto di nomina del tutore');
    expect(xhr.body?.get('language')).toBe('italiano');
    expect(xhr.body?.get('sensitivity')).toBe('STD');
    expect(xhr.body?.get('origin')).toBe('RECEIVED');
    expect((xhr.body?.get('file') as File).name).toBe('nomina.pdf');

    const progress = within(screen.getByTestId('document-upload-progress'));
    expect(progress.getByRole('progressbar', { name: 'Avanzamento del caricamento' })).toHaveAttribute('aria-valuenow', '0');
    xhr.progress(512, 1024);
    expect(progress.getByRole('progressbar', { name: 'Avanzamento del caricamento' })).toHaveAttribute('aria-valuenow', '50');
    expect(progress.getByText('Caricamento in corso: 50%')).toBeInTheDocument();
    xhr.progress(1024, 1024);
    expect(progress.getByText('File inviato: il server lo sta controllando…')).toBeInTheDocument();

    const created = buildDocument(caseRecord.id, { title: 'Decreto di nomina del tutore', fileName: 'nomina.pdf', sensitivity: 'STD' });
    state.documents = [created];
    xhr.respond(201, created);

    expect(await screen.findByText('Documento «Decreto di nomina del tutore» caricato.')).toBeInTheDocument();
    expect(screen.queryByTestId('document-upload-progress')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(1));
    expect(server.callsTo('GET', `/api/cases/${caseRecord.id}/documents`).length).toBeGreaterThanOrEqual(2);
    // The form is ready for the next document.
    expect(uploadForm().getByRole('textbox', { name: /^Titolo/ })).toHaveValue('');
  });

  it('explains a 415 in plain words, keeping what was typed', async () => {
    renderDocumentsTab({ caseRecord: buildCaseFileCase() });
    await screen.findByTestId('document-upload-form');
    const user = userEvent.setup();

    await fillForm(user, pdfFile('<html></html>', 'lettera.pdf'));
    await user.click(uploadForm().getByRole('button', { name: 'Carica il documento' }));
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    FakeXhr.instances[0]!.respond(415, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'The file is not a PDF, PNG, JPEG, DOCX or ODT document',
      details: { fields: [{ path: 'file', code: 'unsupported_type', message: 'Unsupported file type' }] },
    });

    const fileInput = await waitFor(() => {
      const input = uploadForm().getByLabelText(/^File/);
      expect(input).toHaveAttribute('aria-invalid', 'true');
      return input;
    });
    expect(fileInput).toHaveAccessibleDescription(/Questo tipo di file non è accettato\. Carica un PDF, un'immagine PNG o JPEG, oppure un documento DOCX o ODT\./);
    expect(uploadForm().getByRole('textbox', { name: /^Titolo/ })).toHaveValue('Decreto di nomina del tutore');
    expect(screen.queryByText('Documento «Decreto di nomina del tutore» caricato.')).not.toBeInTheDocument();
  });

  it('explains a 413 with the size limit', async () => {
    renderDocumentsTab({ caseRecord: buildCaseFileCase() });
    await screen.findByTestId('document-upload-form');
    const user = userEvent.setup();

    await fillForm(user, pdfFile('%PDF-1.7', 'scansione.pdf'));
    await user.click(uploadForm().getByRole('button', { name: 'Carica il documento' }));
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    FakeXhr.instances[0]!.respond(413, { code: 'PAYLOAD_TOO_LARGE', message: 'Payload too large' });

    await waitFor(() => expect(uploadForm().getByLabelText(/^File/)).toHaveAccessibleDescription(/Il file è troppo grande: il limite è 20 MB\./));
  });

  it('refuses a file over the limit before sending it, and asks for a file', async () => {
    renderDocumentsTab({ caseRecord: buildCaseFileCase() });
    await screen.findByTestId('document-upload-form');
    const user = userEvent.setup();

    await user.click(uploadForm().getByRole('button', { name: 'Carica il documento' }));
    expect(uploadForm().getByLabelText(/^File/)).toHaveAccessibleDescription(/Scegli il file da caricare/);
    expect(uploadForm().getByRole('textbox', { name: /^Titolo/ })).toHaveAccessibleDescription(/Campo obbligatorio/);

    const big = pdfFile('x', 'enorme.pdf');
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    await fillForm(user, big);
    await user.click(uploadForm().getByRole('button', { name: 'Carica il documento' }));
    expect(uploadForm().getByLabelText(/^File/)).toHaveAccessibleDescription(/Il file è troppo grande/);
    expect(FakeXhr.instances).toHaveLength(0);
  });

  it('cancels an upload in progress', async () => {
    renderDocumentsTab({ caseRecord: buildCaseFileCase() });
    await screen.findByTestId('document-upload-form');
    const user = userEvent.setup();
    await fillForm(user, pdfFile('%PDF-1.7', 'nomina.pdf'));
    await user.click(uploadForm().getByRole('button', { name: 'Carica il documento' }));
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));

    await user.click(screen.getByTestId('document-upload-cancel'));
    expect(FakeXhr.instances[0]!.aborted).toBe(true);
    expect(await screen.findByText('Caricamento annullato.')).toBeInTheDocument();
    expect(screen.queryByTestId('document-upload-progress')).not.toBeInTheDocument();
  });

  // Issue 5: external users get the portal's documents (their own uploads) and their own upload form.
  it('shows external users their own documents and upload, without asking for the staff list', async () => {
    const caseRecord = buildCaseFileCase();
    const { server } = renderDocumentsTab({ user: socialWorker, caseRecord });
    expect(await screen.findByTestId('portal-documents-section')).toBeInTheDocument();
    expect(server.callsTo('GET', `/api/portal/cases/${caseRecord.id}`)).toHaveLength(1);
    expect(server.callsTo('GET', `/api/cases/${caseRecord.id}/documents`)).toHaveLength(0);
    expect(screen.queryByTestId('document-upload-form')).not.toBeInTheDocument();
  });
});
