import { CaseStateSchema } from '@app/contracts';
import { Group, Loader, Stack } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigation, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { caseQueries, type CaseListFilters } from '@/features/cases/api/case-queries';
import { CaseList } from '@/features/cases/components/case-list';
import { CaseStateFilter } from '@/features/cases/components/case-state-filter';
import { canSeeCases, requireRole } from '@/lib/auth';

// The state filter lives in the URL (it is not personal data), so it survives reloads and links.
const filtersFrom = (params: URLSearchParams): CaseListFilters => {
  const state = CaseStateSchema.safeParse(params.get('state'));
  return state.success ? { state: state.data } : {};
};

export const casesListLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, canSeeCases);
    await queryClient.ensureInfiniteQueryData(caseQueries.list(filtersFrom(new URL(request.url).searchParams)));
    return null;
  };

export const CasesListRoute = () => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const filters = filtersFrom(searchParams);
  // While the next list loads, the filter already shows the user's choice.
  const pending = navigation.location ? filtersFrom(new URLSearchParams(navigation.location.search)) : filters;
  const loading = navigation.state === 'loading';

  return (
    <Stack>
      <PageTitle documentTitle={t('cases.title')}>{t('cases.title')}</PageTitle>
      <Group align="flex-end">
        <CaseStateFilter
          value={pending.state}
          onChange={(state) => setSearchParams(state ? { state } : {})}
        />
        {loading && <Loader size="sm" mb={8} aria-hidden />}
      </Group>
      <CaseList filters={filters} busy={loading} />
    </Stack>
  );
};
