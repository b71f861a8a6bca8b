import { TracingStatusSchema } from '@app/contracts';
import { NativeSelect, Stack, Text } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { canWorkInTheField, FieldRequestList, type TracingListFilters, tracingQueries } from '@/features/tracing';
import { requireRole } from '@/lib/auth';

// The status filter lives in the URL (it is not personal data), so it survives reloads and links.
const filtersFrom = (params: URLSearchParams): TracingListFilters => {
  const status = TracingStatusSchema.safeParse(params.get('status'));
  return status.success ? { status: status.data } : {};
};

export const tracingListLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, canWorkInTheField);
    // Not awaited: on a slow connection the page shows at once, with placeholders while the list loads.
    void queryClient.prefetchInfiniteQuery(tracingQueries.list(filtersFrom(new URL(request.url).searchParams)));
    return null;
  };

export const TracingListRoute = () => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  return (
    <Stack maw={960}>
      <PageTitle documentTitle={t('tracing.list.title')}>{t('tracing.list.title')}</PageTitle>
      <Text>{t('tracing.list.intro')}</Text>
      <NativeSelect
        label={t('tracing.list.filterStatus')}
        w={{ base: '100%', sm: 320 }}
        value={filters.status ?? ''}
        onChange={(event) => {
          const status = TracingStatusSchema.safeParse(event.currentTarget.value);
          setSearchParams(status.success ? { status: status.data } : {});
        }}
        data={[
          { value: '', label: t('tracing.list.allStatuses') },
          ...TracingStatusSchema.options.map((status) => ({ value: status, label: t(`tracing.status.${status}`) })),
        ]}
      />
      <FieldRequestList filters={filters} />
    </Stack>
  );
};
