import type { Dashboard, DashboardTask } from '@app/contracts';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/error-message';
import { formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { useCompleteTask } from '../api/dashboard-queries';
import { isManualTask, legalRefOf } from '../utils/dashboard-access';
import { DashboardSection } from './dashboard-section';

const TaskItem = ({ task, overdue }: { task: DashboardTask; overdue: boolean }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const completion = useCompleteTask();
  const legalRef = legalRefOf(task.rule);
  const title = task.titleKey ? t(task.titleKey, { defaultValue: task.title }) : task.title;
  const complete = () =>
    completion.mutate(task, {
      onSuccess: () => notifications.show({ color: 'green', message: t('dashboard.tasks.completed', { title }) }),
      onError: (error) => notifications.show({ color: 'red', title: t('dashboard.tasks.completeFailed'), message: errorMessage(error) }),
    });
  return (
    <Paper withBorder p="sm" component="li" data-testid="dashboard-task">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={500}>{title}</Text>
          {overdue && (
            <Badge color="red" variant="light" tt="none" radius="sm" style={{ flexShrink: 0 }}>
              {t('dashboard.tasks.overdueBadge')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          <Anchor component={Link} to={paths.caseDetail(task.caseId)}>
            {task.caseNumber}
          </Anchor>
          {' · '}
          {task.minor.firstName} {task.minor.lastName}
        </Text>
        <Text size="sm" c={overdue ? 'red.8' : undefined}>
          {t(overdue ? 'dashboard.tasks.wasDue' : 'dashboard.tasks.due', { date: formatInstantDate(task.dueAt, locale) })}
        </Text>
        {legalRef && (
          <Text size="xs" c="dimmed">
            {t('dashboard.tasks.legalRef', { ref: legalRef })}
          </Text>
        )}
        {isManualTask(task.rule) && (
          <div>
            <Button size="xs" variant="default" onClick={complete} loading={completion.isPending} data-testid="complete-task">
              {t('dashboard.tasks.complete')}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
};

const TaskGroup = ({ title, bucket, overdue, empty }: { title: string; bucket: Dashboard['tasks']['overdue']; overdue: boolean; empty: string }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title} ({bucket.count})
      </Title>
      {bucket.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {bucket.items.map((task) => (
            <TaskItem key={task.id} task={task} overdue={overdue} />
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

// My tasks: overdue first, then those due in the next seven days.
export const DashboardTasks = ({ tasks }: Pick<Dashboard, 'tasks'>) => {
  const { t } = useTranslation();
  return (
    <DashboardSection title={t('dashboard.tasks.title')} count={tasks.overdue.count + tasks.dueThisWeek.count} testId="dashboard-tasks">
      <TaskGroup title={t('dashboard.tasks.overdue')} bucket={tasks.overdue} overdue empty={t('dashboard.tasks.noneOverdue')} />
      <TaskGroup title={t('dashboard.tasks.dueThisWeek')} bucket={tasks.dueThisWeek} overdue={false} empty={t('dashboard.tasks.noneThisWeek')} />
    </DashboardSection>
  );
};
