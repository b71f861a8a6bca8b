import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { paths } from '@/config/paths';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { requireUser } from '@/lib/auth';
import { AppLayout } from './layout/app-layout';
import { RouteErrorBoundary } from './routes/route-error';

// Route modules are lazy, so the first download holds only the shell; errorElement is static on
// every route so that even a failed chunk download gets a friendly page.
export const createAppRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.login(),
    errorElement: <RouteErrorBoundary />,
    hydrateFallbackElement: <PageLoader />,
    lazy: () => import('./routes/login.route').then((m) => ({ Component: m.LoginRoute })),
  },
  {
    id: 'root',
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorBoundary />,
    hydrateFallbackElement: <PageLoader />,
    loader: async () => {
      await requireUser(queryClient);
      return null;
    },
    children: [
      {
        // Catches what a child's own boundary cannot render, keeping the header and navigation.
        errorElement: <RouteErrorBoundary />,
        children: [
          {
            index: true,
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/home.route').then((m) => ({ Component: m.HomeRoute, loader: m.homeLoader(queryClient) })),
          },
          {
            path: 'cases',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/cases/cases-list.route').then((m) => ({
                Component: m.CasesListRoute,
                loader: m.casesListLoader(queryClient),
              })),
          },
          {
            // Before cases/:caseId, so "new" is never taken for a case id.
            path: 'cases/new',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/cases/case-new.route').then((m) => ({
                Component: m.CaseNewRoute,
                loader: m.caseNewLoader(queryClient),
              })),
          },
          {
            path: 'cases/:caseId',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/cases/case-detail.route').then((m) => ({
                Component: m.CaseDetailRoute,
                loader: m.caseDetailLoader(queryClient),
              })),
          },
          {
            path: 'tracing-requests',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/tracing/tracing-list.route').then((m) => ({
                Component: m.TracingListRoute,
                loader: m.tracingListLoader(queryClient),
              })),
          },
          {
            path: 'tracing-requests/:tracingRequestId',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/tracing/tracing-request.route').then((m) => ({
                Component: m.TracingRequestRoute,
                loader: m.tracingRequestLoader(queryClient),
              })),
          },
          // Issue 4: the receiving mission's returned minors (field officers).
          {
            path: 'returns',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/field-returns/field-returns-list.route').then((m) => ({
                Component: m.FieldReturnsListRoute,
                loader: m.fieldReturnsListLoader(queryClient),
              })),
          },
          {
            path: 'returns/:caseId',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/field-returns/field-return.route').then((m) => ({
                Component: m.FieldReturnRoute,
                loader: m.fieldReturnLoader(queryClient),
              })),
          },
          {
            path: 'admin',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/admin/admin.route').then((m) => ({
                Component: m.AdminRoute,
                loader: m.adminLoader(queryClient),
              })),
          },
          // Issue 5: the recipients' inbox, the statistics, the DPO's oversight, the social
          // services' new family-tracing request.
          {
            path: 'inbox',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/inbox/inbox.route').then((m) => ({ Component: m.InboxRoute, loader: m.inboxLoader(queryClient) })),
          },
          {
            path: 'stats',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/stats/stats.route').then((m) => ({ Component: m.StatsRoute, loader: m.statsLoader(queryClient) })),
          },
          {
            path: 'dpo',
            errorElement: <RouteErrorBoundary />,
            lazy: () => import('./routes/dpo/dpo.route').then((m) => ({ Component: m.DpoRoute, loader: m.dpoLoader(queryClient) })),
          },
          {
            path: 'portal/tracing-requests/new',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/portal/tracing-request-new.route').then((m) => ({
                Component: m.TracingRequestNewRoute,
                loader: m.tracingRequestNewLoader(queryClient),
              })),
          },
          {
            // The supervisor's queue of requests sent by social services, and their assignment.
            path: 'intake/requests',
            errorElement: <RouteErrorBoundary />,
            lazy: () =>
              import('./routes/intake-requests/intake-requests.route').then((m) => ({
                Component: m.IntakeRequestsRoute,
                loader: m.intakeRequestsLoader(queryClient),
              })),
          },
          {
            path: '*',
            errorElement: <RouteErrorBoundary />,
            lazy: () => import('./routes/not-found.route').then((m) => ({ Component: m.NotFoundRoute })),
          },
        ],
      },
    ],
  },
];

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export const createAppRouter = (queryClient: QueryClient): AppRouter =>
  createBrowserRouter(createAppRoutes(queryClient));

// An expired session on any call: leave the signed-in pages, then drop everything cached.
export const connectSessionExpiry = (router: Pick<AppRouter, 'navigate'>, queryClient: QueryClient): void => {
  setUnauthorizedHandler(() => {
    void router.navigate(paths.login(), { replace: true }).then(() => queryClient.clear());
  });
};
