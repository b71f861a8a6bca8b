import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiError } from '@/lib/api-client';
import { fieldMessage, translateFieldMessage } from '@/lib/form-errors';

// The tracing API's own field codes (besides zod's): each has a plain explanation.
const TRACING_FIELD_CODES = new Set(['do_not_contact', 'in_future', 'before_sent', 'no_mission', 'ambiguous', 'not_in_original', 'not_found', 'not_in_future', 'too_far']);

const GENERIC_FIELD_CODES: Record<string, string> = {
  required: 'validation.required',
  invalid_value: 'validation.invalidOption',
  duplicate: 'validation.duplicate',
};

export type LengthLimits = Record<string, { min?: number; max?: number }>;

const messageFor = (code: string, limits: { min?: number; max?: number } | undefined): string => {
  if (TRACING_FIELD_CODES.has(code)) return `tracing.fieldErrors.${code}`;
  if ((code === 'too_small' || code === 'too_short') && limits?.min !== undefined) return fieldMessage('validation.tooShort', { minimum: limits.min });
  if ((code === 'too_big' || code === 'too_long') && limits?.max !== undefined) return fieldMessage('validation.tooLong', { maximum: limits.max });
  return fieldMessage(GENERIC_FIELD_CODES[code] ?? 'validation.invalid');
};

// The server names fields by path: "targetMemberIds.1", "sections.housing", "questions.0". A path
// belongs to the form field it equals or lies under.
const fieldFor = <T extends FieldValues>(path: string, names: readonly Path<T>[]): Path<T> | undefined =>
  names.find((name) => path === name) ?? names.find((name) => path.startsWith(`${name}.`));

// Puts the server's field errors (details.fields) on the matching form fields, the first problem
// per field, and focuses the first. Returns true when at least one field received an error.
export const applyTracingFieldErrors = <T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  names: readonly Path<T>[],
  limits: LengthLimits = {},
  // Where the form keeps a server path under another name (e.g. "questions.2" → "questions.2.text").
  rename: (path: string) => string = (path) => path,
): boolean => {
  if (!isApiError(error)) return false;
  const done = new Set<Path<T>>();
  for (const field of error.details?.fields ?? []) {
    const name = fieldFor(rename(field.path), names);
    if (!name || done.has(name)) continue;
    setError(name, { type: 'server', message: messageFor(field.code, limits[name]) }, { shouldFocus: done.size === 0 });
    done.add(name);
  }
  return done.size > 0;
};

export const hasTracingFieldErrors = (error: unknown, names: readonly string[]): boolean =>
  isApiError(error) && (error.details?.fields ?? []).some((field) => names.some((name) => field.path === name || field.path.startsWith(`${name}.`)));

export const translateTracingFieldMessage = (t: TFunction, message: string | undefined): string | undefined =>
  message?.startsWith('tracing.') ? t(message) : translateFieldMessage(t, message);

// Field errors are stored as translation keys and translated when shown (they follow a language switch).
export const useTracingFieldErrorText = (): ((error: FieldError | undefined) => string | undefined) => {
  const { t } = useTranslation();
  return useCallback((error) => translateTracingFieldMessage(t, error?.message), [t]);
};

// The guards the server says are missing (422 details.unmet), as codes.
export const unmetCodes = (error: unknown): string[] =>
  isApiError(error) && error.code === 'TRANSITION_NOT_ALLOWED' ? (error.details?.unmet ?? []).map((item) => item.code) : [];

// The record changed since it was loaded (412), or it now exists and the save named no version (428).
export const isStale = (error: unknown): error is ApiError =>
  isApiError(error) && (error.code === 'PRECONDITION_FAILED' || error.code === 'PRECONDITION_REQUIRED');
