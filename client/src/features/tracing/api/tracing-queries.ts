import type { TracingStatus } from '@app/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { caseKey } from '@/lib/query-keys';
import { fetchCaseFileForTracing, fetchCaseTracing, fetchTracingRequest, fetchTracingRequests } from './tracing-api';

export type TracingListFilters = { status?: TracingStatus | undefined };

// Small pages: field officers are often on a slow connection.
export const TRACING_PAGE_SIZE = 20;

export const tracingQueries = {
  // The mission's side: the requests themselves.
  all: () => ['tracing-requests'] as const,
  lists: () => [...tracingQueries.all(), 'list'] as const,
  list: (filters: TracingListFilters) =>
    infiniteQueryOptions({
      queryKey: [...tracingQueries.lists(), filters] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchTracingRequests({ status: filters.status, cursor: pageParam, limit: TRACING_PAGE_SIZE }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...tracingQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => fetchTracingRequest(id, signal),
    }),

  // IOM Rome's side: everything hangs under the case's own key ['cases', caseId], so that one
  // invalidation of the case refreshes its tracing and its file too.
  caseTracing: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'tracing'] as const,
      queryFn: ({ signal }) => fetchCaseTracing(caseId, signal),
    }),
  // Same key as the case file tab, so the two share one cached (and audited) read.
  caseFile: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'file'] as const,
      queryFn: ({ signal }) => fetchCaseFileForTracing(caseId, signal),
    }),
};
