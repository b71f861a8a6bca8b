import type { QueryClient } from '@tanstack/react-query';
import { redirect } from 'react-router';
import { Dashboard, dashboardQueries, hasDashboard } from '@/features/dashboard';
import { homePathFor, requireUser, useCurrentUser } from '@/lib/auth';
import { NotFoundContent } from './route-error';

// "/" is the dashboard of caseworkers and supervisors; every other role has its own area
// (homePathFor) and is sent there.
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
  // Only reached by a role without a home of its own, which no role is today.
  return hasDashboard(user.role) ? <Dashboard user={user} /> : <NotFoundContent />;
};
