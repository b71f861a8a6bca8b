import { CaseDetailSchema, type CaseDetail, type CaseState } from '@app/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKey } from '@/lib/query-keys';
import { caseQueries } from './case-queries';

export type FireTransitionInput = {
  caseId: string;
  // The version the user was looking at: the server refuses the move (412) if the case changed since.
  version: number;
  to: CaseState;
  reason?: string | undefined;
};

export const fireTransition = ({ caseId, version, to, reason }: FireTransitionInput): Promise<CaseDetail> =>
  api.post(`/cases/${encodeURIComponent(caseId)}/transitions`, reason === undefined ? { to } : { to, reason }, CaseDetailSchema, {
    headers: { 'If-Match': String(version) },
  });

export const useFireTransition = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fireTransition,
    onSuccess: async (updated) => {
      queryClient.setQueryData(caseQueries.detail(updated.id).queryKey, updated);
      // The case itself is fresh; what hangs below it (file, tracing…) and the lists are not.
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: caseKey(updated.id),
          predicate: (query) => query.queryKey.length > caseKey(updated.id).length,
        }),
        queryClient.invalidateQueries({ queryKey: caseQueries.lists() }),
      ]);
    },
  });
};
