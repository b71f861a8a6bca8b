import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CreateCaseInput } from '@app/contracts';
import { errorAt, type IntakeContext, type IntakeFormValues } from './intake-form';

export type IntakeForm = UseFormReturn<IntakeFormValues, IntakeContext, CreateCaseInput>;

// Errors are stored as translation descriptors ("intake.errors.inFuture", "validation.tooLong|{…}")
// and translated when shown, so they follow a language switch.
const decode = (message: string): { key: string; params: Record<string, string | number> } => {
  const separator = message.indexOf('|');
  if (separator < 0) return { key: message, params: {} };
  try {
    return { key: message.slice(0, separator), params: JSON.parse(message.slice(separator + 1)) as Record<string, string | number> };
  } catch {
    return { key: message.slice(0, separator), params: {} };
  }
};

export const useIntakeError = (errors: FieldErrors<IntakeFormValues>): ((name: string) => string | undefined) => {
  const { t } = useTranslation();
  // Not memoised: react-hook-form updates the errors object in place.
  return (name: string) => {
    const message = errorAt(errors, name)?.message;
    if (!message) return undefined;
    const { key, params } = decode(message);
    return key.startsWith('validation.') || key.startsWith('intake.errors.') ? t(key, params) : t('validation.invalid');
  };
};
