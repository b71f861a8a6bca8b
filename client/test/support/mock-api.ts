// A tiny fake of the server's /api for tests: handlers keyed by "METHOD /path" (no query string),
// every call recorded so tests can assert on what the client sent.
export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
};

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const noContent = (): Response => new Response(null, { status: 204 });

export const apiError = (status: number, code: string, details?: unknown): Response =>
  json(status, { code, message: `server message for ${code}`, ...(details ? { details } : {}) });

export const mockApi = (handlers: Record<string, Handler>) => {
  const calls: RecordedRequest[] = [];
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      credentials: init.credentials,
    };
    calls.push(request);
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) return apiError(404, 'NOT_FOUND');
    return handler(request);
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return {
    calls,
    callsTo: (method: string, path: string) => calls.filter((call) => call.method === method && call.path === path),
  };
};
