import type { CurrentUser } from '@app/contracts';
import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { dashboardQueries } from '../api/dashboard-queries';
import { Approvals } from './approvals';
import { CasesByState } from './cases-by-state';
import { DashboardTasks } from './dashboard-tasks';
import { MonitoringVisits } from './monitoring-visits';
import { TurningEighteen } from './turning-eighteen';

// The home of caseworkers and supervisors: what is due or overdue, who turns 18 soon, what waits
// for me, and my cases by state.
export const Dashboard = ({ user }: { user: CurrentUser }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data } = useSuspenseQuery(dashboardQueries.dashboard());
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('dashboard.title')}>{t('dashboard.title')}</PageTitle>
          <Text size="sm" c="dimmed" mt={-12}>
            {t('dashboard.generatedAt', { date: formatInstantDate(data.generatedAt, locale) })}
          </Text>
        </div>
        <Button component={Link} to={paths.caseNew()} data-testid="new-case">
          {t('dashboard.newCase')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DashboardTasks tasks={data.tasks} />
        <Approvals approvals={data.approvals} role={user.role} />
        <TurningEighteen turningEighteen={data.turningEighteen} />
        <MonitoringVisits tasks={data.tasks} />
        <CasesByState casesByState={data.casesByState} openCases={data.openCases} />
      </SimpleGrid>
    </Stack>
  );
};
