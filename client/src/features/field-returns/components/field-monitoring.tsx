import type { AssistanceItem, FieldReturnDetail, MonitoringVisit } from '@app/contracts';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { EscalateForm, formatIndex, formatMonth, RecordVisitForm, visitStatus, VisitStatusBadge } from '@/features/return';
import { appToday } from '@/lib/clock';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { FieldReturnActions } from '../api/field-returns-queries';

type Open = { visitId: string; form: 'record' | 'escalate' } | null;

// What was found at a visit, in a few lines (the full record is IOM Rome's monitoring report).
const Findings = ({ visit }: { visit: MonitoringVisit }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const mode = visit.mode ? t(`return.monitoring.modes.${visit.mode}`).toLocaleLowerCase(locale) : '';
  return (
    <Stack gap={4} data-testid="field-visit-findings">
      <Text size="sm">{t('return.monitoring.doneLine', { date: visit.visitedOn ? formatCalendarDate(visit.visitedOn, locale) : '', mode, officer: visit.officer ?? '' })}</Text>
      <Text size="sm">{t(visit.childSeenAlone ? 'return.monitoring.seenAloneYes' : 'return.monitoring.seenAloneNo')}</Text>
      {visit.protectionConcerns ? (
        <Alert color="orange" p="xs" title={t('return.monitoring.concernTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {visit.protectionConcerns}
          </Text>
          {visit.escalation && <Text size="sm">{t('fieldReturns.monitoring.escalatedTo', { to: visit.escalation.referredTo })}</Text>}
        </Alert>
      ) : (
        <Text size="sm">{t('return.monitoring.noConcern')}</Text>
      )}
      {visit.sustainabilityIndex && (
        <Text size="sm">{t('fieldReturns.monitoring.index', { composite: formatIndex(visit.sustainabilityIndex.composite, locale) })}</Text>
      )}
    </Stack>
  );
};

type VisitProps = { detail: FieldReturnDetail; visit: MonitoringVisit; items: readonly AssistanceItem[]; open: Open; setOpen: (open: Open) => void; actions: FieldReturnActions };

const FieldVisit = ({ detail, visit, items, open, setOpen, actions }: VisitProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = visitStatus(visit);
  const mine = open?.visitId === visit.id ? open.form : null;
  const close = () => setOpen(null);
  const canEscalate = visit.status === 'DONE' && Boolean(visit.protectionConcerns) && !visit.escalation;
  return (
    <Paper withBorder p="sm" component="li" data-testid="field-visit" data-status={status}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>{t('return.monitoring.visitTitle', { seq: visit.seq, date: formatCalendarDate(visit.plannedOn, locale) })}</Text>
            <Text size="sm" c="dimmed">
              {visit.monthOffset === null ? t('return.monitoring.extra', { reason: visit.extraReason ?? '' }) : t('return.monitoring.monthsAfter', { count: visit.monthOffset })}
            </Text>
          </div>
          <VisitStatusBadge status={status} />
        </Group>
        {visit.status === 'DONE' && <Findings visit={visit} />}
        {visit.status === 'CANCELLED' && visit.cancelReason && <Text size="sm">{t('return.monitoring.cancelledLine', { reason: visit.cancelReason })}</Text>}
        {detail.writable && !mine && (visit.status === 'PLANNED' || canEscalate) && (
          <Group gap="xs">
            {visit.status === 'PLANNED' ? (
              <Button size="xs" onClick={() => setOpen({ visitId: visit.id, form: 'record' })} data-testid="field-visit-record">
                {t('return.monitoring.record')}
              </Button>
            ) : (
              <Button size="xs" color="orange" onClick={() => setOpen({ visitId: visit.id, form: 'escalate' })} data-testid="field-visit-escalate">
                {t('return.monitoring.escalate')}
              </Button>
            )}
          </Group>
        )}
        {mine === 'record' && <RecordVisitForm caseId={detail.caseId} visit={visit} items={items} onDone={close} record={actions.recordVisit(visit.id)} />}
        {mine === 'escalate' && <EscalateForm caseId={detail.caseId} visitId={visit.id} onDone={close} escalate={actions.escalate(visit.id)} />}
      </Stack>
    </Paper>
  );
};

// The monitoring calendar by month: the planned dates, the overdue visits said in words, and the
// mission's record of each visit (with the escalation of a protection concern).
export const FieldMonitoring = ({ detail, actions }: { detail: FieldReturnDetail; actions: FieldReturnActions }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState<Open>(null);
  const visits = detail.monitoringVisits.toSorted((a, b) => a.plannedOn.localeCompare(b.plannedOn) || a.seq - b.seq);
  if (visits.length === 0) return <EmptyState testId="field-monitoring-empty">{t('fieldReturns.monitoring.empty')}</EmptyState>;
  const today = appToday();
  const overdue = visits.filter((visit) => visitStatus(visit, today) === 'OVERDUE').length;
  const items = detail.reintegrationPlan?.assistanceItems ?? [];
  return (
    <Stack gap="md" data-testid="field-monitoring-calendar">
      {overdue > 0 && (
        <Alert color="red" title={t('return.monitoring.overdueTitle', { count: overdue })} data-testid="field-monitoring-overdue">
          {t('fieldReturns.monitoring.overdueBody')}
        </Alert>
      )}
      {[...new Set(visits.map((visit) => visit.plannedOn.slice(0, 7)))].map((month) => (
        <section key={month} aria-labelledby={`field-month-${month}`}>
          <Title order={3} size="h6" id={`field-month-${month}`} mb={6} tt="capitalize">
            {formatMonth(`${month}-01`, locale)}
          </Title>
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {visits
              .filter((visit) => visit.plannedOn.startsWith(month))
              .map((visit) => (
                <FieldVisit key={visit.id} detail={detail} visit={visit} items={items} open={open} setOpen={setOpen} actions={actions} />
              ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
};
