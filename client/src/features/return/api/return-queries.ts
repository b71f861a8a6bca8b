import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKey } from '@/lib/query-keys';
import { fetchCourtAccess, fetchCourtFile, fetchPortalCase, fetchReturnFile } from './return-api';

// Everything hangs under the case's key (caseKey(caseId) = ['cases', caseId], lib/query-keys.ts):
// a step recorded here can meet a guard or move the case, so the whole case is read again (its
// state and next steps, its return file, court file, documents, reports and timeline).
export const returnQueries = {
  file: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'return'] as const,
      queryFn: ({ signal }) => fetchReturnFile(caseId, signal),
    }),
  court: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'court'] as const,
      queryFn: ({ signal }) => fetchCourtFile(caseId, signal),
    }),
  courtAccess: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'court-access'] as const,
      queryFn: ({ signal }) => fetchCourtAccess(caseId, signal),
    }),
  // The guardian's view of the case (their consents and the minor's request); the same key as the
  // portal's own page (features/portal), so the two share one read.
  portal: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'portal'] as const,
      queryFn: ({ signal }) => fetchPortalCase(caseId, signal),
    }),
};

export const useReturnMutation = <TInput, TResult>(caseId: string, mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
        // Hearings, visits and concerns are deadlines on the dashboard.
        queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
      ]),
  });
};
