import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchAuditTrail, fetchAuditVerification, fetchCaseAccessLog, fetchDisclosureRegister, type AuditFilters } from './dpo-api';

export const DPO_PAGE_SIZE = 50;

const nextCursor = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;

export const dpoQueries = {
  all: () => ['dpo'] as const,
  audit: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: [...dpoQueries.all(), 'audit', filters] as const,
      queryFn: ({ pageParam, signal }) => fetchAuditTrail(filters, { cursor: pageParam, limit: DPO_PAGE_SIZE }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: nextCursor,
    }),
  accessLog: (caseId: string) =>
    infiniteQueryOptions({
      queryKey: [...dpoQueries.all(), 'access-log', caseId] as const,
      queryFn: ({ pageParam, signal }) => fetchCaseAccessLog(caseId, { cursor: pageParam, limit: DPO_PAGE_SIZE }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: nextCursor,
    }),
  disclosures: () =>
    infiniteQueryOptions({
      queryKey: [...dpoQueries.all(), 'disclosures'] as const,
      queryFn: ({ pageParam, signal }) => fetchDisclosureRegister({ cursor: pageParam, limit: DPO_PAGE_SIZE }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: nextCursor,
    }),
  // Verifies the whole chain now: never served from the cache.
  verification: () =>
    queryOptions({
      queryKey: [...dpoQueries.all(), 'verification'] as const,
      queryFn: ({ signal }) => fetchAuditVerification(signal),
      staleTime: 0,
      gcTime: 0,
    }),
};
