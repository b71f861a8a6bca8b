import type { QueryClient } from '@tanstack/react-query';
import { redirect } from 'react-router';
import { RoleHome } from '@/features/home/components/role-home';
import { homePathFor, requireUser, useCurrentUser } from '@/lib/auth';

// "/" sends admins to administration and case roles to their cases; the others stay here.
export const homeLoader = (queryClient: QueryClient) => async () => {
  const user = await requireUser(queryClient);
  const target = homePathFor(user.role);
  return target ? redirect(target) : null;
};

export const HomeRoute = () => <RoleHome user={useCurrentUser()} />;
