import { Alert, Button, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { useLocale } from '@/lib/i18n';
import { RETURNED_STATES, isIn } from '../utils/return-access';
import { formatMonth, todayIso } from '../utils/return-format';
import { AddVisitForm } from './add-visit-form';
import { type Action, VisitItem } from './monitoring-visit-item';
import { ReturnSection, type SectionProps } from './return-section';
import { visitStatus } from './visit-status-badge';

// Post-return monitoring (domain §3.12): the visits scheduled at hand-over (+1, +3, +6 months by
// default; at least six months), extra visits for a vulnerable child, each visit's findings, the
// escalation of a protection concern and its monitoring report. Shown as a calendar, by month.
export const MonitoringSection = ({ caseId, caseDetail, file, collapsed = false }: SectionProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [action, setAction] = useState<Action>(null);
  const [adding, setAdding] = useState(false);
  const active = isIn(RETURNED_STATES, caseDetail.state);
  const visits = [...file.monitoringVisits].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn) || a.seq - b.seq);
  if (visits.length === 0 && !active) return null;
  const today = todayIso();
  const overdue = visits.filter((visit) => visitStatus(visit, today) === 'OVERDUE');
  const months = [...new Set(visits.map((visit) => visit.plannedOn.slice(0, 7)))];
  return (
    <ReturnSection collapsed={collapsed}
      id="monitoring"
      title={t('return.sections.monitoring')}
      intro={t('return.monitoring.intro')}
      aside={
        active && !adding ? (
          <Button variant="light" onClick={() => setAdding(true)} data-testid="visit-add">
            {t('return.monitoring.add')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="md">
        {overdue.length > 0 && (
          <Alert color="red" title={t('return.monitoring.overdueTitle', { count: overdue.length })} data-testid="monitoring-overdue">
            {t('return.monitoring.overdueBody')}
          </Alert>
        )}
        {adding && <AddVisitForm caseId={caseId} onDone={() => setAdding(false)} />}
        {visits.length === 0 ? (
          <EmptyState testId="monitoring-empty">{t('return.monitoring.empty')}</EmptyState>
        ) : (
          <Stack gap="md" data-testid="monitoring-calendar">
            {months.map((month) => (
              <section key={month} aria-labelledby={`month-${month}`}>
                <Title order={3} size="h6" id={`month-${month}`} mb={6} tt="capitalize">
                  {formatMonth(`${month}-01`, locale)}
                </Title>
                <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                  {visits
                    .filter((visit) => visit.plannedOn.startsWith(month))
                    .map((visit) => (
                      <VisitItem key={visit.id} caseId={caseId} caseDetail={caseDetail} file={file} visit={visit} action={action} setAction={setAction} />
                    ))}
                </Stack>
              </section>
            ))}
          </Stack>
        )}
      </Stack>
    </ReturnSection>
  );
};
