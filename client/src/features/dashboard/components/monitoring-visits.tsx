import type { Dashboard, DashboardTask } from '@app/contracts';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { DashboardSection } from './dashboard-section';

// The deadline rule of a pending post-return monitoring visit (contracts/src/tasks.ts): its due date
// is the visit's planned date. An escalated concern at a visit is followed up by the supervisor.
const VISIT_RULE = 'monitoring_visit_due';
const CONCERN_RULE = 'monitoring_concern_review';

const Item = ({ task, overdue }: { task: DashboardTask; overdue: boolean }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const concern = task.rule === CONCERN_RULE;
  return (
    <Paper withBorder p="sm" component="li" data-testid="monitoring-visit-item">
      <Stack gap={2}>
        <Text size="sm">
          <Anchor component={Link} to={paths.caseTab(task.caseId, 'return')} fw={500}>
            {task.caseNumber}
          </Anchor>
          {' · '}
          {task.minor.firstName} {task.minor.lastName}
        </Text>
        <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 600 : undefined}>
          {t(concern ? (overdue ? 'dashboard.monitoring.concernOverdue' : 'dashboard.monitoring.concernDue') : overdue ? 'dashboard.monitoring.visitOverdue' : 'dashboard.monitoring.visitDue', {
            date: formatInstantDate(task.dueAt, locale),
          })}
        </Text>
      </Stack>
    </Paper>
  );
};

const Group = ({ title, tasks, overdue, empty }: { title: string; tasks: readonly DashboardTask[]; overdue: boolean; empty: string }) => (
  <Stack gap="xs">
    <Title order={3} size="h5">
      {title} ({tasks.length})
    </Title>
    {tasks.length === 0 ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : (
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {tasks.map((task) => (
          <Item key={task.id} task={task} overdue={overdue} />
        ))}
      </Stack>
    )}
  </Stack>
);

// Post-return monitoring (domain §3.12, issue 4): the visits whose date has passed without a
// record, those due this week, and escalated protection concerns waiting for follow-up. They come
// from the user's deadlines; each links to the case's monitoring calendar.
export const MonitoringVisits = ({ tasks }: Pick<Dashboard, 'tasks'>) => {
  const { t } = useTranslation();
  const isMonitoring = (task: DashboardTask) => task.rule === VISIT_RULE || task.rule === CONCERN_RULE;
  const overdue = tasks.overdue.items.filter(isMonitoring);
  const soon = tasks.dueThisWeek.items.filter(isMonitoring);
  // The buckets list the first items only: monitoring deadlines may be among the rest.
  const partial = tasks.overdue.count > tasks.overdue.items.length || tasks.dueThisWeek.count > tasks.dueThisWeek.items.length;
  return (
    <DashboardSection title={t('dashboard.monitoring.title')} count={overdue.length} testId="dashboard-monitoring">
      <Group title={t('dashboard.monitoring.overdue')} tasks={overdue} overdue empty={t('dashboard.monitoring.noneOverdue')} />
      <Group title={t('dashboard.monitoring.thisWeek')} tasks={soon} overdue={false} empty={t('dashboard.monitoring.noneThisWeek')} />
      {partial && (
        <Text size="xs" c="dimmed">
          {t('dashboard.monitoring.partial')}
        </Text>
      )}
    </DashboardSection>
  );
};
