import { CASE_STATES, type Dashboard } from '@app/contracts';
import { Anchor, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { DashboardSection } from './dashboard-section';

// My open cases by state, in the order of the workflow; each count opens the list filtered by it.
export const CasesByState = ({ casesByState, openCases }: Pick<Dashboard, 'casesByState' | 'openCases'>) => {
  const { t } = useTranslation();
  const rows = [...casesByState]
    .filter((row) => row.count > 0)
    .sort((a, b) => CASE_STATES.indexOf(a.state) - CASE_STATES.indexOf(b.state));
  return (
    <DashboardSection title={t('dashboard.byState.title')} count={openCases} testId="dashboard-by-state">
      <Text size="sm" c="dimmed">
        {t('dashboard.byState.open', { count: openCases })}
      </Text>
      {rows.length === 0 ? (
        <Text>{t('dashboard.byState.empty')}</Text>
      ) : (
        <List listStyleType="none" spacing={4}>
          {rows.map((row) => (
            <List.Item key={row.state}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Anchor component={Link} to={paths.casesInState(row.state)} data-testid={`dashboard-state-${row.state}`}>
                  {t('dashboard.byState.link', { state: t(`states.${row.state}`), count: row.count })}
                </Anchor>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor component={Link} to={paths.cases()} size="sm">
        {t('dashboard.byState.all')}
      </Anchor>
    </DashboardSection>
  );
};
