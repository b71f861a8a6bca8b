import type { ApprovalItem, Dashboard, Role } from '@app/contracts';
import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { approvalHref } from '../utils/dashboard-access';
import { DashboardSection } from './dashboard-section';

const Item = ({ item }: { item: ApprovalItem }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder p="sm" component="li" data-testid="approval-item">
      <Stack gap={2}>
        <Anchor component={Link} to={approvalHref(item)} fw={500}>
          {t(`dashboard.approvals.kinds.${item.kind}`, { caseNumber: item.caseNumber })}
        </Anchor>
        <Text size="sm">
          {item.minor.firstName} {item.minor.lastName} · {t(`states.${item.state}`)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('dashboard.approvals.since', { date: formatInstantDate(item.since, locale) })}
        </Text>
      </Stack>
    </Paper>
  );
};

// What waits for me: approvals for a supervisor, report quality checks for a caseworker.
export const Approvals = ({ approvals, role }: Pick<Dashboard, 'approvals'> & { role: Role }) => {
  const { t } = useTranslation();
  const variant = role === 'supervisor' ? 'supervisor' : 'caseworker';
  return (
    <DashboardSection title={t(`dashboard.approvals.title.${variant}`)} count={approvals.count} testId="dashboard-approvals">
      {approvals.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`dashboard.approvals.empty.${variant}`)}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {approvals.items.map((item) => (
            <Item key={`${item.kind}-${item.caseId}-${item.riskCheckId ?? ''}`} item={item} />
          ))}
        </Stack>
      )}
      {approvals.count > approvals.items.length && (
        <Text size="sm" c="dimmed">
          {t('dashboard.more', { count: approvals.count - approvals.items.length })}
        </Text>
      )}
    </DashboardSection>
  );
};
