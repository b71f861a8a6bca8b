import { isApiError, type ApiError } from '@/lib/api-client';
import type { FieldErrorVocabulary } from '@/lib/form-errors';

// The return API's own field codes (server/src/return): each has a plain explanation under
// return.fieldErrors. A server path belongs to the form field it equals or lies under
// ("signedBy.1" → "signedBy").
const RETURN_FIELD_CODES = new Set([
  'future',
  'past',
  'before_handover',
  'after_visit',
  'not_released',
  'do_not_contact',
  'not_found',
  'not_allowed',
  'supervisor_only',
  'before_18th_birthday',
  'after_21st_birthday',
  'no_date_of_birth',
  'in_future',
  'in_past',
  'too_long',
]);

export const RETURN_FIELD_ERRORS: FieldErrorVocabulary = {
  ownCode: (code, limits) => {
    if (RETURN_FIELD_CODES.has(code)) return `return.fieldErrors.${code}`;
    // A minimum the form does not state: the server's own wording.
    if (code === 'too_short' && limits === undefined) return 'return.fieldErrors.too_short';
    return undefined;
  },
  prefix: 'return.',
  match: 'under',
};

// The record changed since it was loaded (412), or the save named no version (428).
export const isStale = (error: unknown): error is ApiError =>
  isApiError(error) && (error.code === 'PRECONDITION_FAILED' || error.code === 'PRECONDITION_REQUIRED');

// What the server says is missing: a refused transition (422) or a step that needs an earlier one (409).
export const unmetOf = (error: unknown): { code: string; message: string }[] =>
  isApiError(error) && (error.code === 'TRANSITION_NOT_ALLOWED' || error.code === 'CONFLICT') ? (error.details?.unmet ?? []) : [];
