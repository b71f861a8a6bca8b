import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { errorMessageKey } from '@/lib/error-message';

// On the case file a 409 means the case is closed (the server refuses edits until it is reopened),
// not the generic "already exists".
export const useCaseFileErrorMessage = (): ((error: unknown) => string) => {
  const { t } = useTranslation();
  return (error) => (isApiError(error) && error.code === 'CONFLICT' ? t('caseFile.errors.closed') : t(errorMessageKey(error)));
};
