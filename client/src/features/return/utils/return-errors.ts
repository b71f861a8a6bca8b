import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiError } from '@/lib/api-client';
import { fieldMessage, translateFieldMessage } from '@/lib/form-errors';

// The return API's own field codes (server/src/return): each has a plain explanation under
// return.fieldErrors.
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

const GENERIC_FIELD_CODES: Record<string, string> = {
  required: 'validation.required',
  invalid_value: 'validation.invalidOption',
  duplicate: 'validation.duplicate',
};

export type LengthLimits = Record<string, { min?: number; max?: number }>;

const messageFor = (code: string, limits: { min?: number; max?: number } | undefined): string => {
  if (RETURN_FIELD_CODES.has(code)) return `return.fieldErrors.${code}`;
  if (code === 'too_short' && limits === undefined) return 'return.fieldErrors.too_short';
  if ((code === 'too_small' || code === 'too_short') && limits?.min !== undefined) return fieldMessage('validation.tooShort', { minimum: limits.min });
  if ((code === 'too_big' || code === 'too_long') && limits?.max !== undefined) return fieldMessage('validation.tooLong', { maximum: limits.max });
  return fieldMessage(GENERIC_FIELD_CODES[code] ?? 'validation.invalid');
};

// A server path belongs to the form field it equals or lies under ("signedBy.1" → "signedBy").
const fieldFor = <T extends FieldValues>(path: string, names: readonly Path<T>[]): Path<T> | undefined =>
  names.find((name) => path === name) ?? names.find((name) => path.startsWith(`${name}.`));

// Puts the server's field errors (details.fields) on the matching form fields, the first problem
// per field, and focuses the first. Returns true when at least one field received an error.
export const applyReturnFieldErrors = <T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  names: readonly Path<T>[],
  limits: LengthLimits = {},
): boolean => {
  if (!isApiError(error)) return false;
  const done = new Set<Path<T>>();
  for (const field of error.details?.fields ?? []) {
    const name = fieldFor(field.path, names);
    if (!name || done.has(name)) continue;
    setError(name, { type: 'server', message: messageFor(field.code, limits[name]) }, { shouldFocus: done.size === 0 });
    done.add(name);
  }
  return done.size > 0;
};

export const hasReturnFieldErrors = (error: unknown, names: readonly string[]): boolean =>
  isApiError(error) && (error.details?.fields ?? []).some((field) => names.some((name) => field.path === name || field.path.startsWith(`${name}.`)));

export const translateReturnFieldMessage = (t: TFunction, message: string | undefined): string | undefined =>
  message?.startsWith('return.') ? t(message) : translateFieldMessage(t, message);

// Field errors are stored as translation keys and translated when shown (they follow a language switch).
export const useReturnFieldErrorText = (): ((error: FieldError | undefined) => string | undefined) => {
  const { t } = useTranslation();
  return useCallback((error) => translateReturnFieldMessage(t, error?.message), [t]);
};

// The record changed since it was loaded (412), or the save named no version (428).
export const isStale = (error: unknown): error is ApiError =>
  isApiError(error) && (error.code === 'PRECONDITION_FAILED' || error.code === 'PRECONDITION_REQUIRED');

// What the server says is missing: a refused transition (422) or a step that needs an earlier one (409).
export const unmetOf = (error: unknown): { code: string; message: string }[] =>
  isApiError(error) && (error.code === 'TRANSITION_NOT_ALLOWED' || error.code === 'CONFLICT') ? (error.details?.unmet ?? []) : [];
