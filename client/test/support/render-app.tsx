import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { connectSessionExpiry, createAppRoutes } from '@/app/router';
import { createQueryClient } from '@/lib/query-client';

// Renders the real route tree (lazy routes, loaders, layout) at `path`, as the browser would.
export const renderApp = (path: string) => {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createAppRoutes(queryClient), { initialEntries: [path] });
  connectSessionExpiry(router, queryClient);
  const view = render(
    <AppProvider queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, router, queryClient };
};
