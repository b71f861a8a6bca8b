import type { StatsCells, StatsMeasureKey } from '@app/contracts';
import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { measureKind } from '../utils/stats-format';
import { StatsCellValue } from './stats-cell';

// The figures a reader looks for first (domain §6): requests, completions, timeliness, returns.
const HEADLINE: readonly StatsMeasureKey[] = [
  'requestsReceived',
  'requestsCompleted',
  'shareCompletedBeforeEighteen',
  'daysToReportMedian',
  'outcomeLocated',
  'returnsCarriedOut',
];

export const StatsHeadline = ({ total }: { total: StatsCells }) => {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0} data-testid="stats-headline">
      {HEADLINE.map((key) => (
        <Card key={key} withBorder padding="sm" data-testid={`stats-figure-${key}`}>
          <Text component="dt" size="sm" c="dimmed">
            {t(`stats.measures.${key}`)}
          </Text>
          <Text component="dd" m={0} fw={700} size="xl">
            <StatsCellValue cell={total[key]} kind={measureKind(key)} />
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
};
