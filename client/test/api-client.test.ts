import { CasePageSchema, CurrentUserSchema } from '@app/contracts';
import { api, ApiError, setUnauthorizedHandler } from '@/lib/api-client';
import { buildCurrentUser } from './support/factories';
import { apiError, json, mockApi, noContent } from './support/mock-api';

describe('api client', () => {
  afterEach(() => setUnauthorizedHandler(undefined));

  it('sends X-Requested-With and same-origin credentials on GET requests', async () => {
    const user = buildCurrentUser();
    const server = mockApi({ 'GET /api/auth/me': () => json(200, user) });

    await expect(api.get('/auth/me', CurrentUserSchema)).resolves.toEqual(user);

    const [call] = server.calls;
    expect(call?.headers.get('X-Requested-With')).toBe('fetch');
    expect(call?.credentials).toBe('same-origin');
  });

  it('sends X-Requested-With and a JSON body on POST requests', async () => {
    const user = buildCurrentUser();
    const server = mockApi({ 'POST /api/auth/login': () => json(200, user) });

    await api.post('/auth/login', { email: 'a@example.org', password: 'secret' }, CurrentUserSchema);

    const [call] = server.calls;
    expect(call?.method).toBe('POST');
    expect(call?.headers.get('X-Requested-With')).toBe('fetch');
    expect(call?.headers.get('Content-Type')).toBe('application/json');
    expect(call?.body).toEqual({ email: 'a@example.org', password: 'secret' });
  });

  it('drops empty query parameters and encodes the rest', async () => {
    const server = mockApi({ 'GET /api/cases': () => json(200, { items: [], nextCursor: null }) });

    await api.get('/cases', CasePageSchema, {
      query: { limit: 25, cursor: undefined, state: 'SCREENING', empty: '' },
    });

    expect(Object.fromEntries(server.calls[0]?.query ?? [])).toEqual({ limit: '25', state: 'SCREENING' });
  });

  it('throws an ApiError carrying the code, status and field details', async () => {
    const fields = [{ path: 'password', code: 'common_password', message: 'too common' }];
    mockApi({ 'POST /api/admin/users': () => apiError(400, 'VALIDATION_FAILED', { fields }) });

    const failure = api.post('/admin/users', {}, CurrentUserSchema);

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400, details: { fields } });
  });

  it('resolves 204 No Content without a body', async () => {
    const server = mockApi({ 'POST /api/auth/logout': () => noContent() });

    await expect(api.postNoContent('/auth/logout')).resolves.toBeUndefined();
    expect(server.calls[0]?.headers.get('X-Requested-With')).toBe('fetch');
    expect(server.calls[0]?.headers.has('Content-Type')).toBe(false);
  });

  it('rejects a response that does not match the contract', async () => {
    mockApi({ 'GET /api/auth/me': () => json(200, { id: 'not-a-user' }) });

    await expect(api.get('/auth/me', CurrentUserSchema)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    global.fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'));

    await expect(api.get('/auth/me', CurrentUserSchema)).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('calls the session-expiry handler on a 401 from an ordinary endpoint', async () => {
    const onUnauthorized = jest.fn();
    setUnauthorizedHandler(onUnauthorized);
    mockApi({ 'GET /api/cases': () => apiError(401, 'UNAUTHENTICATED') });

    await expect(api.get('/cases', CurrentUserSchema)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not treat a 401 from login or /auth/me as an expired session', async () => {
    const onUnauthorized = jest.fn();
    setUnauthorizedHandler(onUnauthorized);
    mockApi({
      'POST /api/auth/login': () => apiError(401, 'INVALID_CREDENTIALS'),
      'GET /api/auth/me': () => apiError(401, 'UNAUTHENTICATED'),
    });

    await expect(api.post('/auth/login', {}, CurrentUserSchema)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(api.get('/auth/me', CurrentUserSchema)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});
