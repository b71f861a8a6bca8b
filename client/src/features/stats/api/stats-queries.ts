import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchStats, type StatsFilters } from './stats-api';

export const statsQueries = {
  all: () => ['stats'] as const,
  report: (filters: StatsFilters) =>
    queryOptions({
      queryKey: [...statsQueries.all(), filters] as const,
      queryFn: ({ signal }) => fetchStats(filters, signal),
      // The previous figures stay on screen (marked as updating) while new filters load.
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),
};
