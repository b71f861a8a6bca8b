import type { QueryClient } from '@tanstack/react-query';
import { redirect } from 'react-router';
import { dashboardQueries } from '@/features/dashboard/api/dashboard-queries';
import { Dashboard } from '@/features/dashboard/components/dashboard';
import { hasDashboard } from '@/features/dashboard/utils/dashboard-access';
import { RoleHome } from '@/features/home/components/role-home';
import { homePathFor, requireUser, useCurrentUser } from '@/lib/auth';

// "/" is the dashboard of caseworkers and supervisors; it sends admins to administration and the
// other case roles to their cases; the remaining roles stay on their welcome page.
export const homeLoader = (queryClient: QueryClient) => async () => {
  const user = await requireUser(queryClient);
  if (hasDashboard(user.role)) {
    await queryClient.ensureQueryData(dashboardQueries.dashboard());
    return null;
  }
  const target = homePathFor(user.role);
  return target ? redirect(target) : null;
};

export const HomeRoute = () => {
  const user = useCurrentUser();
  return hasDashboard(user.role) ? <Dashboard user={user} /> : <RoleHome user={user} />;
};
