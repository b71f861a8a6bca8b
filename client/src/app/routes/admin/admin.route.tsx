import { Tabs } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { adminQueries, OrganisationsSection, UsersSection } from '@/features/admin';
import { canAdminister, requireRole, useCurrentUser } from '@/lib/auth';

export const adminLoader = (queryClient: QueryClient) => async () => {
  await requireRole(queryClient, canAdminister);
  await Promise.all([
    queryClient.ensureQueryData(adminQueries.organisations()),
    queryClient.ensureInfiniteQueryData(adminQueries.users({})),
  ]);
  return null;
};

export const AdminRoute = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageTitle documentTitle={t('admin.title')}>{t('admin.title')}</PageTitle>
      <Tabs defaultValue="users">
        <Tabs.List mb="md">
          <Tabs.Tab value="users">{t('admin.tabs.users')}</Tabs.Tab>
          <Tabs.Tab value="organisations">{t('admin.tabs.organisations')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersSection currentUserId={user.id} />
        </Tabs.Panel>
        <Tabs.Panel value="organisations">
          <OrganisationsSection />
        </Tabs.Panel>
      </Tabs>
    </>
  );
};
