import { TimelinePageSchema, type TimelinePage } from '@app/contracts';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKey } from '@/lib/query-keys';

export const TIMELINE_PAGE_SIZE = 20;

// Newest first, keyset pagination (each page's nextCursor is the next request's cursor). Reading
// is audited. External users get a reduced view (the server decides).
export const fetchTimeline = (caseId: string, cursor: string | undefined, signal?: AbortSignal): Promise<TimelinePage> =>
  api.get(`/cases/${encodeURIComponent(caseId)}/timeline`, TimelinePageSchema, {
    query: { cursor, limit: TIMELINE_PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });

// Under the case's key (['cases', caseId]): every change to the case refreshes its timeline.
export const timelineQueries = {
  list: (caseId: string) =>
    infiniteQueryOptions({
      queryKey: [...caseKey(caseId), 'timeline'] as const,
      queryFn: ({ pageParam, signal }) => fetchTimeline(caseId, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
};
