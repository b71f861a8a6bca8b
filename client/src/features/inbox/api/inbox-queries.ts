import type { InboxStatusFilter } from '@app/contracts';
import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKey } from '@/lib/query-keys';
import { acknowledgeInboxItem, fetchInbox } from './inbox-api';

export const INBOX_PAGE_SIZE = 20;

export type InboxFilters = { status: InboxStatusFilter; caseId?: string | undefined };

export const inboxQueries = {
  all: () => ['inbox'] as const,
  // Keyset pagination: each page's nextCursor is the next request's cursor.
  list: (filters: InboxFilters) =>
    infiniteQueryOptions({
      queryKey: [...inboxQueries.all(), 'list', filters] as const,
      queryFn: ({ pageParam, signal }) => fetchInbox({ ...filters, cursor: pageParam, limit: INBOX_PAGE_SIZE }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
};

// An acknowledgement changes the inbox (counts, status) and the case it is about (its timeline
// and portal page, under ['cases', caseId]).
export const useAcknowledgeInboxItem = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeInboxItem,
    onSuccess: (item) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inboxQueries.all() }),
        queryClient.invalidateQueries({ queryKey: caseKey(item.case.id) }),
      ]),
  });
};

// The PDF is opened with a plain link (the browser downloads it with the session cookie); the
// server records the first download as the read receipt, so the status is asked again shortly after.
export const useRefreshAfterDownload = () => {
  const queryClient = useQueryClient();
  return (caseId: string) => {
    window.setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: inboxQueries.all() });
      void queryClient.invalidateQueries({ queryKey: [...caseKey(caseId), 'portal'] });
    }, 1500);
  };
};
