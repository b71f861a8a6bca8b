import { CurrentUserSchema, type CurrentUser, type LoginInput } from '@app/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authQueries } from '@/lib/auth';

export const login = (input: LoginInput): Promise<CurrentUser> =>
  api.post('/auth/login', input, CurrentUserSchema);

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      // Nothing cached for a previous user may survive a new sign-in.
      queryClient.clear();
      queryClient.setQueryData(authQueries.me().queryKey, user);
    },
  });
};
