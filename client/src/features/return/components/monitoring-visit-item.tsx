import {
  CancelMonitoringVisitSchema,
  ResolveConcernSchema,
  type CaseDetail,
  type MonitoringVisit,
  type ResolveConcernInput,
  type ReturnFile,
} from '@app/contracts';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/lib/auth';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { cancelMonitoringVisit, resolveConcern } from '../api/return-api';
import { RETURNED_STATES, isIn, isSupervisor } from '../utils/return-access';
import { formatDateTime, formatIndex } from '../utils/return-format';
import { EscalateForm } from './escalate-form';
import { OneTextForm } from './one-text-form';
import { ReturnReportLink } from './return-report-link';
import { RecordVisitForm } from './visit-form';
import { VisitStatusBadge, visitStatus } from './visit-status-badge';

// One visit of the calendar with the actions it allows: record, cancel, escalate a concern, resolve it.

export type Action = { visitId: string; kind: 'record' | 'cancel' | 'escalate' | 'resolve' } | null;

export const VisitItem = ({ caseId, caseDetail, file, visit, action, setAction }: { caseId: string; caseDetail: CaseDetail; file: ReturnFile; visit: MonitoringVisit; action: Action; setAction: (action: Action) => void }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const status = visitStatus(visit);
  const active = isIn(RETURNED_STATES, caseDetail.state);
  const mine = action?.visitId === visit.id ? action.kind : null;
  const close = () => setAction(null);
  const index = visit.sustainabilityIndex;
  const report = visit.reportId ? file.reports.find((ref) => ref.reportId === visit.reportId) : undefined;
  const items = file.reintegrationPlan?.assistanceItems ?? [];
  const itemName = (itemId: string) => {
    const item = items.find((candidate) => candidate.id === itemId);
    return item ? `${t(`return.plan.types.${item.type}`)}: ${item.description}` : itemId;
  };
  return (
    <Paper withBorder p="sm" component="li" data-testid="monitoring-visit" data-status={status}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>
              {t('return.monitoring.visitTitle', { seq: visit.seq, date: formatCalendarDate(visit.plannedOn, locale) })}
            </Text>
            <Text size="sm" c="dimmed">
              {visit.monthOffset !== null ? t('return.monitoring.monthsAfter', { count: visit.monthOffset }) : t('return.monitoring.extra', { reason: visit.extraReason ?? '' })}
            </Text>
          </div>
          <VisitStatusBadge status={status} />
        </Group>
        {visit.status === 'DONE' && (
          <Stack gap={4} data-testid="visit-findings">
            <Text size="sm">
              {t('return.monitoring.doneLine', {
                date: visit.visitedOn ? formatCalendarDate(visit.visitedOn, locale) : '',
                mode: visit.mode ? t(`return.monitoring.modes.${visit.mode}`).toLocaleLowerCase(locale) : '',
                officer: visit.officer ?? '',
              })}
            </Text>
            <Text size="sm">{t(visit.childSeenAlone ? 'return.monitoring.seenAloneYes' : 'return.monitoring.seenAloneNo')}</Text>
            {visit.wellbeing && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Text span fw={600} size="sm">
                  {t('return.monitoring.wellbeing')}:{' '}
                </Text>
                {visit.wellbeing}
              </Text>
            )}
            {visit.protectionConcerns ? (
              <Alert color="orange" p="xs" title={t('return.monitoring.concernTitle')} data-testid="visit-concern">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {visit.protectionConcerns}
                </Text>
                {visit.escalation && (
                  <Text size="sm" mt={4}>
                    {visit.escalation.resolvedAt
                      ? t('return.monitoring.resolvedLine', { date: formatDateTime(visit.escalation.resolvedAt, locale), resolution: visit.escalation.resolution ?? '' })
                      : t('return.monitoring.escalatedLine', { to: visit.escalation.referredTo, date: formatDateTime(visit.escalation.escalatedAt, locale) })}
                  </Text>
                )}
              </Alert>
            ) : (
              <Text size="sm">{t('return.monitoring.noConcern')}</Text>
            )}
            {visit.assistanceDelivered.length > 0 && (
              <Text size="sm">
                {t('return.monitoring.assistanceLine', {
                  items: visit.assistanceDelivered.map((line) => `${itemName(line.itemId)} (${t(`return.plan.statuses.${line.status}`)})`).join('; '),
                })}
              </Text>
            )}
            {index && (
              <Text size="sm" data-testid="visit-index">
                {t('return.monitoring.indexLine', {
                  composite: formatIndex(index.composite, locale),
                  economic: formatIndex(index.economic, locale),
                  social: formatIndex(index.social, locale),
                  psychosocial: formatIndex(index.psychosocial, locale),
                })}
              </Text>
            )}
          </Stack>
        )}
        {visit.status === 'CANCELLED' && visit.cancelReason && <Text size="sm">{t('return.monitoring.cancelledLine', { reason: visit.cancelReason })}</Text>}
        {active && !mine && (
          <Group gap="xs">
            {visit.status === 'PLANNED' && (
              <>
                <Button size="xs" onClick={() => setAction({ visitId: visit.id, kind: 'record' })} data-testid="visit-record">
                  {t('return.monitoring.record')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setAction({ visitId: visit.id, kind: 'cancel' })}>
                  {t('return.monitoring.cancel')}
                </Button>
              </>
            )}
            {visit.status === 'DONE' && visit.protectionConcerns && !visit.escalation && (
              <Button size="xs" color="orange" onClick={() => setAction({ visitId: visit.id, kind: 'escalate' })} data-testid="visit-escalate">
                {t('return.monitoring.escalate')}
              </Button>
            )}
            {visit.escalation && !visit.escalation.resolvedAt && isSupervisor(user.role) && (
              <Button size="xs" variant="light" onClick={() => setAction({ visitId: visit.id, kind: 'resolve' })} data-testid="visit-resolve">
                {t('return.monitoring.resolve')}
              </Button>
            )}
          </Group>
        )}
        {visit.escalation && !visit.escalation.resolvedAt && !isSupervisor(user.role) && (
          <Text size="xs" c="dimmed">
            {t('return.monitoring.resolveBySupervisor')}
          </Text>
        )}
        {mine === 'record' && <RecordVisitForm caseId={caseId} visit={visit} items={items} onDone={close} />}
        {mine === 'cancel' && (
          <OneTextForm
            caseId={caseId}
            label={t('return.monitoring.cancelReason')}
            name="reason"
            submitLabel={t('return.monitoring.cancelSubmit')}
            testId="visit-cancel-form"
            run={(reason) => cancelMonitoringVisit(caseId, visit.id, reason)}
            done={t('return.monitoring.cancelled')}
            onDone={close}
            schemaCheck={(reason) => ({ ok: CancelMonitoringVisitSchema.safeParse({ reason }).success })}
          />
        )}
        {mine === 'escalate' && <EscalateForm caseId={caseId} visitId={visit.id} onDone={close} />}
        {mine === 'resolve' && (
          <OneTextForm
            caseId={caseId}
            label={t('return.monitoring.resolution')}
            name="resolution"
            submitLabel={t('return.monitoring.resolveSubmit')}
            testId="visit-resolve-form"
            run={(resolution) => resolveConcern(caseId, visit.id, { resolution } satisfies ResolveConcernInput)}
            done={t('return.monitoring.resolved')}
            onDone={close}
            schemaCheck={(resolution) => ({ ok: ResolveConcernSchema.safeParse({ resolution }).success })}
          />
        )}
        {visit.status === 'DONE' && (
          <ReturnReportLink caseId={caseId} state={caseDetail.state} kind="MONITORING_REPORT" report={report} monitoringVisitId={visit.id} canStart={active} />
        )}
      </Stack>
    </Paper>
  );
};
