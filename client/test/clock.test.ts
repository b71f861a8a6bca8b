import { CurrentUserSchema } from '@app/contracts';
import { api, ApiError } from '@/lib/api-client';
import { appNow, appToday, resetClock, syncClock } from '@/lib/clock';
import { buildCurrentUser } from './support/factories';
import { mockApi } from './support/mock-api';

// The browser's clock, fixed: the tests never read the real date.
const BROWSER_NOW = Date.parse('2026-06-01T10:00:00.000Z');

const withAppNow = (status: number, body: unknown, appNowHeader?: string): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...(appNowHeader === undefined ? {} : { 'X-App-Now': appNowHeader }) } });

describe("the SPA's clock (X-App-Now)", () => {
  let browserNow = BROWSER_NOW;

  beforeEach(() => {
    browserNow = BROWSER_NOW;
    jest.spyOn(Date, 'now').mockImplementation(() => browserNow);
    resetClock();
  });
  afterEach(() => jest.restoreAllMocks());

  it("is the browser's clock until the server has told its own", () => {
    expect(appNow().toISOString()).toBe('2026-06-01T10:00:00.000Z');
    expect(appToday()).toBe('2026-06-01');
  });

  it('follows the offset of the last X-App-Now header and keeps running from there', async () => {
    const user = buildCurrentUser();
    mockApi({ 'GET /api/auth/me': () => withAppNow(200, user, '2026-12-31T23:30:00.000Z') });

    await api.get('/auth/me', CurrentUserSchema);

    expect(appNow().toISOString()).toBe('2026-12-31T23:30:00.000Z');
    // 23:30 UTC on New Year's Eve is already 1 January in Italy, whatever the browser's zone.
    expect(appToday()).toBe('2027-01-01');
    browserNow += 5 * 60_000;
    expect(appNow().toISOString()).toBe('2026-12-31T23:35:00.000Z');
  });

  it('learns from error responses too, and ignores absent or unreadable headers', async () => {
    const server = { status: 200, header: '2027-03-01T08:00:00.000Z' as string | undefined };
    mockApi({
      'GET /api/auth/me': () =>
        server.status === 200 ? withAppNow(200, buildCurrentUser(), server.header) : withAppNow(server.status, { code: 'NOT_FOUND', message: 'gone' }, server.header),
    });

    server.status = 404;
    await expect(api.get('/auth/me', CurrentUserSchema)).rejects.toBeInstanceOf(ApiError);
    expect(appNow().toISOString()).toBe('2027-03-01T08:00:00.000Z');

    server.status = 200;
    server.header = undefined;
    await api.get('/auth/me', CurrentUserSchema);
    expect(appNow().toISOString()).toBe('2027-03-01T08:00:00.000Z');

    server.header = 'not a date';
    await api.get('/auth/me', CurrentUserSchema);
    expect(appNow().toISOString()).toBe('2027-03-01T08:00:00.000Z');

    resetClock();
    expect(appNow().toISOString()).toBe('2026-06-01T10:00:00.000Z');
  });

  it('takes the offset at receipt', () => {
    syncClock('2026-06-01T09:00:00.000Z', BROWSER_NOW - 60_000);
    // The server was 59 minutes behind the browser when the answer arrived.
    expect(appNow().toISOString()).toBe('2026-06-01T09:01:00.000Z');
  });
});
