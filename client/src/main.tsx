import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProvider } from '@/app/provider';
import { connectSessionExpiry, createAppRouter } from '@/app/router';
import { i18nReady } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
connectSessionExpiry(router, queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

// English is fetched on demand (lib/i18n.ts): wait for the starting language before the first
// paint. A failed download still renders, in Italian (the fallback).
void i18nReady
  .catch(() => undefined)
  .then(() =>
    createRoot(container).render(
      <StrictMode>
        <AppProvider queryClient={queryClient}>
          <RouterProvider router={router} />
        </AppProvider>
      </StrictMode>,
    ),
  );
