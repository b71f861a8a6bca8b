import type { FieldReturnSummary } from '@app/contracts';
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList } from '@/components/ui/detail-list';
import { EmptyState, SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { paths } from '@/config/paths';
import { appToday } from '@/lib/clock';
import { formatCalendarDate, formatCountry, formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { fieldReturnQueries } from '../api/field-returns-queries';

export const minorName = (minor: FieldReturnSummary['minor']): string => `${minor.firstName} ${minor.lastName}`;

const ReturnRow = ({ item, today }: { item: FieldReturnSummary; today: string }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const late = item.nextVisitOn !== null && item.nextVisitOn < today;
  const notYet = t('fieldReturns.list.notYet');
  return (
    <Card component="li" withBorder padding="md" data-testid="field-return-row">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Anchor component={Link} to={paths.fieldReturn(item.caseId)} fw={600} size="lg">
              {minorName(item.minor)}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('fieldReturns.caseNumber', { number: item.caseNumber })}
            </Text>
          </div>
          <Badge variant="light" tt="none">
            {t(`states.${item.state}`)}
          </Badge>
        </Group>
        <DetailList
          items={[
            { label: t('fieldReturns.fields.nationality'), value: formatCountry(item.minor.nationality, locale) },
            { label: t('fieldReturns.fields.travelDate'), value: item.plannedDeparture ? formatInstantDate(item.plannedDeparture, locale) : notYet },
            { label: t('fieldReturns.fields.handedOverAt'), value: item.handedOverAt ? formatInstantDate(item.handedOverAt, locale) : notYet },
            {
              label: t('fieldReturns.fields.nextVisit'),
              value: item.nextVisitOn ? (
                <>
                  {formatCalendarDate(item.nextVisitOn, locale)}
                  {late && (
                    <Badge color="red" variant="filled" tt="none" ml="xs" data-testid="next-visit-overdue">
                      {t('return.monitoring.statuses.OVERDUE')}
                    </Badge>
                  )}
                </>
              ) : (
                t('fieldReturns.list.noVisit')
              ),
            },
          ]}
        />
      </Stack>
    </Card>
  );
};

// The minors returning or returned to the officer's mission, latest departure first.
export const FieldReturnList = () => {
  const { t } = useTranslation();
  const query = useQuery(fieldReturnQueries.list());
  if (query.isPending) return <SectionSkeleton rows={3} rowHeight={32} testId="field-returns-loading" />;
  if (query.isError)
    return (
      <SectionError
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
        titleKey="tracing.load.failed"
        retryKey="tracing.load.retry"
        testId="tracing-load-error"
      />
    );
  const { items } = query.data;
  if (items.length === 0) return <EmptyState testId="field-returns-empty">{t('fieldReturns.list.empty')}</EmptyState>;
  const today = appToday();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" role="status">
        {t('fieldReturns.list.shown', { count: items.length })}
      </Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('fieldReturns.list.label')}>
        {items.map((item) => (
          <ReturnRow key={item.caseId} item={item} today={today} />
        ))}
      </Stack>
    </Stack>
  );
};
