import { Button, Center, Stack } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { inboxQueries, type InboxFilters } from '../api/inbox-queries';
import { InboxItemCard } from './inbox-item-card';

type InboxListProps = {
  filters: InboxFilters;
  caseLink: boolean;
  headingOrder?: 2 | 3;
  // What to say when nothing matches (it depends on the filter and the page).
  emptyText: string;
};

// The released reports matching the filters, a page at a time.
export const InboxList = ({ filters, caseLink, headingOrder, emptyText }: InboxListProps) => {
  const { t } = useTranslation();
  const query = useInfiniteQuery(inboxQueries.list(filters));
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError && !query.data) return <SectionError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (items.length === 0) return <EmptyState testId="inbox-empty">{emptyText}</EmptyState>;
  return (
    <Stack gap="md">
      <Stack gap="md" data-testid="inbox-list">
        {items.map((item) => (
          <InboxItemCard key={item.id} item={item} caseLink={caseLink} {...(headingOrder ? { headingOrder } : {})} />
        ))}
      </Stack>
      {query.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('inbox.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
};
