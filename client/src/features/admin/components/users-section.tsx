import type { User } from '@app/contracts';
import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/error-message';
import { formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { adminQueries, type UserListFilters } from '../api/admin-queries';
import { DeactivateUserModal } from './deactivate-user-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { UserForm } from './user-form';

type UsersSectionProps = { currentUserId: string };

export const UsersSection = ({ currentUserId }: UsersSectionProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const [filters, setFilters] = useState<UserListFilters>({});
  // A transition keeps the current list on screen while the filtered one loads.
  const [filtering, startFiltering] = useTransition();
  const [resetting, setResetting] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const { data: organisations } = useSuspenseQuery(adminQueries.organisations());
  const usersQuery = useSuspenseInfiniteQuery(adminQueries.users(filters));
  const users = usersQuery.data.pages.flatMap((page) => page.items);

  return (
    <Stack gap="lg">
      <section aria-labelledby="users-heading">
        <Title order={2} size="h3" mb="sm" id="users-heading">
          {t('admin.users.heading')}
        </Title>
        <Select
          label={t('admin.users.filterOrganisation')}
          placeholder={t('admin.users.allOrganisations')}
          data={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          value={filters.organisationId ?? null}
          onChange={(value) => startFiltering(() => setFilters(value ? { organisationId: value } : {}))}
          clearable
          searchable
          w={{ base: '100%', sm: 360 }}
          mb="md"
        />
        {users.length === 0 ? (
          <Text c="dimmed" role="status">
            {t('admin.users.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing="xs" aria-busy={filtering || undefined}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.users.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.columns.email')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.columns.role')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.columns.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.columns.createdAt')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((user) => {
                  const isSelf = user.id === currentUserId;
                  return (
                    <Table.Tr key={user.id} data-testid="user-row">
                      <Table.Td>
                        {user.displayName} {isSelf && t('admin.users.you')}
                      </Table.Td>
                      <Table.Td>{user.email}</Table.Td>
                      <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                      <Table.Td>{user.organisationName}</Table.Td>
                      <Table.Td miw={110}>
                        <Badge
                          variant="light"
                          color={user.active ? 'green' : 'gray'}
                          tt="none"
                          styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                        >
                          {user.active ? t('common.active') : t('common.inactive')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatInstantDate(user.createdAt, locale)}</Table.Td>
                      <Table.Td>
                        {user.active && (
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="compact-sm"
                              variant="default"
                              aria-label={t('admin.users.resetPasswordOf', { name: user.displayName })}
                              onClick={() => setResetting(user)}
                            >
                              {t('admin.users.resetPassword')}
                            </Button>
                            {!isSelf && (
                              <Button
                                size="compact-sm"
                                variant="light"
                                color="red"
                                aria-label={t('admin.users.deactivateUser', { name: user.displayName })}
                                onClick={() => setDeactivating(user)}
                              >
                                {t('admin.users.deactivate')}
                              </Button>
                            )}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {usersQuery.isFetchNextPageError && (
          <Alert color="red" mt="md">
            {errorMessage(usersQuery.error)}
          </Alert>
        )}
        {usersQuery.hasNextPage && (
          <Button
            mt="md"
            variant="default"
            onClick={() => void usersQuery.fetchNextPage()}
            loading={usersQuery.isFetchingNextPage}
          >
            {t('admin.users.loadMore')}
          </Button>
        )}
      </section>
      <Card withBorder padding="lg">
        {organisations.length === 0 ? (
          <Text>{t('admin.users.needOrganisation')}</Text>
        ) : (
          <UserForm organisations={organisations} />
        )}
      </Card>
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <DeactivateUserModal user={deactivating} onClose={() => setDeactivating(null)} />
    </Stack>
  );
};
