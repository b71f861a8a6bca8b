import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCurrentUser, buildDashboard } from './support/factories';
import { apiError, json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const fillAndSubmit = async (email: string, password: string) => {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/^Email/), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Accedi' }));
  return user;
};

describe('login', () => {
  beforeEach(resetClientState);

  it('sends an unauthenticated visitor to the login page', async () => {
    mockApi({ 'GET /api/auth/me': () => apiError(401, 'UNAUTHENTICATED') });

    const { router } = renderApp('/cases');

    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('shows "Email o password non corretti" on a 401 and stays on the login page', async () => {
    const server = mockApi({ 'POST /api/auth/login': () => apiError(401, 'INVALID_CREDENTIALS') });
    const { router } = renderApp('/login');

    await fillAndSubmit('giulia@example.org', 'wrong password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Email o password non corretti');
    expect(router.state.location.pathname).toBe('/login');
    expect(server.callsTo('POST', '/api/auth/login')[0]?.body).toEqual({
      email: 'giulia@example.org',
      password: 'wrong password',
    });
    // The email stays, the password has to be typed again.
    expect(screen.getByLabelText(/^Email/)).toHaveValue('giulia@example.org');
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
  });

  it('explains the 15-minute lock on LOGIN_THROTTLED', async () => {
    mockApi({ 'POST /api/auth/login': () => apiError(429, 'LOGIN_THROTTLED') });
    renderApp('/login');

    await fillAndSubmit('giulia@example.org', 'whatever');

    expect(await screen.findByRole('alert')).toHaveTextContent(/bloccato per 15 minuti/);
  });

  it('checks the fields before calling the server', async () => {
    const server = mockApi({});
    renderApp('/login');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Accedi' }));

    expect(await screen.findAllByText('Campo obbligatorio')).toHaveLength(2);
    await user.type(screen.getByLabelText(/^Email/), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Accedi' }));
    expect(await screen.findByText('Inserisci un indirizzo email valido')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/auth/login')).toHaveLength(0);
  });

  it('navigates to the home page after a successful login', async () => {
    const currentUser = buildCurrentUser({ role: 'caseworker', displayName: 'Giulia Rossi' });
    const server = mockApi({
      'POST /api/auth/login': () => json(200, currentUser),
      'GET /api/dashboard': () => json(200, buildDashboard()),
    });
    const { router } = renderApp('/login');

    await fillAndSubmit('giulia@example.org', 'correct horse battery');

    // "/" is a caseworker's dashboard.
    expect(await screen.findByRole('heading', { level: 1, name: 'La mia scrivania' })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(screen.getByTestId('user-menu')).toHaveTextContent('Giulia Rossi');
    // The user returned by login is used as is: no extra /auth/me round trip.
    expect(server.callsTo('GET', '/api/auth/me')).toHaveLength(0);
    expect(server.callsTo('POST', '/api/auth/login')[0]?.headers.get('X-Requested-With')).toBe('fetch');
  });
});
