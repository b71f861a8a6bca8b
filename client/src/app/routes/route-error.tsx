import { Alert, Anchor, Button, Center, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useLocation, useNavigate, useNavigation, useRouteError } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { errorMessageKey } from '@/lib/error-message';

const isNotFound = (error: unknown): boolean =>
  (isRouteErrorResponse(error) && error.status === 404) || (isApiError(error) && error.code === 'NOT_FOUND');

// A lazy route chunk that no longer exists on the server: the app was redeployed meanwhile.
const isStaleChunk = (error: unknown): boolean =>
  error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);

export const NotFoundContent = () => {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <PageTitle documentTitle={t('errorPage.notFoundTitle')}>{t('errorPage.notFoundTitle')}</PageTitle>
      <Text>{t('errorPage.notFoundBody')}</Text>
      <Anchor component={Link} to={paths.home()}>
        {t('errorPage.home')}
      </Anchor>
    </Stack>
  );
};

// errorElement of every route: a friendly message, a retry, and a way back.
export const RouteErrorBoundary = () => {
  const { t } = useTranslation();
  const error = useRouteError();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();

  if (isNotFound(error)) return <Center p="md"><NotFoundContent /></Center>;

  const staleChunk = isStaleChunk(error);
  const retry = async () => {
    if (staleChunk) {
      window.location.reload();
      return;
    }
    // Failed queries must fetch again rather than replay their cached error.
    await queryClient.resetQueries({ predicate: (query) => query.state.status === 'error' });
    // Navigating to the same address reruns the loaders and, being a new location, also resets the
    // error boundary (a bare revalidation can leave it showing when the answer comes back quickly).
    await navigate(`${location.pathname}${location.search}`, { replace: true });
  };

  return (
    <Center p="md">
      <Stack align="flex-start" maw={640}>
        <PageTitle documentTitle={t('errorPage.title')}>{t('errorPage.title')}</PageTitle>
        <Alert color="red" w="100%">
          {staleChunk ? t('errorPage.newVersion') : t(errorMessageKey(error))}
        </Alert>
        <Group>
          <Button onClick={() => void retry()} loading={navigation.state === 'loading'}>
            {staleChunk ? t('errorPage.reload') : t('errorPage.retry')}
          </Button>
          <Anchor component={Link} to={paths.home()} reloadDocument>
            {t('errorPage.home')}
          </Anchor>
        </Group>
      </Stack>
    </Center>
  );
};
