import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKey } from '@/lib/query-keys';

// Every change to the file can change the case too (a consent meets a guard, a withdrawal closes
// the case), so the whole case is refreshed: its detail, its transitions and its file.
export const useCaseFileMutation = <TInput, TResult>(caseId: string, mutationFn: (input: TInput) => Promise<TResult>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
};
