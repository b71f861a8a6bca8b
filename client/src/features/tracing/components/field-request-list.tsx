import type { TracingRequestSummary } from '@app/contracts';
import { Alert, Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList } from '@/components/ui/detail-list';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/error-message';
import { formatCountry, formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { tracingQueries, type TracingListFilters } from '../api/tracing-queries';
import { DueDate } from './due-date';
import { TracingStatusBadge } from './tracing-status-badge';

const RequestRow = ({ request }: { request: TracingRequestSummary }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const cancelled = request.status === 'CANCELLED';
  const title = request.minorDisplayName ?? t('tracing.list.cancelledTitle', { date: formatInstantDate(request.sentAt, locale) });
  return (
    <Card component="li" withBorder padding="md" data-testid="tracing-request-row" data-status={request.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Anchor component={Link} to={paths.tracingRequest(request.id)} fw={600} size="lg">
            {title}
          </Anchor>
          <TracingStatusBadge status={request.status} />
        </Group>
        <DetailList
          items={[
            { label: t('tracing.fields.targetCountry'), value: formatCountry(request.targetCountry, locale) },
            { label: t('tracing.fields.sentAt'), value: formatInstantDate(request.sentAt, locale) },
            ...(cancelled
              ? [{ label: t('tracing.fields.cancelledAt'), value: request.cancelledAt ? formatInstantDate(request.cancelledAt, locale) : t('common.notAvailable') }]
              : [
                  { label: t('tracing.fields.dueAt'), value: <DueDate dueAt={request.dueAt} overdue={request.overdue} /> },
                  { label: t('tracing.fields.targetMemberCount'), value: request.targetMemberCount ?? t('common.notAvailable') },
                  { label: t('tracing.fields.contactAttemptCount'), value: request.contactAttemptCount },
                ]),
            ...(request.outcome ? [{ label: t('tracing.fields.outcome'), value: t(`tracing.outcome.${request.outcome}`) }] : []),
          ]}
        />
      </Stack>
    </Card>
  );
};

// The requests sent to the officer's mission, newest first, a page at a time.
export const FieldRequestList = ({ filters }: { filters: TracingListFilters }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = useInfiniteQuery(tracingQueries.list(filters));

  if (query.isPending) return <SectionSkeleton rows={4} rowHeight={32} testId="tracing-loading" />;
  if (query.isError && !query.data) {
    return (
      <SectionError
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
        titleKey="tracing.load.failed"
        retryKey="tracing.load.retry"
        testId="tracing-load-error"
      />
    );
  }
  const requests = query.data.pages.flatMap((page) => page.items);
  if (requests.length === 0) {
    return <EmptyState testId="tracing-list-empty">{filters.status ? t('tracing.list.emptyFiltered') : t('tracing.list.empty')}</EmptyState>;
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" role="status">
        {t('tracing.list.shown', { count: requests.length })}
      </Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('tracing.list.label')}>
        {requests.map((request) => (
          <RequestRow key={request.id} request={request} />
        ))}
      </Stack>
      {query.isFetchNextPageError && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {query.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('tracing.list.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
};
