import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKey } from '@/lib/query-keys';
import { fetchCourtFile, fetchPortalCase } from './portal-api';

// Under the case's key (['cases', caseId]): every change refreshes the case (its state, next steps
// and timeline) together with the portal page.
export const portalQueries = {
  case: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'portal'] as const,
      queryFn: ({ signal }) => fetchPortalCase(caseId, signal),
    }),
  courtFile: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'court'] as const,
      queryFn: ({ signal }) => fetchCourtFile(caseId, signal),
    }),
};

export const usePortalMutation = <TInput, TResult>(caseId: string, mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: caseKey(caseId) }), queryClient.invalidateQueries({ queryKey: ['inbox'] })]),
  });
};
