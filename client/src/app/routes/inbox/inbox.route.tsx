import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { InboxPage, inboxQueries, inboxStatusFrom } from '@/features/inbox';
import { canReadInbox, canSeeCases, requireRole, useCurrentUser } from '@/lib/auth';

export const inboxLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, canReadInbox);
    // Not awaited: the page shows at once, with placeholders while the list loads.
    void queryClient.prefetchInfiniteQuery(inboxQueries.list({ status: inboxStatusFrom(new URL(request.url).searchParams) }));
    return null;
  };

// The ministry reads its reports here without case files; the others can open the case too.
export const InboxRoute = () => {
  const user = useCurrentUser();
  return <InboxPage caseLinks={canSeeCases(user.role)} />;
};
