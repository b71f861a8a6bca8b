import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminQueries } from './admin-queries';

export const deactivateUser = (userId: string): Promise<void> =>
  api.postNoContent(`/admin/users/${encodeURIComponent(userId)}/deactivate`);

export const useDeactivateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueries.userLists() }),
  });
};
