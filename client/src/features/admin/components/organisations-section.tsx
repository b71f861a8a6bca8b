import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatCountry, formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { adminQueries } from '../api/admin-queries';
import { OrganisationForm } from './organisation-form';

export const OrganisationsSection = () => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: organisations } = useSuspenseQuery(adminQueries.organisations());

  return (
    <Stack gap="lg">
      <section aria-labelledby="organisations-heading">
        <Title order={2} size="h3" mb="sm" id="organisations-heading">
          {t('admin.organisations.heading')}
        </Title>
        {organisations.length === 0 ? (
          <Text c="dimmed">{t('admin.organisations.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.organisations.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('admin.organisations.columns.type')}</Table.Th>
                  <Table.Th scope="col">{t('admin.organisations.columns.place')}</Table.Th>
                  <Table.Th scope="col">{t('admin.organisations.columns.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {organisations.map((organisation) => (
                  <Table.Tr key={organisation.id}>
                    <Table.Td>{organisation.name}</Table.Td>
                    <Table.Td>{t(`organisationTypes.${organisation.type}`)}</Table.Td>
                    <Table.Td>
                      {[
                        organisation.municipality,
                        organisation.district,
                        organisation.country && formatCountry(organisation.country, locale),
                      ]
                        .filter(Boolean)
                        .join(', ') || t('common.notAvailable')}
                    </Table.Td>
                    <Table.Td>{formatInstantDate(organisation.createdAt, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
      <Card withBorder padding="lg">
        <OrganisationForm />
      </Card>
    </Stack>
  );
};
