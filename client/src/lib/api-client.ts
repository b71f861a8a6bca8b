import { ApiErrorSchema, type ErrorCode } from '@app/contracts';
import type { z } from 'zod';
import { APP_NOW_HEADER, syncClock } from './clock';

const API_BASE = '/api';

// Codes the client adds for failures that never reached, or never came back from, the server.
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'INVALID_RESPONSE';

type ErrorDetails = z.infer<typeof ApiErrorSchema>['details'];

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

// A 401 from these paths is an answer, not an expired session: the login form shows it, the root
// loader turns it into a redirect, and logout leaves for the login page anyway.
const PATHS_WHERE_401_IS_EXPECTED = new Set(['/auth/login', '/auth/me', '/auth/logout']);

let onUnauthorized: (() => void) | undefined;

export const setUnauthorizedHandler = (handler: (() => void) | undefined): void => {
  onUnauthorized = handler;
};

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

type RequestOptions = {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  // Extra request headers, e.g. If-Match with the version being edited.
  headers?: Record<string, string>;
};

const buildUrl = (path: string, query?: QueryParams): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
};

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const toApiError = async (response: Response): Promise<ApiError> => {
  const parsed = ApiErrorSchema.safeParse(await readJson(response));
  if (parsed.success) {
    const { code, message, details } = parsed.data;
    return new ApiError(code, response.status, message, details);
  }
  // A proxy or gateway answered with something that is not our error shape.
  const code: ClientErrorCode = response.status === 401 ? 'UNAUTHENTICATED' : response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INVALID_RESPONSE';
  return new ApiError(code, response.status, `HTTP ${response.status}`);
};

const send = async (method: string, path: string, options: RequestOptions): Promise<Response> => {
  // X-Requested-With goes on every request: the server rejects non-GET requests without it (CSRF).
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json', 'X-Requested-With': 'fetch' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('NETWORK_ERROR', 0, 'The server could not be reached');
  }
  // Every answer, error or not, carries the server's clock.
  syncClock(response.headers.get(APP_NOW_HEADER));

  if (response.ok) return response;

  const error = await toApiError(response);
  if (response.status === 401 && !PATHS_WHERE_401_IS_EXPECTED.has(path)) onUnauthorized?.();
  throw error;
};

const parseBody = async <T>(response: Response, schema: z.ZodType<T>): Promise<T> => {
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError('INVALID_RESPONSE', response.status, 'The server answered with an unexpected shape');
  }
  return parsed.data;
};

function request<T>(method: string, path: string, schema: z.ZodType<T>, options?: RequestOptions): Promise<T>;
function request(method: string, path: string, schema?: undefined, options?: RequestOptions): Promise<void>;
async function request<T>(
  method: string,
  path: string,
  schema?: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<T | void> {
  const response = await send(method, path, options);
  if (!schema) return;
  return parseBody(response, schema);
}

type GetOptions = Pick<RequestOptions, 'query' | 'signal'>;

export const api = {
  get: <T>(path: string, schema: z.ZodType<T>, options?: GetOptions): Promise<T> =>
    request('GET', path, schema, options),
  post: <T>(path: string, body: unknown, schema: z.ZodType<T>, options?: Pick<RequestOptions, 'headers'>): Promise<T> =>
    request('POST', path, schema, { ...options, body }),
  // PUT replaces a whole record; If-Match (in headers) names the version being replaced.
  put: <T>(path: string, body: unknown, schema: z.ZodType<T>, options?: Pick<RequestOptions, 'headers'>): Promise<T> =>
    request('PUT', path, schema, { ...options, body }),
  // For endpoints that answer 204 No Content.
  postNoContent: (path: string, body?: unknown): Promise<void> =>
    request('POST', path, undefined, { body }),
};

// For requests sent without fetch (lib/upload.ts: an upload with a progress bar needs
// XMLHttpRequest): the same URL, the same error parsing and the same session-expiry handling.
export const apiUrl = (path: string, query?: QueryParams): string => buildUrl(path, query);

export const errorFromResponse = async (path: string, response: Response): Promise<ApiError> => {
  const error = await toApiError(response);
  if (response.status === 401 && !PATHS_WHERE_401_IS_EXPECTED.has(path)) onUnauthorized?.();
  return error;
};
