import { DEFAULT_MONITORING_MONTHS, MIN_MONITORING_MONTHS, ReceiverKindSchema, RecordHandoverSchema, type ReceiverKind, type RecordHandoverInput, type ReturnFile } from '@app/contracts';
import { Button, Divider, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useForm, type RefCallBack } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { caseFileQueries } from '@/features/case-file';
import { appNow } from '@/lib/clock';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/lib/form-values';
import { useLocale } from '@/lib/i18n';
import { recordHandover } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { formatDateTime } from '../utils/return-format';
import { returnResolver } from '../utils/return-zod';
import { DocumentPicker } from './document-picker';
import { ReturnError } from './return-error';
import { ReturnReportLink } from './return-report-link';
import { ReturnSection, SubHeading, type SectionProps } from './return-section';

type Values = {
  arrivedAt: string;
  place: string;
  receivedByName: string;
  receivedByKind: ReceiverKind | '';
  receivedByFamilyMemberId: string;
  protocolDocumentId: string;
  signedBy: string[];
  notes: string;
  monitoringMonths: string[];
};
const FIELDS = ['arrivedAt', 'place', 'receivedByName', 'receivedByKind', 'receivedByFamilyMemberId', 'protocolDocumentId', 'signedBy', 'notes', 'monitoringMonths'] as const;
const toInput = (values: Values) => ({
  arrivedAt: localDateTimeToIso(values.arrivedAt),
  place: values.place,
  receivedByName: values.receivedByName,
  receivedByKind: values.receivedByKind || undefined,
  protocolDocumentId: values.protocolDocumentId || undefined,
  signedBy: values.signedBy,
  monitoringMonths: values.monitoringMonths.map(Number).sort((a, b) => a - b),
  ...(values.receivedByFamilyMemberId ? { receivedByFamilyMemberId: values.receivedByFamilyMemberId } : {}),
  ...(values.notes.trim() ? { notes: values.notes } : {}),
});
const resolver = returnResolver(RecordHandoverSchema, toInput);
const MONTHS = Array.from({ length: 24 }, (_, index) => String(index + 1));

// Two fields of the hand-over, shared with the mission's own form (features/field-returns): who
// received the child, and the protocol's signatories (at least two names).
type FieldProps<T> = { value: T; onChange: (value: T) => void; onBlur: () => void; name: string; ref?: RefCallBack; error: string | undefined };

export const ReceiverKindSelect = ({ value, onChange, onBlur, name, ref, error }: FieldProps<ReceiverKind | ''>) => {
  const { t } = useTranslation();
  return (
    <Select
      label={t('return.handover.receivedByKind')}
      required
      data={ReceiverKindSchema.options.map((value) => ({ value, label: t(`return.handover.kinds.${value}`) }))}
      value={value || null}
      onChange={(chosen) => onChange(ReceiverKindSchema.safeParse(chosen).data ?? '')}
      onBlur={onBlur}
      ref={ref}
      name={name}
      error={error}
    />
  );
};

export const SignatoriesInput = ({ value, onChange, onBlur, name, ref, error }: FieldProps<string[]>) => {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={t('return.handover.signedBy')}
      description={t('return.handover.signedByHint')}
      required
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      ref={ref}
      name={name}
      maxTags={10}
      error={error}
      data-testid="handover-signed-by"
    />
  );
};

const HandoverForm = ({ caseId, file }: { caseId: string; file: ReturnFile }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const fileQuery = useQuery(caseFileQueries.file(caseId));
  const members = fileQuery.data?.familyMembers ?? [];
  const caregiver = file.travelPlan?.receivingCaregiver ?? null;
  const defaults = useMemo<Values>(
    () => ({
      arrivedAt: toLocalDateTimeInput(appNow()),
      place: '',
      receivedByName: caregiver?.name ?? '',
      receivedByKind: '',
      receivedByFamilyMemberId: caregiver?.id ?? '',
      protocolDocumentId: '',
      signedBy: [],
      notes: '',
      monitoringMonths: DEFAULT_MONITORING_MONTHS.map(String),
    }),
    [caregiver],
  );
  const form = useForm<Values, unknown, RecordHandoverInput>({ resolver, defaultValues: defaults });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: RecordHandoverInput) => recordHandover(caseId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => notifications.show({ color: 'green', message: t('return.handover.recorded') }),
      onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS, {
        vocabulary: RETURN_FIELD_ERRORS,
        limits: { place: { min: 2, max: 200 }, receivedByName: { min: 2, max: 200 }, notes: { max: 4000 } },
      }),
    }),
  );
  const chooseMember = (memberId: string) => {
    form.setValue('receivedByFamilyMemberId', memberId);
    const member = members.find((candidate) => candidate.id === memberId);
    if (member) form.setValue('receivedByName', `${member.firstName} ${member.lastName}`);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="handover-form-heading" data-testid="handover-form">
      <Stack gap="sm">
        <SubHeading id="handover-form-heading">{t('return.handover.formHeading')}</SubHeading>
        <Text size="sm" c="dimmed">
          {t('return.handover.formIntro')}
        </Text>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="datetime-local" label={t('return.handover.arrivedAt')} required max={toLocalDateTimeInput(appNow())} error={fieldError(errors.arrivedAt)} {...form.register('arrivedAt')} />
          <TextInput label={t('return.handover.place')} description={t('return.handover.placeHint')} required error={fieldError(errors.place)} {...form.register('place')} />
          <Controller
            control={form.control}
            name="receivedByKind"
            render={({ field }) => (
              <ReceiverKindSelect {...field} error={fieldError(errors.receivedByKind)} />
            )}
          />
          <Controller
            control={form.control}
            name="receivedByFamilyMemberId"
            render={({ field }) => (
              <Select
                label={t('return.handover.familyMember')}
                description={t('return.handover.familyMemberHint')}
                clearable
                data={members.map((member) => ({ value: member.id, label: `${member.firstName} ${member.lastName} (${member.relationship})` }))}
                value={field.value || null}
                onChange={(value) => chooseMember(value ?? '')}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.receivedByFamilyMemberId)}
              />
            )}
          />
          <TextInput label={t('return.handover.receivedByName')} required error={fieldError(errors.receivedByName)} {...form.register('receivedByName')} />
          <Controller
            control={form.control}
            name="signedBy"
            render={({ field }) => (
              <SignatoriesInput {...field} error={fieldError(errors.signedBy as Parameters<typeof fieldError>[0])} />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="protocolDocumentId"
          render={({ field }) => (
            <DocumentPicker
              caseId={caseId}
              label={t('return.handover.protocol')}
              description={t('return.handover.protocolHint')}
              types={['HANDOVER_PROTOCOL']}
              uploadType="HANDOVER_PROTOCOL"
              uploadLabel={t('return.handover.uploadProtocol')}
              defaultTitle={t('return.handover.protocolTitle')}
              value={field.value}
              onChange={field.onChange}
              required
              error={fieldError(errors.protocolDocumentId)}
              canList
              testId="handover-protocol"
            />
          )}
        />
        <Controller
          control={form.control}
          name="monitoringMonths"
          render={({ field }) => (
            <MultiSelect
              label={t('return.handover.monitoringMonths')}
              description={t('return.handover.monitoringMonthsHint', { min: MIN_MONITORING_MONTHS })}
              required
              data={MONTHS.map((value) => ({ value, label: t('return.handover.monthsAfter', { count: Number(value) }) }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              error={fieldError(errors.monitoringMonths as Parameters<typeof fieldError>[0])}
            />
          )}
        />
        <Textarea label={t('return.handover.notes')} autosize minRows={2} error={fieldError(errors.notes)} {...form.register('notes')} />
        <div>
          <Button type="submit" loading={mutation.isPending} data-testid="handover-submit">
            {t('return.handover.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};

// Arrival and hand-over (domain §4 #19): who received the child, when and where, the signed
// protocol; recording it schedules the monitoring visits and moves the case to "handed over".
export const HandoverSection = ({ caseId, caseDetail, file, collapsed = false }: SectionProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { handover } = file;
  const recordable = caseDetail.state === 'IN_TRANSIT' && !handover;
  const report = file.reports.find((ref) => ref.kind === 'HANDOVER_PROTOCOL');
  if (!handover && !recordable) return null;
  return (
    <ReturnSection collapsed={collapsed} id="handover" title={t('return.sections.handover')} intro={t('return.handover.intro')}>
      {handover ? (
        <Stack gap={6} data-testid="handover">
          <Text size="sm">{t('return.handover.arrivedLine', { date: formatDateTime(handover.arrivedAt, locale), place: handover.place })}</Text>
          <Text size="sm">{t('return.handover.receivedLine', { name: handover.receivedByName, kind: t(`return.handover.kinds.${handover.receivedByKind}`) })}</Text>
          <Text size="sm">{t('return.handover.signedLine', { names: handover.signedBy.join(', ') })}</Text>
          {handover.notes && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {handover.notes}
            </Text>
          )}
          <Divider />
          <ReturnReportLink caseId={caseId} state={caseDetail.state} kind="HANDOVER_PROTOCOL" report={report} canStart />
        </Stack>
      ) : (
        <HandoverForm caseId={caseId} file={file} />
      )}
    </ReturnSection>
  );
};
