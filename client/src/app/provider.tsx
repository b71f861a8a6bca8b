import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { Button, Center, MantineProvider, Stack, Text } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { AppErrorBoundary } from '@/components/ui/app-error-boundary';
import { i18n } from '@/lib/i18n';
import notificationClasses from './notifications.module.css';
import { cssVariablesResolver, theme } from './theme';

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
        <Notifications position="top-right" classNames={{ root: notificationClasses.root }} />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AppErrorBoundary>
    </MantineProvider>
  </I18nextProvider>
);
