import type { InboxItem } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCurrentUser } from './support/factories';
import { json, mockApi } from './support/mock-api';
import { buildInboxItem, inboxPage, portalId } from './support/portal-fixtures';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const guardian = buildCurrentUser({ role: 'guardian', displayName: 'Paola Riva', organisation: { id: portalId('0a000000'), name: 'Tutori volontari – Milano', type: 'GUARDIANS' } });
const ministry = buildCurrentUser({ role: 'ministry', displayName: 'Funzionario DG', organisation: { id: portalId('0a000000'), name: 'Ministero del Lavoro – DG', type: 'MINISTRY' } });

const readAndConfirmed = (): Partial<InboxItem> => ({
  readAt: '2026-10-21T08:30:00.000Z',
  readBy: { id: guardian.id, displayName: 'Paola Riva' },
  acknowledgedAt: '2026-10-21T08:35:00.000Z',
  acknowledgedBy: { id: guardian.id, displayName: 'Paola Riva' },
});

const nav = async () => within(await screen.findByRole('navigation', { name: 'Navigazione principale' }));

// The inbox as the server answers it: the counts cover the whole inbox, whatever the filter.
const renderWithInbox = (user: typeof guardian, items: InboxItem[], path: string, handlers: Parameters<typeof mockApi>[0] = {}) => {
  const state = { items };
  const server = mockApi({
    'GET /api/auth/me': () => json(200, user),
    'GET /api/cases': () => json(200, { items: [], nextCursor: null }),
    'GET /api/inbox': () => json(200, inboxPage(state.items)),
    ...handlers,
  });
  return { server, state, ...renderApp(path) };
};

describe('inbox badge in the menu', () => {
  beforeEach(resetClientState);

  it('says in the link name how many reports are still to read and to confirm, on any page', async () => {
    const unread = buildInboxItem();
    const readNotConfirmed = buildInboxItem({ readAt: '2026-10-21T08:30:00.000Z', readBy: { id: guardian.id, displayName: 'Paola Riva' } });
    const done = buildInboxItem(readAndConfirmed());
    const { server } = renderWithInbox(guardian, [unread, readNotConfirmed, done], '/cases');

    const link = await (await nav()).findByRole('link', { name: 'Relazioni ricevute, 1 da leggere, 2 da confermare' });
    expect(link).toHaveAttribute('href', '/inbox');
    expect(within(link).getByTestId('inbox-nav-badge')).toHaveTextContent('2');
    // The number is for the eye: the words are in the name.
    expect(within(link).getByTestId('inbox-nav-badge')).toHaveAttribute('aria-hidden', 'true');
    expect(server.callsTo('GET', '/api/inbox')).toHaveLength(1);
    expect(server.callsTo('GET', '/api/inbox')[0]?.query.get('status')).toBe('all');
  });

  it('shows no number when everything is read and confirmed', async () => {
    const { server } = renderWithInbox(guardian, [buildInboxItem(readAndConfirmed())], '/cases');
    await waitFor(() => expect(server.callsTo('GET', '/api/inbox')).toHaveLength(1));
    expect(await (await nav()).findByRole('link', { name: 'Relazioni ricevute' })).toBeInTheDocument();
    expect(screen.queryByTestId('inbox-nav-badge')).not.toBeInTheDocument();
  });

  it('costs the inbox page no second request, and goes down once a report is confirmed', async () => {
    const item = buildInboxItem({ readAt: '2026-10-21T08:30:00.000Z', readBy: { id: guardian.id, displayName: 'Paola Riva' } });
    const { server, state } = renderWithInbox(guardian, [item], '/inbox', {
      [`POST /api/inbox/${item.id}/acknowledge`]: () => {
        state.items = [{ ...item, acknowledgedAt: '2026-11-22T10:05:00.000Z', acknowledgedBy: { id: guardian.id, displayName: 'Paola Riva' } }];
        return json(200, state.items[0]);
      },
    });

    expect(await (await nav()).findByRole('link', { name: 'Relazioni ricevute, 1 da confermare' })).toHaveAttribute('aria-current', 'page');
    expect(server.callsTo('GET', '/api/inbox')).toHaveLength(1);

    await userEvent.setup().click(await screen.findByTestId('inbox-acknowledge'));

    expect(await (await nav()).findByRole('link', { name: 'Relazioni ricevute' })).toBeInTheDocument();
    expect(screen.queryByTestId('inbox-nav-badge')).not.toBeInTheDocument();
  });

  it('is there for the ministry too, and in English', async () => {
    renderWithInbox(ministry, [buildInboxItem({ personal: false }), buildInboxItem({ personal: false })], '/inbox');
    expect(await (await nav()).findByRole('link', { name: 'Relazioni ricevute, 2 da leggere, 2 da confermare' })).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('radio', { name: 'English' }));

    const englishNav = within(screen.getByRole('navigation', { name: 'Main navigation' }));
    expect(await englishNav.findByRole('link', { name: /^Reports received, 2 / })).toBeInTheDocument();
  });

  it('is not asked for by IOM staff, who have no inbox', async () => {
    const server = mockApi({
      'GET /api/auth/me': () => json(200, buildCurrentUser({ role: 'supervisor' })),
      'GET /api/cases': () => json(200, { items: [], nextCursor: null }),
    });
    renderApp('/cases');
    await screen.findByRole('heading', { level: 1, name: 'Casi' });
    expect((await nav()).queryByRole('link', { name: /Relazioni ricevute/ })).not.toBeInTheDocument();
    expect(server.callsTo('GET', '/api/inbox')).toHaveLength(0);
  });
});
