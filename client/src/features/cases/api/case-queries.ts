import type { CaseState } from '@app/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { caseKey, caseListsKey } from '@/lib/query-keys';
import { fetchCase, fetchCaseFilterOptions, fetchCases, searchCases } from './fetch-cases';

export type CaseListFilters = {
  state?: CaseState | undefined;
  nationality?: string | undefined;
  caseworkerId?: string | undefined;
  requestingAuthorityId?: string | undefined;
  overdue?: boolean | undefined;
};

export const CASE_PAGE_SIZE = 25;

export const caseQueries = {
  lists: caseListsKey,
  // Keyset pagination: each page's nextCursor is the next request's cursor.
  list: (filters: CaseListFilters) =>
    infiniteQueryOptions({
      queryKey: [...caseQueries.lists(), filters] as const,
      queryFn: ({ pageParam, signal }) => fetchCases({ ...filters, cursor: pageParam, limit: CASE_PAGE_SIZE }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
  // The list searched by name (POST body). The name is part of the cache key in memory only.
  search: (filters: CaseListFilters, name: string) =>
    infiniteQueryOptions({
      queryKey: [...caseQueries.lists(), 'search', filters, name] as const,
      queryFn: ({ pageParam }) => searchCases({ ...filters, name, cursor: pageParam, limit: CASE_PAGE_SIZE }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
  // The choices of the list's filter dropdowns, among the cases the user can see.
  filterOptions: () =>
    queryOptions({
      queryKey: [...caseQueries.lists(), 'filter-options'] as const,
      queryFn: ({ signal }) => fetchCaseFilterOptions(signal),
      staleTime: 5 * 60_000,
    }),
  // The case itself, under caseKey(caseId): its file, tracing, reports… hang under longer keys,
  // so one invalidation refreshes them all.
  detail: (caseId: string) =>
    queryOptions({
      queryKey: caseKey(caseId),
      queryFn: ({ signal }) => fetchCase(caseId, signal),
    }),
};
