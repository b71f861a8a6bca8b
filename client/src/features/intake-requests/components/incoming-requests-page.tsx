import { Button, Center, Group, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { incomingRequestQueries, type IncomingFilter } from '../api/intake-requests-api';
import { AssignCaseworkerModal, type AssignTarget } from './assign-caseworker-modal';
import { IncomingRequestCard } from './incoming-request-card';

const SHOW_PARAM = 'show';
const FILTERS: readonly IncomingFilter[] = ['unassigned', 'all'];

// The queue by default; ?show=all also lists the requests that already have a caseworker.
export const incomingFilterFrom = (params: URLSearchParams): IncomingFilter => (params.get(SHOW_PARAM) === 'all' ? 'all' : 'unassigned');

const IncomingList = ({ filter, onAssign }: { filter: IncomingFilter; onAssign: (target: AssignTarget) => void }) => {
  const { t } = useTranslation();
  const query = useInfiniteQuery(incomingRequestQueries.list(filter));
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError && !query.data) return <SectionError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (items.length === 0) return <EmptyState testId="incoming-empty">{t(`intakeRequests.empty.${filter}`)}</EmptyState>;
  return (
    <Stack gap="md">
      <Stack gap="md" data-testid="incoming-list">
        {items.map((request) => (
          <IncomingRequestCard key={request.id} request={request} onAssign={onAssign} />
        ))}
      </Stack>
      {query.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('intakeRequests.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
};

// The supervisor's queue of family-tracing requests sent by municipal social services through the
// portal: each arrived as a new case in RECEIVED and waits here until a caseworker is assigned.
export const IncomingRequestsPage = () => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = incomingFilterFrom(searchParams);
  const [target, setTarget] = useState<AssignTarget | null>(null);

  const select = (value: string) =>
    setSearchParams(value === 'all' ? new URLSearchParams({ [SHOW_PARAM]: 'all' }) : new URLSearchParams(), { replace: true });

  return (
    <Stack maw={960}>
      <PageTitle documentTitle={t('intakeRequests.title')}>{t('intakeRequests.title')}</PageTitle>
      <Text>{t('intakeRequests.intro')}</Text>
      <Group gap="sm" align="center">
        <Text id="incoming-filter-label" size="sm" fw={600}>
          {t('intakeRequests.filter.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="incoming-filter-label"
          value={filter}
          onChange={select}
          data={FILTERS.map((value) => ({ value, label: t(`intakeRequests.filter.${value}`) }))}
          data-testid="incoming-filter"
        />
      </Group>
      <VisuallyHidden aria-live="polite">{t(`intakeRequests.filter.showing.${filter}`)}</VisuallyHidden>
      <IncomingList filter={filter} onAssign={setTarget} />
      <AssignCaseworkerModal target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
};
