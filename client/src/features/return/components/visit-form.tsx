import {
  AssistanceStatusSchema,
  MonitoringModeSchema,
  RecordMonitoringVisitSchema,
  RSS_INDICATORS,
  RSS_INDICATOR_KEYS,
  type AssistanceItem,
  type AssistanceStatus,
  type MonitoringVisit,
  type RecordMonitoringVisitInput,
  type RssIndicator,
} from '@app/contracts';
import { toNestErrors } from '@hookform/resolvers';
import { Alert, Button, Checkbox, Fieldset, Group, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm, useWatch, type FieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useCurrentUser } from '@/lib/auth';
import { useFieldErrorText } from '@/lib/form-errors';
import { recordMonitoringVisit } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { todayIso } from '../utils/return-format';
import { returnIssueMessage } from '../utils/return-zod';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

type AssistanceLine = { itemId: string; include: boolean; status: AssistanceStatus; deliveredOn: string; note: string };
type VisitValues = {
  visitedOn: string;
  mode: string;
  officer: string;
  childSeenAlone: '' | 'yes' | 'no';
  wellbeing: string;
  protectionConcerns: string;
  notes: string;
  assistance: AssistanceLine[];
  scoring: boolean;
  scores: Record<RssIndicator, string>;
};

const DIRECT_FIELDS = ['visitedOn', 'mode', 'officer', 'childSeenAlone', 'wellbeing', 'protectionConcerns', 'notes'] as const;
const SCORES = ['1', '2', '3', '4', '5'] as const;

// The input as the server reads it, and which form line each assistance entry comes from.
const toInput = (values: VisitValues) => {
  const included = values.assistance.map((line, index) => ({ line, index })).filter(({ line }) => line.include);
  return {
    included: included.map(({ index }) => index),
    input: {
      visitedOn: values.visitedOn,
      mode: values.mode || undefined,
      officer: values.officer,
      childSeenAlone: values.childSeenAlone === '' ? undefined : values.childSeenAlone === 'yes',
      wellbeing: values.wellbeing,
      ...(values.protectionConcerns.trim() ? { protectionConcerns: values.protectionConcerns } : {}),
      ...(values.notes.trim() ? { notes: values.notes } : {}),
      assistanceDelivered: included.map(({ line }) => ({
        itemId: line.itemId,
        status: line.status,
        ...(line.status === 'DELIVERED' && line.deliveredOn ? { deliveredOn: line.deliveredOn } : {}),
        ...(line.note.trim() ? { note: line.note } : {}),
      })),
      ...(values.scoring ? { sustainabilityScores: Object.fromEntries(RSS_INDICATOR_KEYS.map((key) => [key, values.scores[key] ? Number(values.scores[key]) : undefined])) } : {}),
    },
  };
};

// A schema (or server) path as the form names it: assistance lines by their row, scores by indicator.
const formPath = (path: readonly PropertyKey[], included: readonly number[]): string | null => {
  const [head, second, third] = path.map(String);
  if (head === 'assistanceDelivered' && second !== undefined) {
    const row = included[Number(second)];
    return row === undefined ? null : `assistance.${row}.${third === 'itemId' || third === undefined ? 'status' : third}`;
  }
  if (head === 'sustainabilityScores') return `scores.${second ?? RSS_INDICATOR_KEYS[0]}`;
  return head ?? null;
};

const visitResolver: Resolver<VisitValues, unknown, RecordMonitoringVisitInput> = async (values, _context, options) => {
  const { input, included } = toInput(values);
  const parsed = RecordMonitoringVisitSchema.safeParse(input, { error: (issue) => returnIssueMessage(issue as Parameters<typeof returnIssueMessage>[0]) });
  if (parsed.success) return { values: parsed.data, errors: {} };
  const flat: Record<string, FieldError> = {};
  for (const issue of parsed.error.issues) {
    const name = formPath(issue.path, included);
    if (name && !flat[name]) flat[name] = { type: issue.code, message: issue.code === 'custom' ? returnIssueMessage(issue as Parameters<typeof returnIssueMessage>[0]) : issue.message };
  }
  return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
};

const SERVER_CODES: Record<string, string> = {
  future: 'return.fieldErrors.future',
  before_handover: 'return.fieldErrors.before_handover',
  after_visit: 'return.fieldErrors.after_visit',
  not_found: 'return.fieldErrors.not_found',
  required: 'validation.required',
};

type RecordVisitFormProps = {
  caseId: string;
  visit: MonitoringVisit;
  // The plan's items still to deliver (their status moves with the visit's record).
  items: readonly AssistanceItem[];
  onDone: () => void;
  // Where the findings are sent; by default IOM Rome's endpoint (the mission passes its own).
  record?: (input: RecordMonitoringVisitInput) => Promise<unknown>;
};

// A monitoring visit's findings (domain §3.12): seen alone, well-being, protection concerns, the
// assistance delivered against the plan, and the 15 reintegration-sustainability indicators over
// the economic, social and psychosocial dimensions (1 = very poor, 5 = very good).
export const RecordVisitForm = ({ caseId, visit, items, onDone, record }: RecordVisitFormProps) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const open = items.filter((item) => item.status === 'PLANNED' || item.status === 'IN_PROGRESS');
  // The form starts once, from the visit and the items as they were when it opened.
  const [defaults] = useState<VisitValues>(() => ({
      visitedOn: visit.plannedOn < todayIso() ? visit.plannedOn : todayIso(),
      mode: 'HOME',
      officer: user.displayName,
      childSeenAlone: '',
      wellbeing: '',
      protectionConcerns: '',
      notes: '',
      assistance: open.map((item) => ({ itemId: item.id, include: false, status: 'DELIVERED', deliveredOn: '', note: '' })),
      scoring: false,
      scores: Object.fromEntries(RSS_INDICATOR_KEYS.map((key) => [key, ''])) as Record<RssIndicator, string>,
  }));
  const form = useForm<VisitValues, unknown, RecordMonitoringVisitInput>({ resolver: visitResolver, defaultValues: defaults });
  const { errors } = form.formState;
  const [scoring, assistance] = useWatch({ control: form.control, name: ['scoring', 'assistance'] });
  const mutation = useReturnMutation(caseId, (input: RecordMonitoringVisitInput) => (record ? record(input) : recordMonitoringVisit(caseId, visit.id, input)));

  const submit = form.handleSubmit((input) => {
    // Which form line each assistance entry sent comes from, to place the server's errors.
    const sent = toInput(form.getValues()).included;
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.monitoring.recorded') });
        onDone();
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        let first = true;
        for (const field of error.details?.fields ?? []) {
          const name = formPath(field.path.split('.'), sent);
          if (!name) continue;
          form.setError(name as 'visitedOn', { type: 'server', message: SERVER_CODES[field.code] ?? 'validation.invalid' }, { shouldFocus: first });
          first = false;
        }
      },
    });
  });
  const fieldsHandled = isApiError(mutation.error) && (mutation.error.details?.fields ?? []).length > 0;
  const itemOf = (itemId: string) => items.find((item) => item.id === itemId);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`visit-${visit.id}-form-heading`} data-testid="visit-form">
      <Stack gap="sm">
        <SubHeading id={`visit-${visit.id}-form-heading`}>{t('return.monitoring.recordHeading', { seq: visit.seq })}</SubHeading>
        {mutation.isError && !fieldsHandled && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t('return.monitoring.visitedOn')} required max={todayIso()} error={fieldError(errors.visitedOn)} {...form.register('visitedOn')} />
          <Controller
            control={form.control}
            name="mode"
            render={({ field }) => (
              <Select
                label={t('return.monitoring.mode')}
                required
                allowDeselect={false}
                data={MonitoringModeSchema.options.map((value) => ({ value, label: t(`return.monitoring.modes.${value}`) }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.mode)}
              />
            )}
          />
          <TextInput label={t('return.monitoring.officer')} required error={fieldError(errors.officer)} {...form.register('officer')} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="childSeenAlone"
          render={({ field }) => (
            <Radio.Group label={t('return.monitoring.seenAlone')} description={t('return.monitoring.seenAloneHint')} required value={field.value} onChange={field.onChange} name={field.name} error={fieldError(errors.childSeenAlone)}>
              <Group mt="xs">
                <Radio value="yes" label={t('return.common.yes')} />
                <Radio value="no" label={t('return.common.no')} />
              </Group>
            </Radio.Group>
          )}
        />
        <Textarea label={t('return.monitoring.wellbeing')} description={t('return.monitoring.wellbeingHint')} required autosize minRows={3} error={fieldError(errors.wellbeing)} data-testid="visit-wellbeing" {...form.register('wellbeing')} />
        <Textarea label={t('return.monitoring.concerns')} description={t('return.monitoring.concernsHint')} autosize minRows={2} error={fieldError(errors.protectionConcerns)} data-testid="visit-concerns" {...form.register('protectionConcerns')} />
        <Fieldset legend={t('return.monitoring.assistanceLegend')} data-testid="visit-assistance">
          {open.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('return.monitoring.noOpenItems')}
            </Text>
          ) : (
            <Stack gap="xs">
              {assistance.map((line, index) => {
                const item = itemOf(line.itemId);
                const lineErrors = errors.assistance?.[index];
                return (
                  <Stack key={line.itemId} gap={4} data-testid="visit-assistance-line">
                    <Checkbox label={item ? `${t(`return.plan.types.${item.type}`)}: ${item.description}` : line.itemId} {...form.register(`assistance.${index}.include`)} />
                    {line.include && (
                      <Group align="flex-start" gap="xs" ml="lg" wrap="wrap">
                        <Controller
                          control={form.control}
                          name={`assistance.${index}.status`}
                          render={({ field }) => (
                            <Select
                              label={t('return.plan.status')}
                              allowDeselect={false}
                              data={AssistanceStatusSchema.options.map((value) => ({ value, label: t(`return.plan.statuses.${value}`) }))}
                              value={field.value}
                              onChange={(value) => field.onChange(AssistanceStatusSchema.safeParse(value).data ?? field.value)}
                              ref={field.ref}
                              name={field.name}
                              w={170}
                              error={fieldError(lineErrors?.status)}
                            />
                          )}
                        />
                        {line.status === 'DELIVERED' && (
                          <TextInput type="date" label={t('return.plan.deliveredOn')} required max={todayIso()} error={fieldError(lineErrors?.deliveredOn)} {...form.register(`assistance.${index}.deliveredOn`)} />
                        )}
                        <TextInput
                          label={t(line.status === 'CANCELLED' ? 'return.plan.cancelReason' : 'return.plan.note')}
                          required={line.status === 'CANCELLED'}
                          error={fieldError(lineErrors?.note)}
                          {...form.register(`assistance.${index}.note`)}
                        />
                      </Group>
                    )}
                  </Stack>
                );
              })}
            </Stack>
          )}
        </Fieldset>
        <Checkbox label={t('return.monitoring.scoring')} description={t('return.monitoring.scoringHint')} data-testid="visit-scoring" {...form.register('scoring')} />
        {scoring && (
          <Stack gap="sm" data-testid="visit-scores">
            <Text size="sm" c="dimmed">
              {t('return.monitoring.scale')}
            </Text>
            {(Object.keys(RSS_INDICATORS) as (keyof typeof RSS_INDICATORS)[]).map((dimension) => (
              <Fieldset key={dimension} legend={t(`return.plan.dimensions.${dimension}`)}>
                <Stack gap="xs">
                  {RSS_INDICATORS[dimension].map((indicator) => (
                    <Controller
                      key={indicator}
                      control={form.control}
                      name={`scores.${indicator}`}
                      render={({ field }) => (
                        <Radio.Group label={t(`return.monitoring.indicators.${indicator}`)} required value={field.value} onChange={field.onChange} name={field.name} error={fieldError(errors.scores?.[indicator])} data-testid={`score-${indicator}`}>
                          <Group gap="md" mt={4}>
                            {SCORES.map((score) => (
                              <Radio key={score} value={score} label={score} aria-label={t('return.monitoring.scoreLabel', { indicator: t(`return.monitoring.indicators.${indicator}`), score })} />
                            ))}
                          </Group>
                        </Radio.Group>
                      )}
                    />
                  ))}
                </Stack>
              </Fieldset>
            ))}
          </Stack>
        )}
        <Textarea label={t('return.monitoring.notes')} autosize minRows={2} error={fieldError(errors.notes)} {...form.register('notes')} />
        {DIRECT_FIELDS.some((name) => errors[name]) && (
          <Alert color="red" p="xs">
            {t('return.monitoring.checkFields')}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} data-testid="visit-submit">
            {t('return.monitoring.recordSubmit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
