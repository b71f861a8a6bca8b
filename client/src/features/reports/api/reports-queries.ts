import { queryOptions } from '@tanstack/react-query';
import { caseKey } from '@/lib/query-keys';
import { fetchCaseReports, fetchDirectoryGuardians, fetchDirectoryOrganisations } from './reports-api';

// The reports hang under the case's key (caseKey(caseId) = ['cases', caseId], lib/query-keys.ts):
// invalidating the case after an action refreshes its state, its next steps and its reports.
export const reportQueries = {
  list: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'reports'] as const,
      queryFn: ({ signal }) => fetchCaseReports(caseId, signal),
    }),
  organisations: () =>
    queryOptions({
      queryKey: ['directory', 'organisations'] as const,
      queryFn: ({ signal }) => fetchDirectoryOrganisations(signal),
      staleTime: 5 * 60_000,
    }),
  guardians: () =>
    queryOptions({
      queryKey: ['directory', 'users', 'guardian'] as const,
      queryFn: ({ signal }) => fetchDirectoryGuardians(signal),
      staleTime: 5 * 60_000,
    }),
};
