import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { unmetCodes } from '../utils/server-errors';

type MutationErrorProps = {
  error: unknown;
  // What a 409 means where the form is: the request is closed, or the case is not in the right state.
  conflictKey: string;
};

// A failed save, in plain words: what is still missing (422), why the record cannot change (409),
// or the generic message for the error code. Field errors are shown on the fields instead.
export const MutationError = ({ error, conflictKey }: MutationErrorProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const unmet = unmetCodes(error);
  if (unmet.length > 0) {
    return (
      <Alert color="orange" title={t('tracing.errors.unmetTitle')} data-testid="tracing-unmet">
        <List size="sm">
          {unmet.map((code) => (
            <List.Item key={code}>{t(`guards.${code}`, { defaultValue: t('tracing.errors.unmetOther') })}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const conflict = isApiError(error) && error.code === 'CONFLICT';
  return (
    <Alert color="red" data-testid="tracing-mutation-error">
      <Text size="sm">{conflict ? t(conflictKey) : errorMessage(error)}</Text>
    </Alert>
  );
};
