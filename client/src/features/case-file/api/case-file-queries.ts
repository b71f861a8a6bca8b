import { queryOptions } from '@tanstack/react-query';
import { fetchCaseFile } from './fetch-case-file';

// Keys hang under the case's own key (['cases', caseId], see features/cases/api/case-queries.ts),
// so that invalidating the case refreshes its file as well.
export const caseFileQueries = {
  byCase: (caseId: string) => ['cases', caseId] as const,
  file: (caseId: string) =>
    queryOptions({
      queryKey: [...caseFileQueries.byCase(caseId), 'file'] as const,
      queryFn: ({ signal }) => fetchCaseFile(caseId, signal),
    }),
};
