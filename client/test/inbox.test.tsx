import type { CaseReports, InboxItem, ReportVersion } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCaseFileCase } from './support/case-file-fixtures';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { buildInboxItem, inboxPage, portalId } from './support/portal-fixtures';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const guardian = buildCurrentUser({ role: 'guardian', displayName: 'Paola Riva', organisation: { id: portalId('0a000000'), name: 'Tutori volontari – Milano', type: 'GUARDIANS' } });
const ministry = buildCurrentUser({ role: 'ministry', displayName: 'Funzionario DG', organisation: { id: portalId('0a000000'), name: 'Ministero del Lavoro – DG', type: 'MINISTRY' } });

// A fake inbox that records acknowledgements the way the server does (once, with who and when).
const renderInbox = (user = guardian, items: InboxItem[] = [], path = '/inbox') => {
  const state = { items };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    'GET /api/inbox': ({ query }) => {
      const status = query.get('status');
      const shown = state.items.filter((item) => (status === 'unacknowledged' ? !item.acknowledgedAt : status === 'unread' ? !item.readAt : true));
      return json(200, { ...inboxPage(shown), counts: inboxPage(state.items).counts });
    },
  });
  return { server, state, ...renderApp(path) };
};

describe('inbox', () => {
  beforeEach(resetClientState);

  it('lists the reports released to a guardian with what is still to read and to confirm, and the watermarked PDF', async () => {
    const unread = buildInboxItem({ case: { id: portalId('c0000000'), caseNumber: 'IF-2026-0015', minorName: 'Bohdan Bondarenko' } });
    const read = buildInboxItem({
      report: { id: portalId('0d000000'), kind: 'NON_LOCATION_NOTE', versionNo: 2, contentSha256: 'd'.repeat(64) },
      readAt: '2026-10-21T08:30:00.000Z',
      readBy: { id: guardian.id, displayName: 'Paola Riva' },
      acknowledgedAt: '2026-10-21T08:35:00.000Z',
      acknowledgedBy: { id: guardian.id, displayName: 'Paola Riva' },
    });
    renderInbox(guardian, [unread, read]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Relazioni ricevute' })).toBeInTheDocument();
    expect(screen.getByTestId('inbox-counts')).toHaveTextContent('2 relazioni · 1 da leggere · 1 da confermare');
    const items = screen.getAllByTestId('inbox-item');
    expect(items).toHaveLength(2);
    const first = within(items[0]!);
    expect(first.getByRole('heading', { name: 'Relazione di indagine familiare – versione 1' })).toBeInTheDocument();
    expect(first.getByRole('link', { name: 'Caso IF-2026-0015 – Bohdan Bondarenko' })).toHaveAttribute('href', `/cases/${unread.case.id}`);
    expect(first.getByTestId('inbox-read-status')).toHaveTextContent('Non ancora letta');
    expect(first.getByTestId('inbox-ack-status')).toHaveTextContent('Ricezione da confermare');
    expect(first.getByTestId('inbox-pdf')).toHaveAttribute('href', unread.pdfUrl);
    expect(first.getByText(/Il PDF riporta il tuo nome/)).toBeInTheDocument();
    const second = within(items[1]!);
    expect(second.getByTestId('inbox-read-status')).toHaveTextContent('Letta il 21/10/2026');
    expect(second.getByTestId('inbox-ack-status')).toHaveTextContent(/Ricezione confermata il 21\/10\/2026, \d\d:35 da Paola Riva/);
    expect(second.queryByTestId('inbox-acknowledge')).not.toBeInTheDocument();
  });

  it('acknowledges a report once and shows who confirmed it and when', async () => {
    const item = buildInboxItem();
    const { server, state } = renderInbox(guardian, [item]);
    server.calls.length = 0;
    mockApi({
      'GET /api/auth/me': () => json(200, guardian),
      'GET /api/inbox': () => json(200, inboxPage(state.items)),
      [`POST /api/inbox/${item.id}/acknowledge`]: () => {
        state.items = [{ ...item, acknowledgedAt: '2026-11-22T10:05:00.000Z', acknowledgedBy: { id: guardian.id, displayName: 'Paola Riva' } }];
        return json(200, state.items[0]);
      },
    });

    await userEvent.setup().click(await screen.findByTestId('inbox-acknowledge'));

    expect(await screen.findByText('Ricezione confermata: Relazione di indagine familiare.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('inbox-ack-status')).toHaveTextContent('Ricezione confermata il 22/11/2026'));
    expect(screen.getByTestId('inbox-ack-status')).toHaveTextContent('da Paola Riva');
    expect(screen.queryByTestId('inbox-acknowledge')).not.toBeInTheDocument();
    // Keyboard users stay on the report they confirmed.
    expect(screen.getByRole('heading', { name: 'Relazione di indagine familiare – versione 1' })).toHaveFocus();
  });

  it('sends the acknowledgement as a POST with the CSRF header and says so when the server refuses it', async () => {
    const item = buildInboxItem();
    const server = mockApi({
      'GET /api/auth/me': () => json(200, guardian),
      'GET /api/inbox': () => json(200, inboxPage([item])),
      [`POST /api/inbox/${item.id}/acknowledge`]: () => apiError(404, 'NOT_FOUND'),
    });
    renderApp('/inbox');

    await userEvent.setup().click(await screen.findByTestId('inbox-acknowledge'));

    expect(await screen.findByRole('alert')).toHaveTextContent("Non trovato, oppure non hai l'autorizzazione per vederlo.");
    const [call] = server.callsTo('POST', `/api/inbox/${item.id}/acknowledge`);
    expect(call?.headers.get('X-Requested-With')).toBe('fetch');
    expect(screen.getByTestId('inbox-ack-status')).toHaveTextContent('Ricezione da confermare');
  });

  it('filters to what is still to confirm, keeps the filter in the URL and says when nothing is left', async () => {
    const done = buildInboxItem({ acknowledgedAt: '2026-10-21T08:35:00.000Z', acknowledgedBy: { id: guardian.id, displayName: 'Paola Riva' } });
    const { server, router } = renderInbox(guardian, [done]);
    await screen.findAllByTestId('inbox-item');

    await userEvent.setup().click(screen.getByRole('radio', { name: 'Da confermare' }));

    expect(await screen.findByTestId('inbox-empty')).toHaveTextContent('Hai confermato la ricezione di tutte le relazioni.');
    expect(router.state.location.search).toBe('?status=unacknowledged');
    expect(server.callsTo('GET', '/api/inbox').map((call) => call.query.get('status'))).toEqual(['all', 'unacknowledged']);
  });

  it('gives the ministry its reports without links to case files, in Italian and in English', async () => {
    const item = buildInboxItem({ personal: false, recipientName: 'Ministero del Lavoro – DG' });
    renderInbox(ministry, [item]);

    const card = within(await screen.findByTestId('inbox-item'));
    expect(card.getByText('Caso IF-2026-0015 – Bohdan Bondarenko')).toBeInTheDocument();
    expect(card.queryByRole('link', { name: /Caso IF-2026-0015/ })).not.toBeInTheDocument();
    expect(card.getByText(/inviata al tuo ufficio \(Ministero del Lavoro – DG\)/)).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale' });
    // The inbox entry says what is still to read and confirm (inbox-badge.test.tsx).
    expect(within(nav).getAllByRole('link')).toHaveLength(2);
    expect(within(nav).getAllByRole('link')[0]).toHaveAccessibleName('Statistiche');
    expect(within(nav).getAllByRole('link')[1]).toHaveAccessibleName('Relazioni ricevute, 1 da leggere, 1 da confermare');

    await userEvent.setup().click(screen.getByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Reports received' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm receipt' })).toBeInTheDocument();
    expect(screen.getByTestId('inbox-ack-status')).toHaveTextContent('Receipt not confirmed');
  });

  it('keeps IOM staff out of the inbox', async () => {
    const server = mockApi({ 'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'caseworker' })), 'GET /api/dashboard': () => apiError(503, 'SERVICE_UNAVAILABLE') });
    const { router } = renderApp('/inbox');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(server.callsTo('GET', '/api/inbox')).toHaveLength(0);
  });
});

describe('inbox: the sender sees the receipts', () => {
  beforeEach(resetClientState);

  it('shows IOM staff, in the disclosure register, who first opened each release and who acknowledged it', async () => {
    const caseRecord = buildCaseFileCase({ state: 'REPORT_SENT' });
    const disclosureId = portalId('0f000000');
    const person = (displayName: string) => ({ id: portalId('0e000000'), displayName });
    const version: ReportVersion = {
      id: portalId('0c000000'),
      versionNo: 1,
      status: 'RELEASED',
      originalLanguage: 'English',
      sectionsOriginal: {},
      sectionsIt: {},
      lockVersion: 5,
      missingSections: { original: [], it: [] },
      prefilledFrom: null,
      draftedBy: person('Marco Bellini'),
      createdAt: '2026-10-01T09:00:00.000Z',
      updatedAt: '2026-10-02T09:00:00.000Z',
      submittedBy: person('Marco Bellini'),
      submittedAt: '2026-10-02T09:00:00.000Z',
      qa: null,
      approvedBy: person('Giulia Ferri'),
      approvedAt: '2026-10-03T09:00:00.000Z',
      contentSha256: 'e'.repeat(64),
      releasedBy: person('Marco Bellini'),
      releasedAt: '2026-10-04T09:00:00.000Z',
      disclosures: [
        {
          id: disclosureId,
          recipientOrganisationId: null,
          recipientUserId: guardian.id,
          recipientName: 'Paola Riva – Tutori volontari',
          purpose: 'Valutazione del superiore interesse',
          legalBasis: 'Art. 19 c. 7-bis',
          familyConsentId: null,
          contentSha256: 'e'.repeat(64),
          releasedBy: person('Marco Bellini'),
          approvedBy: person('Giulia Ferri'),
          releasedAt: '2026-10-04T09:00:00.000Z',
          acknowledgedAt: '2026-10-06T11:00:00.000Z',
        },
      ],
    };
    const reports: CaseReports = {
      items: [{ id: portalId('0d000000'), caseId: caseRecord.id, kind: 'FAMILY_ASSESSMENT', createdAt: '2026-10-01T09:00:00.000Z', currentVersionNo: 1, released: true, latestReleasedVersionNo: 1, versions: [version] }],
      startable: null,
    };
    const server = mockApi({
      'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'caseworker' })),
      [`GET /api/cases/${caseRecord.id}`]: () => json(200, caseRecord),
      [`GET /api/cases/${caseRecord.id}/reports`]: () => json(200, reports),
      [`GET /api/cases/${caseRecord.id}/disclosures`]: () =>
        json(200, {
          items: [
            {
              id: disclosureId,
              report: { id: reports.items[0]!.id, kind: 'FAMILY_ASSESSMENT', versionNo: 1 },
              recipientName: 'Paola Riva – Tutori volontari',
              recipientOrganisationId: null,
              recipientUserId: guardian.id,
              purpose: 'Valutazione del superiore interesse',
              legalBasis: 'Art. 19 c. 7-bis',
              releasedAt: '2026-10-04T09:00:00.000Z',
              releasedBy: person('Marco Bellini'),
              readAt: '2026-10-05T15:20:00.000Z',
              readBy: { id: guardian.id, displayName: 'Paola Riva' },
              acknowledgedAt: '2026-10-06T11:00:00.000Z',
              acknowledgedBy: { id: guardian.id, displayName: 'Paola Riva' },
            },
          ],
        }),
    });
    renderApp(`/cases/${caseRecord.id}?tab=reports`);

    const row = within(await screen.findByTestId('disclosure-row'));
    await waitFor(() => expect(row.getByTestId('disclosure-read')).toHaveTextContent(/05\/10\/2026.*da Paola Riva/));
    expect(row.getByTestId('disclosure-acknowledged')).toHaveTextContent(/Sì, il 06\/10\/2026.*da Paola Riva/);
    expect(screen.getByRole('columnheader', { name: 'Prima apertura' })).toBeInTheDocument();
    expect(server.callsTo('GET', `/api/cases/${caseRecord.id}/disclosures`)).toHaveLength(1);
  });
});
