import { queryOptions } from '@tanstack/react-query';
import { caseKey } from '@/lib/query-keys';
import { fetchCaseFile } from './fetch-case-file';

// Keys hang under the case's own key (caseKey(caseId) = ['cases', caseId], lib/query-keys.ts),
// so that invalidating the case refreshes its file as well.
export const caseFileQueries = {
  file: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'file'] as const,
      queryFn: ({ signal }) => fetchCaseFile(caseId, signal),
    }),
};
