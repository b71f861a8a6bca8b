import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client';

// Friendly text for any thrown error. The client switches on error.code, never on message text.
export const errorMessageKey = (error: unknown): string =>
  isApiError(error) ? `errors.${error.code}` : 'errors.UNKNOWN';

export const useErrorMessage = (): ((error: unknown) => string) => {
  const { t } = useTranslation();
  return (error) => t(errorMessageKey(error));
};
