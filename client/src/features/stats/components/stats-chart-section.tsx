import { STATS_MEASURES, type StatsMeasureKey, type StatsReport } from '@app/contracts';
import { Card, NativeSelect, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/lib/i18n';
import { groupLabel, measureKind } from '../utils/stats-format';
import { StatsBarChart, type StatsBar } from './stats-bar-chart';

// Without a breakdown: the totals of the request and outcome counts side by side.
const OVERVIEW: readonly StatsMeasureKey[] = [
  'requestsReceived',
  'requestsRejected',
  'requestsWithdrawn',
  'requestsCompleted',
  'outcomeLocated',
  'outcomeNotLocated',
  'outcomeFamilyRefused',
  'outcomeUnsafe',
  'courtReturnOrdered',
  'courtReturnRejected',
  'returnsCarriedOut',
];

// The chart: one measure across the groups, or the main counts when there is no breakdown.
export const StatsChartSection = ({ report }: { report: StatsReport }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [measure, setMeasure] = useState<StatsMeasureKey>('requestsReceived');
  const grouped = report.breakdown !== 'none' && report.rows.length > 0;

  const bars: StatsBar[] = grouped
    ? report.rows.map((row) => ({ key: row.group, label: groupLabel(report.breakdown, row.group, locale, t), cell: row.cells[measure] }))
    : OVERVIEW.map((key) => ({ key, label: t(`stats.measures.${key}`), cell: report.total[key] }));
  const title = grouped
    ? t('stats.chart.byGroup', { measure: t(`stats.measures.${measure}`), breakdown: t(`stats.breakdowns.${report.breakdown}`) })
    : t('stats.chart.overview');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="stats-chart-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="stats-chart-heading">
          {t('stats.chart.heading')}
        </Title>
        {grouped && (
          <NativeSelect
            label={t('stats.chart.measure')}
            value={measure}
            data={STATS_MEASURES.map((m) => ({ value: m.key, label: t(`stats.measures.${m.key}`) }))}
            onChange={(event) => setMeasure((STATS_MEASURES.find((m) => m.key === event.currentTarget.value)?.key ?? 'requestsReceived') as StatsMeasureKey)}
            maw={420}
            data-testid="stats-chart-measure"
          />
        )}
        <StatsBarChart bars={bars} kind={grouped ? measureKind(measure) : 'count'} title={title} />
      </Stack>
    </Card>
  );
};
