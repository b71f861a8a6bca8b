import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { caseKey } from '@/lib/query-keys';
import { isStaleReport } from '../utils/report-errors';

// What went wrong with an action on a report, in plain words: a newer version (412, with a way
// to reload), missing requirements (422, each named), a state that moved on (409), or the
// generic message for the error code.
export const ReportActionError = ({ caseId, error }: { caseId: string; error: unknown }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const reload = () => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });

  if (isStaleReport(error)) {
    return (
      <Alert color="orange" title={t('reports.errors.staleTitle')} data-testid="report-action-error">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('reports.errors.stale')}</Text>
          <Button size="xs" variant="default" onClick={reload}>
            {t('reports.errors.reload')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (isApiError(error) && error.code === 'TRANSITION_NOT_ALLOWED' && error.details?.unmet?.length) {
    return (
      <Alert color="red" title={t('reports.errors.unmetTitle')} data-testid="report-action-error">
        <List size="sm">
          {error.details.unmet.map((item) => (
            <List.Item key={item.code}>{t(`guards.${item.code}`, { defaultValue: item.message })}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  if (isApiError(error) && error.code === 'CONFLICT') {
    return (
      <Alert color="red" data-testid="report-action-error">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('reports.errors.conflict')}</Text>
          <Button size="xs" variant="default" onClick={reload}>
            {t('reports.errors.reload')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="red" data-testid="report-action-error">
      {errorMessage(error)}
    </Alert>
  );
};
