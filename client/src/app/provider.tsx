import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { Button, Center, MantineProvider, Stack, Text } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { AppErrorBoundary } from '@/components/ui/app-error-boundary';
import { lazyNamed } from '@/components/ui/lazy-named';
import { i18n } from '@/lib/i18n';
import { cssVariablesResolver, theme } from './theme';

// The toasts' container (transitions, drag to dismiss) is fetched alongside the first page rather
// than in the first download: the notifications store is separate, so a toast shown before the
// container is there appears as soon as it mounts.
const NotificationsContainer = lazyNamed(() => import('./notifications-container').then((m) => m.NotificationsContainer));

const FatalError = () => {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md">
      <Stack align="center">
        <h1>{t('errorPage.title')}</h1>
        <Text>{t('errors.UNKNOWN')}</Text>
        <Button onClick={() => window.location.reload()}>{t('errorPage.reload')}</Button>
      </Stack>
    </Center>
  );
};

type AppProviderProps = {
  queryClient: QueryClient;
  children: ReactNode;
  // 'test' turns off Mantine transitions and portals.
  env?: 'default' | 'test';
};

export const AppProvider = ({ queryClient, children, env = 'default' }: AppProviderProps) => (
  <I18nextProvider i18n={i18n}>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light" env={env}>
      <AppErrorBoundary fallback={<FatalError />}>
        <Suspense fallback={null}>
          <NotificationsContainer />
        </Suspense>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AppErrorBoundary>
    </MantineProvider>
  </I18nextProvider>
);
