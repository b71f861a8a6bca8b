import type { CaseState } from '@app/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchCase, fetchCases } from './fetch-cases';

export type CaseListFilters = { state?: CaseState | undefined };

export const CASE_PAGE_SIZE = 25;

export const caseQueries = {
  all: () => ['cases'] as const,
  lists: () => [...caseQueries.all(), 'list'] as const,
  // Keyset pagination: each page's nextCursor is the next request's cursor.
  list: (filters: CaseListFilters) =>
    infiniteQueryOptions({
      queryKey: [...caseQueries.lists(), filters] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchCases({ state: filters.state, cursor: pageParam, limit: CASE_PAGE_SIZE }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
  details: () => [...caseQueries.all(), 'detail'] as const,
  detail: (caseId: string) =>
    queryOptions({
      queryKey: [...caseQueries.details(), caseId] as const,
      queryFn: ({ signal }) => fetchCase(caseId, signal),
    }),
};
