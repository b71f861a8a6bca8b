import type { CaseSummary } from '@app/contracts';
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/error-message';
import { formatCalendarDate, formatCountry, formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { caseQueries, type CaseListFilters } from '../api/case-queries';
import { hasCaseListFilters } from '../utils/case-list-filters';
import { eighteenthBirthday } from '../utils/eighteenth-birthday';
import { ageInYears, daysUntilEighteen } from '../utils/minor-age';
import { CaseStateBadge } from './case-state-badge';

const AgeCell = ({ dateOfBirth }: { dateOfBirth: string | null }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!dateOfBirth) return <Text size="sm">{t('cases.ageUnknown')}</Text>;
  const daysLeft = daysUntilEighteen(dateOfBirth);
  return (
    <Stack gap={0}>
      <Text size="sm">{t('cases.ageYears', { count: ageInYears(dateOfBirth) })}</Text>
      <Text size="xs" c="dimmed">
        {daysLeft === null
          ? t('cases.adult')
          : t('cases.turns18On', { date: formatCalendarDate(eighteenthBirthday(dateOfBirth), locale) })}
      </Text>
    </Stack>
  );
};

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
      <Table.Td>
        <AgeCell dateOfBirth={minor.dateOfBirth} />
      </Table.Td>
      <Table.Td>{formatCountry(minor.nationality, locale)}</Table.Td>
      <Table.Td>
        <CaseStateBadge state={caseSummary.state} />
      </Table.Td>
      <Table.Td>{caseSummary.assignedCaseworker?.name ?? t('common.notAvailable')}</Table.Td>
      <Table.Td>{caseSummary.requestingAuthority?.name ?? t('common.notAvailable')}</Table.Td>
      <Table.Td>
        {caseSummary.overdue ? (
          <Badge color="red" variant="light" tt="none" radius="sm" data-testid="case-overdue">
            {t('cases.overdue')}
          </Badge>
        ) : (
          <VisuallyHidden>{t('cases.notOverdue')}</VisuallyHidden>
        )}
      </Table.Td>
      <Table.Td>{formatInstantDate(caseSummary.updatedAt, locale)}</Table.Td>
    </Table.Tr>
  );
};

type CaseListProps = {
  filters: CaseListFilters;
  // A name to search for (at least two characters), sent in a POST body; undefined lists by filters.
  name?: string | undefined;
  busy?: boolean;
  onClearFilters: () => void;
};

export const CaseList = ({ filters, name, busy = false, onClearFilters }: CaseListProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const searching = name !== undefined;
  // The route's loader has the filtered list ready; a name search loads here, keeping the
  // previous rows on screen (marked busy) while it runs.
  const listQuery = useInfiniteQuery({ ...caseQueries.list(filters), enabled: !searching, placeholderData: keepPreviousData });
  const searchQuery = useInfiniteQuery({
    ...caseQueries.search(filters, name ?? ''),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const query = searching ? searchQuery : listQuery;
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError, error } = query;

  if (!data) {
    if (query.isError) {
      return (
        <Alert color="red" title={t('cases.loadFailed')}>
          <Stack align="flex-start">
            <Text size="sm">{errorMessage(error)}</Text>
            <Button variant="default" size="xs" onClick={() => void query.refetch()}>
              {t('errorPage.retry')}
            </Button>
          </Stack>
        </Alert>
      );
    }
    return (
      <Center py="xl" role="status">
        <Loader size="sm" />
        <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
      </Center>
    );
  }

  const cases = data.pages.flatMap((page) => page.items);
  const refining = busy || query.isPlaceholderData;

  if (cases.length === 0) {
    const filtered = searching || hasCaseListFilters(filters);
    return (
      <Stack align="flex-start" py="xl" gap="sm" role="status" aria-busy={refining || undefined}>
        <Text c="dimmed">{filtered ? t('cases.emptyFiltered') : t('cases.empty')}</Text>
        {filtered && (
          <Button variant="default" onClick={onClearFilters}>
            {t('cases.clearFilters')}
          </Button>
        )}
      </Stack>
    );
  }

  return (
    <>
      <Table.ScrollContainer minWidth={1100}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={refining || undefined}>
          <Table.Caption>
            <VisuallyHidden>{t('cases.tableCaption')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cases.columns.caseNumber')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.minor')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.age')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.nationality')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.state')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.caseworker')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.requestingAuthority')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.overdue')}</Table.Th>
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
