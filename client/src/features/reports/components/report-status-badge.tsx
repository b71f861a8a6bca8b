import type { ReportVersionStatus } from '@app/contracts';
import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<ReportVersionStatus, MantineColor> = {
  DRAFT: 'gray',
  RETURNED: 'orange',
  IN_QA: 'blue',
  QA_PASSED: 'cyan',
  APPROVED: 'teal',
  RELEASED: 'green',
  SUPERSEDED: 'gray',
};

// The status in words (never by colour alone).
export const ReportStatusBadge = ({ status }: { status: ReportVersionStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" tt="none" data-testid="report-status">
      {t(`reports.status.${status}`)}
    </Badge>
  );
};
