import { IOM_STAFF_ROLES, type Role } from '@app/contracts';
import { Button, Group, Loader, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigation, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import {
  CaseFilters,
  CaseList,
  type CaseListFilters,
  caseListSearchParams,
  caseQueries,
  hasCaseListFilters,
  NAME_SEARCH_MIN_LENGTH,
  parseCaseListFilters,
  searchableName,
} from '@/features/cases';
import { canSeeCases, requireRole, useCurrentUser } from '@/lib/auth';

const isStaff = (role: Role): boolean => (IOM_STAFF_ROLES as readonly Role[]).includes(role);

// The filters live in the URL (they are codes and ids, not personal data), so they survive
// reloads and links; the loader has the filtered first page ready.
export const casesListLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, canSeeCases);
    await queryClient.ensureInfiniteQueryData(caseQueries.list(parseCaseListFilters(new URL(request.url).searchParams)));
    return null;
  };

const NAME_SEARCH_DELAY_MS = 350;

export const CasesListRoute = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const filters = parseCaseListFilters(searchParams);
  // While the next list loads, the filters already show the user's choice.
  const pending = navigation.location ? parseCaseListFilters(new URLSearchParams(navigation.location.search)) : filters;
  const loading = navigation.state === 'loading';
  // The name stays in this page's memory and goes to the server in a POST body, never in the URL.
  const [name, setName] = useState('');
  const [debouncedName] = useDebouncedValue(name, NAME_SEARCH_DELAY_MS);
  const staff = isStaff(user.role);

  const applyFilters = (next: CaseListFilters) => setSearchParams(caseListSearchParams(next));
  const clearAll = () => {
    setName('');
    if (hasCaseListFilters(filters)) setSearchParams(new URLSearchParams());
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle documentTitle={t('cases.title')}>{t('cases.title')}</PageTitle>
        {staff && (
          <Button component={Link} to={paths.caseNew()} data-testid="new-case">
            {t('cases.newCase')}
          </Button>
        )}
      </Group>
      <form role="search" aria-label={t('cases.searchLabel')} onSubmit={(event) => event.preventDefault()}>
        <TextInput
          type="search"
          label={t('cases.searchLabel')}
          description={t('cases.searchHint', { minimum: NAME_SEARCH_MIN_LENGTH })}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          autoComplete="off"
          data-testid="case-search"
          w={{ base: '100%', sm: 420 }}
        />
      </form>
      <Group align="flex-end" gap="sm">
        <CaseFilters value={pending} onChange={applyFilters} staff={staff} />
        {loading && <Loader size="sm" mb={8} aria-hidden />}
      </Group>
      <CaseList filters={filters} name={searchableName(debouncedName)} busy={loading} onClearFilters={clearAll} />
    </Stack>
  );
};
