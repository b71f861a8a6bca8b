import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchCourtAccess, fetchCourtFile, fetchPortalCase, fetchReturnFile } from './return-api';

// Everything hangs under the case's key (['cases', caseId], features/cases/api/case-queries.ts):
// a step recorded here can meet a guard or move the case, so the whole case is read again (its
// state and next steps, its return file, court file, documents, reports and timeline).
export const returnQueries = {
  byCase: (caseId: string) => ['cases', caseId] as const,
  file: (caseId: string) =>
    queryOptions({
      queryKey: [...returnQueries.byCase(caseId), 'return'] as const,
      queryFn: ({ signal }) => fetchReturnFile(caseId, signal),
    }),
  court: (caseId: string) =>
    queryOptions({
      queryKey: [...returnQueries.byCase(caseId), 'court'] as const,
      queryFn: ({ signal }) => fetchCourtFile(caseId, signal),
    }),
  courtAccess: (caseId: string) =>
    queryOptions({
      queryKey: [...returnQueries.byCase(caseId), 'court-access'] as const,
      queryFn: ({ signal }) => fetchCourtAccess(caseId, signal),
    }),
  // The guardian's view of the case (their consents and the minor's request); the same key as the
  // portal's own page (features/portal), so the two share one read.
  portal: (caseId: string) =>
    queryOptions({
      queryKey: [...returnQueries.byCase(caseId), 'portal'] as const,
      queryFn: ({ signal }) => fetchPortalCase(caseId, signal),
    }),
};

export const useReturnMutation = <TInput, TResult>(caseId: string, mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: returnQueries.byCase(caseId) }),
        // Hearings, visits and concerns are deadlines on the dashboard.
        queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
      ]),
  });
};
