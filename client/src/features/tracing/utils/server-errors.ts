import { isApiError, type ApiError } from '@/lib/api-client';
import type { FieldErrorVocabulary } from '@/lib/form-errors';

// The tracing API's own field codes (besides the common ones): each has a plain explanation under
// tracing.fieldErrors. A server path belongs to the form field it equals or lies under
// ("targetMemberIds.1", "sections.housing", "questions.0").
const TRACING_FIELD_CODES = new Set(['do_not_contact', 'in_future', 'before_sent', 'no_mission', 'ambiguous', 'not_in_original', 'not_found', 'not_in_future', 'too_far']);

export const TRACING_FIELD_ERRORS: FieldErrorVocabulary = {
  ownCode: (code) => (TRACING_FIELD_CODES.has(code) ? `tracing.fieldErrors.${code}` : undefined),
  prefix: 'tracing.',
  match: 'under',
};

// The guards the server says are missing (422 details.unmet), as codes.
export const unmetCodes = (error: unknown): string[] =>
  isApiError(error) && error.code === 'TRANSITION_NOT_ALLOWED' ? (error.details?.unmet ?? []).map((item) => item.code) : [];

// The record changed since it was loaded (412), or it now exists and the save named no version (428).
export const isStale = (error: unknown): error is ApiError =>
  isApiError(error) && (error.code === 'PRECONDITION_FAILED' || error.code === 'PRECONDITION_REQUIRED');
