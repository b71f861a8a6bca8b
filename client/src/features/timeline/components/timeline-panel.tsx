import type { CaseDetail, TimelineEntry } from '@app/contracts';
import { Button, Card, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { useErrorMessage } from '@/lib/error-message';
import { useLocale } from '@/lib/i18n';
import { timelineQueries } from '../api/timeline-queries';
import { entryActor, entryDetails, entryTitle, formatWhen } from '../utils/timeline-text';

export type TimelinePanelProps = { caseId: string; caseDetail: CaseDetail };

const Entry = ({ entry }: { entry: TimelineEntry }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const details = entryDetails(t, entry, locale);
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-testid="timeline-entry">
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          <time dateTime={entry.at}>{formatWhen(entry.at, locale)}</time>
          {' · '}
          <span data-testid="timeline-actor">{entryActor(t, entry)}</span>
        </Text>
        <Text fw={600} data-testid="timeline-what">
          {entryTitle(t, entry)}
        </Text>
        {details.map((line) => (
          <Text key={line} size="sm" dir="auto">
            {line}
          </Text>
        ))}
        {entry.reason && (
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {t('timeline.reason', { reason: entry.reason })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
};

// The case's history, newest first, a page at a time (domain §3.18 is the audit log; this is the
// case's own story: state changes with their reasons, records added, edits).
export const TimelinePanel = ({ caseId }: TimelinePanelProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = useInfiniteQuery(timelineQueries.list(caseId));
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-timeline-heading" data-testid="timeline-section">
      <Title order={2} size="h4" mb="sm" id="case-timeline-heading">
        {t('timeline.heading')}
      </Title>
      {query.isPending && <SectionSkeleton />}
      {query.isError && !query.data && <SectionError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
      {query.isSuccess && entries.length === 0 && <EmptyState testId="timeline-empty">{t('timeline.empty')}</EmptyState>}
      {entries.length > 0 && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('timeline.shown', { count: entries.length })}
          </Text>
          <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('timeline.listLabel')}>
            {entries.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </Stack>
          {query.isFetchNextPageError && (
            <Text size="sm" c="red" role="alert">
              {errorMessage(query.error)}
            </Text>
          )}
          {query.hasNextPage && (
            <Center>
              <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="timeline-load-more">
                {t('timeline.loadMore')}
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </Card>
  );
};
