import { Alert, Button, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/error-message';

// Placeholder rows while data loads (on a slow connection this can take a while); announced once.
export const LoadingRows = ({ rows = 3, testId = 'tracing-loading' }: { rows?: number; testId?: string }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="status" aria-busy="true" data-testid={testId}>
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={32} radius="sm" />
      ))}
    </Stack>
  );
};

export const LoadError = ({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <Alert color="red" title={t('tracing.load.failed')} data-testid="tracing-load-error">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        <Button variant="default" size="xs" onClick={onRetry} loading={retrying}>
          {t('tracing.load.retry')}
        </Button>
      </Stack>
    </Alert>
  );
};

export const EmptyState = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <Text c="dimmed" role="status" data-testid={testId}>
    {children}
  </Text>
);
