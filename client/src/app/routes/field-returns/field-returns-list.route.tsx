import { Stack, Text } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { canSeeFieldReturns, FieldReturnList, fieldReturnQueries } from '@/features/field-returns';
import { requireRole } from '@/lib/auth';

export const fieldReturnsListLoader = (queryClient: QueryClient) => async () => {
  await requireRole(queryClient, canSeeFieldReturns);
  // Not awaited: on a slow connection the page shows at once, with placeholders while the list loads.
  void queryClient.prefetchQuery(fieldReturnQueries.list());
  return null;
};

export const FieldReturnsListRoute = () => {
  const { t } = useTranslation();
  return (
    <Stack maw={960}>
      <PageTitle documentTitle={t('fieldReturns.list.title')}>{t('fieldReturns.list.title')}</PageTitle>
      <Text>{t('fieldReturns.list.intro')}</Text>
      <FieldReturnList />
    </Stack>
  );
};
