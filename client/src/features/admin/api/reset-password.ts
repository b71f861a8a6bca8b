import type { ResetPasswordInput } from '@app/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type ResetPasswordVariables = { userId: string } & ResetPasswordInput;

export const resetPassword = ({ userId, password }: ResetPasswordVariables): Promise<void> =>
  api.postNoContent(`/admin/users/${encodeURIComponent(userId)}/password`, { password });

export const useResetPassword = () => useMutation({ mutationFn: resetPassword });
