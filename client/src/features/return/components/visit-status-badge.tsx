import type { MonitoringVisit } from '@app/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../utils/return-format';

// A monitoring visit's status: planned, overdue, done or cancelled.

export type VisitStatus = 'PLANNED' | 'OVERDUE' | 'DONE' | 'CANCELLED';

// A planned visit whose date has passed is overdue (shown in words, not by colour alone).
export const visitStatus = (visit: Pick<MonitoringVisit, 'status' | 'plannedOn'>, today: string = todayIso()): VisitStatus =>
  visit.status === 'PLANNED' && visit.plannedOn < today ? 'OVERDUE' : visit.status;

const STATUS_COLOR: Record<VisitStatus, string> = { PLANNED: 'blue', OVERDUE: 'red', DONE: 'green', CANCELLED: 'gray' };

export const VisitStatusBadge = ({ status }: { status: VisitStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === 'OVERDUE' ? 'filled' : 'light'} tt="none" data-testid="visit-status">
      {t(`return.monitoring.statuses.${status}`)}
    </Badge>
  );
};
