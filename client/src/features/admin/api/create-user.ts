import { UserSchema, type CreateUserInput, type User } from '@app/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminQueries } from './admin-queries';

export const createUser = (input: CreateUserInput): Promise<User> => api.post('/admin/users', input, UserSchema);

export const useCreateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueries.userLists() }),
  });
};
