import {
  AddMonitoringVisitSchema,
  CancelMonitoringVisitSchema,
  EscalateConcernSchema,
  ResolveConcernSchema,
  type AddMonitoringVisitInput,
  type CaseDetail,
  type EscalateConcernInput,
  type MonitoringVisit,
  type ResolveConcernInput,
  type ReturnFile,
} from '@app/contracts';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/features/case-file/components/query-state';
import { useCurrentUser } from '@/lib/auth';
import { formatCalendarDate } from '@/lib/format';
import { returnResolver } from '../utils/return-zod';
import { useLocale } from '@/lib/i18n';
import { addMonitoringVisit, cancelMonitoringVisit, escalateConcern, resolveConcern } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURNED_STATES, isIn, isSupervisor } from '../utils/return-access';
import { applyReturnFieldErrors, hasReturnFieldErrors, useReturnFieldErrorText } from '../utils/return-errors';
import { formatDateTime, formatIndex, formatMonth, todayIso } from '../utils/return-format';
import { ReturnError } from './return-error';
import { ReturnReportLink } from './return-report-link';
import { ReturnSection, SubHeading, type SectionProps } from './return-section';
import { RecordVisitForm } from './visit-form';

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

// ---------------------------------------------------------------------------------------------
// Small forms: one text and a button

type OneTextFormProps<T> = {
  caseId: string;
  label: string;
  name: string;
  submitLabel: string;
  testId: string;
  run: (text: string) => Promise<T>;
  done: string;
  onDone: () => void;
  extra?: { label: string; name: string };
  schemaCheck: (text: string, extra: string) => { ok: boolean; field?: 'text' | 'extra' };
};

const OneTextForm = <T,>({ caseId, label, submitLabel, testId, run, done, onDone, extra, schemaCheck }: OneTextFormProps<T>) => {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [extraText, setExtraText] = useState('');
  const [invalid, setInvalid] = useState<'text' | 'extra' | null>(null);
  const mutation = useReturnMutation(caseId, () => run(text));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const check = schemaCheck(text, extraText);
    if (!check.ok) {
      setInvalid(check.field ?? 'text');
      return;
    }
    setInvalid(null);
    mutation.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: done });
        onDone();
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack gap="xs">
        {mutation.isError && <ReturnError caseId={caseId} error={mutation.error} />}
        {extra && (
          <TextInput label={extra.label} required value={extraText} onChange={(event) => setExtraText(event.currentTarget.value)} error={invalid === 'extra' ? t('validation.tooShort', { minimum: 2 }) : undefined} />
        )}
        <Textarea label={label} required autosize minRows={2} value={text} onChange={(event) => setText(event.currentTarget.value)} error={invalid === 'text' ? t('validation.tooShort', { minimum: 3 }) : undefined} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={mutation.isPending}>
            {submitLabel}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

// ---------------------------------------------------------------------------------------------

type AddValues = { plannedOn: string; reason: string };
const ADD_FIELDS = ['plannedOn', 'reason'] as const;

const AddVisitForm = ({ caseId, onDone }: { caseId: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const fieldError = useReturnFieldErrorText();
  const form = useForm<AddValues, unknown, AddMonitoringVisitInput>({ resolver: returnResolver(AddMonitoringVisitSchema), defaultValues: { plannedOn: '', reason: '' } });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: AddMonitoringVisitInput) => addMonitoringVisit(caseId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.monitoring.visitAdded') });
        onDone();
      },
      onError: (error) => applyReturnFieldErrors(error, form.setError, ADD_FIELDS, { reason: { min: 3, max: 2000 } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-visit-heading" data-testid="add-visit-form">
      <Stack gap="xs">
        <SubHeading id="add-visit-heading">{t('return.monitoring.addHeading')}</SubHeading>
        {mutation.isError && !hasReturnFieldErrors(mutation.error, ADD_FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('return.monitoring.plannedOn')} required min={todayIso()} error={fieldError(errors.plannedOn)} {...form.register('plannedOn')} />
          <TextInput label={t('return.monitoring.extraReason')} description={t('return.monitoring.extraReasonHint')} required error={fieldError(errors.reason)} {...form.register('reason')} />
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit" size="xs" loading={mutation.isPending}>
            {t('return.monitoring.addSubmit')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

type Action = { visitId: string; kind: 'record' | 'cancel' | 'escalate' | 'resolve' } | null;

const VisitItem = ({ caseId, caseDetail, file, visit, action, setAction }: { caseId: string; caseDetail: CaseDetail; file: ReturnFile; visit: MonitoringVisit; action: Action; setAction: (action: Action) => void }) => {
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

type EscalateValues = { referredTo: string; note: string };
const ESCALATE_FIELDS = ['referredTo', 'note'] as const;

// `escalate`: where the referral is sent; by default IOM Rome's endpoint (the mission passes its own).
export const EscalateForm = ({ caseId, visitId, onDone, escalate }: { caseId: string; visitId: string; onDone: () => void; escalate?: (input: EscalateConcernInput) => Promise<unknown> }) => {
  const { t } = useTranslation();
  const fieldError = useReturnFieldErrorText();
  const form = useForm<EscalateValues, unknown, EscalateConcernInput>({ resolver: returnResolver(EscalateConcernSchema), defaultValues: { referredTo: '', note: '' } });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: EscalateConcernInput) => (escalate ? escalate(input) : escalateConcern(caseId, visitId, input)));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.monitoring.escalated') });
        onDone();
      },
      onError: (error) => applyReturnFieldErrors(error, form.setError, ESCALATE_FIELDS, { referredTo: { min: 2, max: 200 }, note: { min: 3, max: 4000 } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('return.monitoring.escalate')} data-testid="visit-escalate-form">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('return.monitoring.escalateIntro')}
        </Text>
        {mutation.isError && !hasReturnFieldErrors(mutation.error, ESCALATE_FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <TextInput label={t('return.monitoring.referredTo')} description={t('return.monitoring.referredToHint')} required error={fieldError(errors.referredTo)} {...form.register('referredTo')} />
        <Textarea label={t('return.monitoring.escalationNote')} required autosize minRows={2} error={fieldError(errors.note)} {...form.register('note')} />
        <Group gap="xs">
          <Button type="submit" size="xs" color="orange" loading={mutation.isPending}>
            {t('return.monitoring.escalateSubmit')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

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
