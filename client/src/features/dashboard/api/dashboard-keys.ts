// The dashboard's cache key on its own, for the features that invalidate it after a change: they
// need the key, not the dashboard's schemas (which would come with dashboard-queries.ts).
export const dashboardKeys = {
  all: () => ['dashboard'] as const,
};
