import type { AssistanceStatus } from '@app/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// An assistance item's status.

const STATUS_COLOR: Record<AssistanceStatus, string> = { PLANNED: 'gray', IN_PROGRESS: 'blue', DELIVERED: 'green', CANCELLED: 'red' };

export const AssistanceStatusBadge = ({ status }: { status: AssistanceStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" tt="none">
      {t(`return.plan.statuses.${status}`)}
    </Badge>
  );
};
