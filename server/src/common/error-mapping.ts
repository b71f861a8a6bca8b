import type { ApiError, ErrorCode } from '@app/contracts';
import { AppError } from './app-error';

export const STATUS_BY_CODE = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  TRANSITION_NOT_ALLOWED: 422,
  ILLEGAL_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const satisfies Record<ErrorCode, number>;

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  428: 'PRECONDITION_REQUIRED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

// Messages for framework errors are ours, never the framework's: they can carry parser internals.
const SAFE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  MALFORMED_REQUEST: 'The request body could not be read',
  NOT_FOUND: 'Not found',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  INTERNAL_ERROR: 'Something went wrong on our side; nothing was changed',
};

export interface MappedError {
  status: number;
  body: ApiError;
  unexpected: boolean;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { statusCode?: unknown; status?: unknown; getStatus?: () => number };
  if (typeof candidate.getStatus === 'function') return candidate.getStatus();
  if (typeof candidate.statusCode === 'number') return candidate.statusCode;
  if (typeof candidate.status === 'number') return candidate.status;
  return undefined;
}

// One mapping for everything that can fail: our AppErrors, Nest HttpExceptions (unknown routes)
// and Fastify's own errors (bad JSON, body too large, wrong content type).
export function mapError(error: unknown): MappedError {
  if (error instanceof AppError) {
    const body: ApiError = { code: error.code, message: error.message };
    if (error.details) body.details = error.details;
    return { status: STATUS_BY_CODE[error.code], body, unexpected: false };
  }
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? 'MALFORMED_REQUEST';
    return { status: STATUS_BY_CODE[code], body: { code, message: SAFE_MESSAGES[code] ?? 'The request was refused' }, unexpected: false };
  }
  if (status === 503) return { status, body: { code: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' }, unexpected: false };
  return { status: 500, body: { code: 'INTERNAL_ERROR', message: SAFE_MESSAGES.INTERNAL_ERROR! }, unexpected: true };
}
