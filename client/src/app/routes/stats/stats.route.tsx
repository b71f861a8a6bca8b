import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { statsQueries } from '@/features/stats/api/stats-queries';
import { StatsPage } from '@/features/stats/components/stats-page';
import { statsFiltersFrom } from '@/features/stats/utils/stats-filters';
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
