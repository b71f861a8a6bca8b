import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchCourtFile, fetchPortalCase } from './portal-api';

// Under the case's key (['cases', caseId]): every change refreshes the case (its state, next steps
// and timeline) together with the portal page.
export const portalQueries = {
  byCase: (caseId: string) => ['cases', caseId] as const,
  case: (caseId: string) =>
    queryOptions({
      queryKey: [...portalQueries.byCase(caseId), 'portal'] as const,
      queryFn: ({ signal }) => fetchPortalCase(caseId, signal),
    }),
  courtFile: (caseId: string) =>
    queryOptions({
      queryKey: [...portalQueries.byCase(caseId), 'court'] as const,
      queryFn: ({ signal }) => fetchCourtFile(caseId, signal),
    }),
};

export const usePortalMutation = <TInput, TResult>(caseId: string, mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: portalQueries.byCase(caseId) }), queryClient.invalidateQueries({ queryKey: ['inbox'] })]),
  });
};
