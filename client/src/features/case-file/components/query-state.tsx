import { Alert, Button, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/error-message';

// Placeholder rows while a part of the file loads; announced once to screen readers.
export const SectionSkeleton = ({ rows = 3 }: { rows?: number }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="status" aria-busy="true" data-testid="case-file-loading">
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={28} radius="sm" />
      ))}
    </Stack>
  );
};

export const SectionError = ({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <Alert color="red" title={t('caseFile.load.failed')} data-testid="case-file-error">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        <Button variant="default" size="xs" onClick={onRetry} loading={retrying}>
          {t('caseFile.load.retry')}
        </Button>
      </Stack>
    </Alert>
  );
};

// An empty list says what to do next, not just that it is empty.
export const EmptyState = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <Text c="dimmed" role="status" data-testid={testId}>
    {children}
  </Text>
);
