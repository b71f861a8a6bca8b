import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { isApiError } from '@/lib/api-client';
import { useLocale } from '@/lib/i18n';
import { statsExportUrl, type StatsFilters } from '../api/stats-api';
import { statsQueries } from '../api/stats-queries';
import { statsFiltersFrom, statsSearchParams } from '../utils/stats-filters';
import { formatRange } from '../utils/stats-format';
import { StatsChartSection } from './stats-chart-section';
import { StatsFiltersForm } from './stats-filters-form';
import { StatsHeadline } from './stats-headline';
import { StatsTable } from './stats-table';

const DATE_ERRORS: Record<string, string> = {
  range_inverted: 'stats.filters.rangeInverted',
  too_long: 'stats.filters.tooLong',
};

// A 400 on the dates is shown on the date fields.
const dateErrors = (error: unknown): Partial<Record<'from' | 'to', string>> => {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return {};
  const out: Partial<Record<'from' | 'to', string>> = {};
  for (const field of error.details?.fields ?? []) {
    if (field.path === 'from' || field.path === 'to') out[field.path] = DATE_ERRORS[field.code] ?? 'validation.invalid';
  }
  return out;
};

// Why some figures are hidden, in plain words (domain §6, §8 rule 13).
const SuppressionNote = ({ minCellSize }: { minCellSize: number }) => {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" title={t('stats.suppressed.title')} data-testid="stats-suppression-note">
      <Stack gap={4}>
        <Text size="sm">{t('stats.suppressed.explanation', { min: minCellSize, below: minCellSize - 1 })}</Text>
        <Text size="sm">{t('stats.suppressed.secondary')}</Text>
        <Text size="sm">{t('stats.suppressed.csv')}</Text>
      </Stack>
    </Alert>
  );
};

// The unit's figures for supervisors and the ministry: counts only, no case, no name.
export const StatsPage = () => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = statsFiltersFrom(searchParams);
  const query = useQuery(statsQueries.report(filters));
  const report = query.data;
  const apply = (next: StatsFilters) => setSearchParams(statsSearchParams(next), { replace: true });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <PageTitle documentTitle={t('stats.title')}>{t('stats.title')}</PageTitle>
        <Button component="a" href={statsExportUrl(filters)} download variant="default" data-testid="stats-export">
          {t('stats.export.button')}
        </Button>
      </Group>
      <Text maw={880}>{t('stats.intro')}</Text>
      <StatsFiltersForm
        // A new key when the server's period arrives, so the date fields show it.
        key={report ? `${report.from}-${report.to}` : 'loading'}
        value={filters}
        shownFrom={report?.from}
        shownTo={report?.to}
        busy={query.isFetching}
        serverErrors={dateErrors(query.error)}
        onApply={apply}
      />
      {query.isError && !dateErrors(query.error).from && !dateErrors(query.error).to && (
        <SectionError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      )}
      {!report && query.isPending && <SectionSkeleton rows={6} />}
      {report && (
        <Stack gap="lg" aria-busy={query.isFetching} data-testid="stats-report">
          <Group gap="sm">
            <Text fw={600} data-testid="stats-range">
              {formatRange(report.from, report.to, locale, t)}
            </Text>
            <Text c="dimmed" size="sm">
              {t(`stats.breakdowns.${report.breakdown}`)}
            </Text>
            {query.isFetching && <Loader size="xs" aria-label={t('stats.updating')} />}
          </Group>
          <section aria-labelledby="stats-headline-heading">
            <Title order={2} size="h4" mb="sm" id="stats-headline-heading">
              {t('stats.headline')}
            </Title>
            <StatsHeadline total={report.total} />
          </section>
          <StatsChartSection report={report} />
          <Card withBorder padding="lg" component="section" aria-labelledby="stats-table-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="stats-table-heading">
                {t('stats.table.heading')}
              </Title>
              <StatsTable report={report} />
            </Stack>
          </Card>
          <SuppressionNote minCellSize={report.minCellSize} />
        </Stack>
      )}
    </Stack>
  );
};
