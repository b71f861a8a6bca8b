import type { TracingStatus } from '@app/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR } from '../utils/tracing-format';

export const TracingStatusBadge = ({ status }: { status: TracingStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={STATUS_COLOR[status]}
      tt="none"
      radius="sm"
      h="auto"
      py={3}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
      data-testid="tracing-status"
    >
      {t(`tracing.status.${status}`)}
    </Badge>
  );
};
