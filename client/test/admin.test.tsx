import type { User } from '@app/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildCurrentUser, buildOrganisation, buildUser } from './support/factories';
import { apiError, json, mockApi, noContent } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

const admin = buildCurrentUser({ role: 'admin', displayName: 'Anna Neri' });
const unit = buildOrganisation({ name: 'OIM Roma', type: 'IOM_UNIT' });
const mission = buildOrganisation({ name: 'OIM Tirana', type: 'IOM_MISSION', country: 'AL' });

const renderAdmin = (handlers: Parameters<typeof mockApi>[0], users: User[] = []) => {
  const server = mockApi({
    'GET /api/auth/me': () => json(200, admin),
    'GET /api/admin/organisations': () => json(200, { items: [unit, mission] }),
    'GET /api/admin/users': () => json(200, { items: users, nextCursor: null }),
    ...handlers,
  });
  return { server, ...renderApp('/admin') };
};

const userForm = () => within(screen.getByRole('form', { name: 'Nuovo utente' }));

const choose = async (user: ReturnType<typeof userEvent.setup>, label: string, option: string) => {
  await user.click(userForm().getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
};

const fillUserForm = async (user: ReturnType<typeof userEvent.setup>, password: string) => {
  await user.type(userForm().getByLabelText(/^Nome e cognome/), 'Marco Bianchi');
  await user.type(userForm().getByLabelText(/^Email/), 'Marco.Bianchi@Example.org');
  await choose(user, 'Organizzazione', 'OIM Roma (Unità OIM)');
  await choose(user, 'Ruolo', 'Operatore OIM');
  await user.type(userForm().getByLabelText(/^Password iniziale/), password);
};

describe('administration: users', () => {
  beforeEach(resetClientState);

  it('creates a user with the contract shape and refreshes the list', async () => {
    const created = buildUser({ displayName: 'Marco Bianchi', email: 'marco.bianchi@example.org' });
    let users: User[] = [];
    const { server } = renderAdmin({
      'POST /api/admin/users': () => {
        users = [created];
        return json(201, created);
      },
      'GET /api/admin/users': () => json(200, { items: users, nextCursor: null }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Amministrazione' });
    const user = userEvent.setup();

    await fillUserForm(user, 'una frase lunga e rara');
    await user.click(userForm().getByRole('button', { name: "Crea l'utente" }));

    expect(await screen.findByText('Utente Marco Bianchi creato.')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/admin/users')[0]?.body).toEqual({
      email: 'marco.bianchi@example.org',
      displayName: 'Marco Bianchi',
      organisationId: unit.id,
      role: 'caseworker',
      password: 'una frase lunga e rara',
    });
    expect(await screen.findByRole('cell', { name: 'marco.bianchi@example.org' })).toBeInTheDocument();
    expect(userForm().getByLabelText(/^Nome e cognome/)).toHaveValue('');
  });

  it('offers only the roles the organisation type allows', async () => {
    renderAdmin({});
    await screen.findByRole('heading', { level: 1, name: 'Amministrazione' });
    const user = userEvent.setup();

    expect(userForm().getByRole('combobox', { name: 'Ruolo' })).toBeDisabled();
    await choose(user, 'Organizzazione', 'OIM Tirana (Missione OIM)');

    // A mission has a single possible role, chosen for the user.
    expect(userForm().getByRole('combobox', { name: 'Ruolo' })).toHaveValue('Operatore sul campo (missione OIM)');
  });

  it('checks the password length before calling the server', async () => {
    const { server } = renderAdmin({});
    await screen.findByRole('heading', { level: 1, name: 'Amministrazione' });
    const user = userEvent.setup();

    await fillUserForm(user, 'corta');
    await user.click(userForm().getByRole('button', { name: "Crea l'utente" }));

    expect(await userForm().findByText('Inserisci almeno 12 caratteri')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/admin/users')).toHaveLength(0);
  });

  it("puts the server's password verdict on the password field", async () => {
    renderAdmin({
      'POST /api/admin/users': () =>
        apiError(400, 'VALIDATION_FAILED', {
          fields: [{ path: 'password', code: 'common_password', message: 'This password is too common' }],
        }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Amministrazione' });
    const user = userEvent.setup();

    await fillUserForm(user, 'password1234');
    await user.click(userForm().getByRole('button', { name: "Crea l'utente" }));

    const password = userForm().getByLabelText(/^Password iniziale/);
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(/troppo comune/);
    expect(screen.queryByText('This password is too common')).not.toBeInTheDocument();
  });

  it('marks the email when it is already taken (409)', async () => {
    renderAdmin({
      'POST /api/admin/users': () =>
        apiError(409, 'CONFLICT', { fields: [{ path: 'email', code: 'duplicate', message: 'Already exists' }] }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Amministrazione' });
    const user = userEvent.setup();

    await fillUserForm(user, 'una frase lunga e rara');
    await user.click(userForm().getByRole('button', { name: "Crea l'utente" }));

    expect(await userForm().findByText('Esiste già un utente con questa email')).toBeInTheDocument();
  });

  it('resets a password and deactivates another user', async () => {
    const target = buildUser({ displayName: 'Paolo Conti', email: 'paolo@example.org' });
    let active = true;
    const { server } = renderAdmin({
      'GET /api/admin/users': () => json(200, { items: [{ ...target, active }], nextCursor: null }),
      [`POST /api/admin/users/${target.id}/password`]: () => noContent(),
      [`POST /api/admin/users/${target.id}/deactivate`]: () => {
        active = false;
        return noContent();
      },
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Reimposta la password di Paolo Conti' }));
    const resetDialog = await screen.findByRole('dialog');
    await user.type(within(resetDialog).getByLabelText(/^Nuova password/), 'nuova frase segreta lunga');
    await user.click(within(resetDialog).getByRole('button', { name: 'Salva la nuova password' }));
    expect(await screen.findByText('La password di Paolo Conti è stata reimpostata.')).toBeInTheDocument();
    const resetCall = server.callsTo('POST', `/api/admin/users/${target.id}/password`)[0];
    expect(resetCall?.body).toEqual({ password: 'nuova frase segreta lunga' });
    expect(resetCall?.headers.get('X-Requested-With')).toBe('fetch');

    await user.click(screen.getByRole('button', { name: 'Disattiva Paolo Conti' }));
    const confirmDialog = await screen.findByRole('dialog', { name: "Disattivare l'utente?" });
    await user.click(within(confirmDialog).getByRole('button', { name: "Disattiva l'utente" }));

    expect(await screen.findByText("L'utente Paolo Conti è stato disattivato.")).toBeInTheDocument();
    const row = (await screen.findByRole('cell', { name: 'paolo@example.org' })).closest('tr') as HTMLElement;
    await waitFor(() => expect(within(row).getByText('Disattivato')).toBeInTheDocument());
    expect(within(row).queryByRole('button', { name: /Disattiva/ })).not.toBeInTheDocument();
  });

  it('does not offer to deactivate your own account', async () => {
    renderAdmin({}, [buildUser({ id: admin.id, displayName: 'Anna Neri' })]);

    expect(await screen.findByRole('button', { name: 'Reimposta la password di Anna Neri' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Disattiva Anna Neri' })).not.toBeInTheDocument();
  });
});

describe('administration: organisations', () => {
  beforeEach(resetClientState);

  it('creates an organisation and maps a server field error onto the field', async () => {
    let attempts = 0;
    const { server } = renderAdmin({
      'POST /api/admin/organisations': () => {
        attempts += 1;
        return attempts === 1
          ? apiError(400, 'VALIDATION_FAILED', { fields: [{ path: 'district', code: 'required', message: 'Required' }] })
          : json(201, buildOrganisation({ name: 'Tribunale per i minorenni di Roma', type: 'JUVENILE_COURT', district: 'Roma' }));
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: 'Organizzazioni' }));
    const form = within(screen.getByRole('form', { name: 'Nuova organizzazione' }));

    await user.type(form.getByLabelText(/^Nome dell'organizzazione/), 'Tribunale per i minorenni di Roma');
    await user.click(form.getByRole('combobox', { name: 'Tipo di organizzazione' }));
    await user.click(await screen.findByRole('option', { name: 'Tribunale per i minorenni' }));
    expect(form.getByLabelText(/^Distretto giudiziario/)).toBeRequired();
    await user.click(form.getByRole('button', { name: "Crea l'organizzazione" }));

    expect(await form.findByText('Campo obbligatorio')).toBeInTheDocument();
    expect(form.getByLabelText(/^Distretto giudiziario/)).toHaveAttribute('aria-invalid', 'true');
    // Empty optional fields are left out rather than sent as "".
    expect(server.callsTo('POST', '/api/admin/organisations')[0]?.body).toEqual({
      name: 'Tribunale per i minorenni di Roma',
      type: 'JUVENILE_COURT',
    });

    await user.type(form.getByLabelText(/^Distretto giudiziario/), 'Roma');
    await user.click(form.getByRole('button', { name: "Crea l'organizzazione" }));

    expect(await screen.findByText('Organizzazione «Tribunale per i minorenni di Roma» creata.')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/admin/organisations')[1]?.body).toEqual({
      name: 'Tribunale per i minorenni di Roma',
      type: 'JUVENILE_COURT',
      district: 'Roma',
    });
  });
});
