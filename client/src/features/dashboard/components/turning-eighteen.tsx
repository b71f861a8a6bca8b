import type { Dashboard, TurningEighteen as TurningEighteenItem } from '@app/contracts';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { DashboardSection } from './dashboard-section';

type Bucket = Dashboard['turningEighteen']['within30'];
const BUCKETS = ['within30', 'within90', 'within180', 'reached'] as const;

const Item = ({ item }: { item: TurningEighteenItem }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const birthday = formatCalendarDate(item.eighteenthBirthday, locale);
  return (
    <Paper withBorder p="sm" component="li" data-testid="turning-18-item">
      <Stack gap={2}>
        <Text size="sm">
          <Anchor component={Link} to={paths.caseDetail(item.caseId)} fw={500}>
            {item.caseNumber}
          </Anchor>
          {' · '}
          {item.firstName} {item.lastName}
        </Text>
        <Text size="sm">
          {item.daysLeft > 0
            ? t('dashboard.turning18.daysLeft', { count: item.daysLeft, date: birthday })
            : t('dashboard.turning18.turned', { count: -item.daysLeft, date: birthday })}
        </Text>
        {item.dobIsDefaultJan1 && (
          <Text size="xs" c="dimmed">
            {t('dashboard.turning18.defaultJan1')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {item.prosieguoUntil
            ? t('dashboard.turning18.prosieguo', { date: formatCalendarDate(item.prosieguoUntil, locale) })
            : t('dashboard.turning18.noProsieguo')}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`states.${item.state}`)}
        </Text>
      </Stack>
    </Paper>
  );
};

const BucketList = ({ name, bucket }: { name: (typeof BUCKETS)[number]; bucket: Bucket }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid={`turning-18-${name}`}>
      <Title order={3} size="h5">
        {t(`dashboard.turning18.buckets.${name}`)} ({bucket.count})
      </Title>
      {bucket.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.turning18.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {bucket.items.map((item) => (
            <Item key={item.caseId} item={item} />
          ))}
        </Stack>
      )}
      {bucket.count > bucket.items.length && (
        <Text size="sm" c="dimmed">
          {t('dashboard.more', { count: bucket.count - bucket.items.length })}
        </Text>
      )}
    </Stack>
  );
};

// Minors turning 18 within 30, 90 and 180 days (L. 47/2017 art. 13: plan the transition or ask
// for a prosieguo), and those already 18 without one, whose closing is due.
export const TurningEighteen = ({ turningEighteen }: Pick<Dashboard, 'turningEighteen'>) => {
  const { t } = useTranslation();
  const total = BUCKETS.reduce((sum, name) => sum + turningEighteen[name].count, 0);
  return (
    <DashboardSection title={t('dashboard.turning18.title')} count={total} testId="dashboard-turning-18">
      {BUCKETS.filter((name) => name !== 'reached' || turningEighteen.reached.count > 0).map((name) => (
        <BucketList key={name} name={name} bucket={turningEighteen[name]} />
      ))}
    </DashboardSection>
  );
};
