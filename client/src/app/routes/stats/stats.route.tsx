import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { statsFiltersFrom, StatsPage, statsQueries } from '@/features/stats';
import { canSeeStats, requireRole } from '@/lib/auth';

export const statsLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, canSeeStats);
    // Not awaited: the page and its filters show at once, the figures as soon as they arrive.
    void queryClient.prefetchQuery(statsQueries.report(statsFiltersFrom(new URL(request.url).searchParams)));
    return null;
  };

export const StatsRoute = () => <StatsPage />;
