import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { errorMessageKey } from '@/lib/error-message';
import { useFieldErrorText, type FieldErrorVocabulary } from '@/lib/form-errors';

// The server's own field codes on these forms, said in plain words (the common ones otherwise).
const PORTAL_FIELD_CODES: Record<string, string> = {
  in_future: 'portal.errors.inFuture',
  future: 'portal.errors.inFuture',
  in_past: 'portal.errors.inPast',
  before_18th_birthday: 'portal.errors.before18',
  after_21st_birthday: 'portal.errors.after21',
  not_allowed: 'portal.errors.typeNotAllowed',
};

export const PORTAL_FIELD_ERRORS: FieldErrorVocabulary = {
  ownCode: (code) => PORTAL_FIELD_CODES[code],
  prefix: 'portal.',
};

// A field's error text: the portal's own messages, or the common validation messages. The
// contracts' refinements on these forms (type "custom") all make a field required because of
// another (the mediator's name once a mediator was present); their own text is English.
export const usePortalFieldError = (): ((error: FieldError | undefined) => string | undefined) => {
  const { t } = useTranslation();
  const text = useFieldErrorText(PORTAL_FIELD_ERRORS);
  return (error) => (error?.type === 'custom' && !error.message?.startsWith('portal.') ? t('validation.required') : text(error));
};

// An error that belongs to no field. A 409 means something different on each form (a closed case,
// a step that cannot be taken yet): the form names it.
export const usePortalErrorMessage = (conflictKey = 'portal.errors.closed'): ((error: unknown) => string) => {
  const { t } = useTranslation();
  return (error) => (isApiError(error) && error.code === 'CONFLICT' ? t(conflictKey) : t(errorMessageKey(error)));
};
