import { Alert, Button, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/error-message';

// The three states of a part of a page that loads its own data: loading, failed (with a retry),
// and empty. The defaults are the case file's (its wording and test ids); a part that says it
// otherwise (tracing: "the data could not be loaded") passes its own.

type SectionSkeletonProps = {
  rows?: number;
  // Row height in px.
  rowHeight?: number;
  testId?: string;
};

// Placeholder rows while a part of the page loads; announced once to screen readers.
export const SectionSkeleton = ({ rows = 3, rowHeight = 28, testId = 'case-file-loading' }: SectionSkeletonProps) => {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="status" aria-busy="true" data-testid={testId}>
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={rowHeight} radius="sm" />
      ))}
    </Stack>
  );
};

type SectionErrorProps = {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
  // Translation keys of the alert's title and of its retry button.
  titleKey?: string;
  retryKey?: string;
  testId?: string;
};

export const SectionError = ({
  error,
  onRetry,
  retrying,
  titleKey = 'caseFile.load.failed',
  retryKey = 'caseFile.load.retry',
  testId = 'case-file-error',
}: SectionErrorProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <Alert color="red" title={t(titleKey)} data-testid={testId}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        <Button variant="default" size="xs" onClick={onRetry} loading={retrying}>
          {t(retryKey)}
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
