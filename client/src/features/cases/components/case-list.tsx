import type { CaseSummary } from '@app/contracts';
import { Alert, Anchor, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/error-message';
import { formatCountry, formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { caseQueries, type CaseListFilters } from '../api/case-queries';
import { ageInYears } from '../utils/minor-age';
import { CaseStateBadge } from './case-state-badge';

const CaseRow = ({ caseSummary }: { caseSummary: CaseSummary }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { minor } = caseSummary;
  return (
    <Table.Tr data-testid="case-row">
      <Table.Td>
        <Anchor component={Link} to={paths.caseDetail(caseSummary.id)} fw={500}>
          {caseSummary.caseNumber}
        </Anchor>
      </Table.Td>
      <Table.Td>
        {minor.firstName} {minor.lastName}
      </Table.Td>
      <Table.Td>{formatCountry(minor.nationality, locale)}</Table.Td>
      <Table.Td>
        {minor.dateOfBirth ? t('cases.ageYears', { count: ageInYears(minor.dateOfBirth) }) : t('cases.ageUnknown')}
      </Table.Td>
      <Table.Td>
        <CaseStateBadge state={caseSummary.state} />
      </Table.Td>
      <Table.Td>{formatInstantDate(caseSummary.updatedAt, locale)}</Table.Td>
    </Table.Tr>
  );
};

type CaseListProps = { filters: CaseListFilters; busy?: boolean };

export const CaseList = ({ filters, busy = false }: CaseListProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError, error } =
    useSuspenseInfiniteQuery(caseQueries.list(filters));
  const cases = data.pages.flatMap((page) => page.items);

  if (cases.length === 0) {
    return (
      <Text c="dimmed" py="xl" role="status">
        {filters.state ? t('cases.emptyFiltered') : t('cases.empty')}
      </Text>
    );
  }

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={busy || undefined}>
          <Table.Caption>
            <VisuallyHidden>{t('cases.tableCaption')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cases.columns.caseNumber')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.minor')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.nationality')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.age')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.state')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.updatedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.map((caseSummary) => (
              <CaseRow key={caseSummary.id} caseSummary={caseSummary} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {isFetchNextPageError && (
        <Alert color="red" mt="md">
          {errorMessage(error)}
        </Alert>
      )}
      <Group justify="space-between" mt="md">
        <Text size="sm" c="dimmed" role="status">
          {t('cases.shown', { count: cases.length })}
        </Text>
        {hasNextPage && (
          <Button variant="default" onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
            {t('cases.loadMore')}
          </Button>
        )}
      </Group>
    </>
  );
};
