import type { FieldValues, Path, UseFormSetError, FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiError } from '@/lib/api-client';
import { errorMessageKey } from '@/lib/error-message';
import { applyServerFieldErrors, useFieldErrorText } from '@/lib/form-errors';

// The server's own field codes on these forms, said in plain words.
const PORTAL_FIELD_CODES: Record<string, string> = {
  in_future: 'portal.errors.inFuture',
  future: 'portal.errors.inFuture',
  in_past: 'portal.errors.inPast',
  before_18th_birthday: 'portal.errors.before18',
  after_21st_birthday: 'portal.errors.after21',
  not_allowed: 'portal.errors.typeNotAllowed',
};

const matches = (path: string, name: string) => path === name || path.endsWith(`.${name}`);

// Puts the server's field errors on the form's fields (portal codes first, then the common ones).
export const applyPortalFieldErrors = <T extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<T>,
  names: readonly Path<T>[],
  options: Parameters<typeof applyServerFieldErrors<T>>[3] = {},
): boolean => {
  const done = new Set<Path<T>>();
  for (const field of error.details?.fields ?? []) {
    const key = PORTAL_FIELD_CODES[field.code];
    const name = names.find((candidate) => matches(field.path, candidate));
    if (!key || !name || done.has(name)) continue;
    setError(name, { type: 'server', message: key }, { shouldFocus: done.size === 0 });
    done.add(name);
  }
  const rest = applyServerFieldErrors(error, setError, names.filter((name) => !done.has(name)), options);
  return done.size > 0 || rest;
};

// A field's error text: the portal's own messages, or the common validation messages. The
// contracts' refinements on these forms (type "custom") all make a field required because of
// another (the mediator's name once a mediator was present); their own text is English.
export const usePortalFieldError = (): ((error: FieldError | undefined) => string | undefined) => {
  const { t } = useTranslation();
  const common = useFieldErrorText();
  return (error) => {
    if (error?.message?.startsWith('portal.')) return t(error.message);
    if (error?.type === 'custom') return t('validation.required');
    return common(error);
  };
};

// An error that belongs to no field. A 409 means something different on each form (a closed case,
// a step that cannot be taken yet): the form names it.
export const usePortalErrorMessage = (conflictKey = 'portal.errors.closed'): ((error: unknown) => string) => {
  const { t } = useTranslation();
  return (error) => (isApiError(error) && error.code === 'CONFLICT' ? t(conflictKey) : t(errorMessageKey(error)));
};

