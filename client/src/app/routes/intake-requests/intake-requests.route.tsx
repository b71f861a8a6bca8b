import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { intakeQueries } from '@/features/intake';
import {
  canAssignCases,
  incomingFilterFrom,
  incomingRequestQueries,
  IncomingRequestsNotAllowed,
  IncomingRequestsPage,
} from '@/features/intake-requests';
import { requireUser, useCurrentUser } from '@/lib/auth';

export const intakeRequestsLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const user = await requireUser(queryClient);
    // Other roles get a plain "not allowed" page, and nothing is asked of the server.
    if (!canAssignCases(user.role)) return null;
    // Not awaited: the page shows at once, with placeholders while the list loads.
    void queryClient.prefetchInfiniteQuery(incomingRequestQueries.list(incomingFilterFrom(new URL(request.url).searchParams)));
    void queryClient.prefetchQuery(intakeQueries.users('caseworker'));
    return null;
  };

export const IntakeRequestsRoute = () => {
  const user = useCurrentUser();
  return canAssignCases(user.role) ? <IncomingRequestsPage /> : <IncomingRequestsNotAllowed />;
};
