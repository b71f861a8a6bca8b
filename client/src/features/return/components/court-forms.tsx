import {
  addYears,
  CourtFilerSchema,
  type CourtFiler,
  CreateCourtProceedingSchema,
  RecordCourtDecisionSchema,
  RecordHearingSchema,
  RecordProsieguoSchema,
  ScheduleHearingSchema,
  type CreateCourtProceedingInput,
  type RecordCourtDecisionInput,
  type RecordHearingInput,
  type RecordProsieguoInput,
  type ScheduleHearingInput,
} from '@app/contracts';
import { Alert, Button, Checkbox, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/features/case-file/utils/form-values';
import { documentQueries } from '@/features/documents/api/documents-queries';
import { reportQueries } from '@/features/reports/api/reports-queries';
import { useCurrentUser } from '@/lib/auth';
import { appNow } from '@/lib/clock';
import { returnResolver } from '../utils/return-zod';
import { attachDecree, createCourtProceeding, recordCourtDecision, recordHearing, recordProsieguo, scheduleHearing } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { applyReturnFieldErrors, hasReturnFieldErrors, useReturnFieldErrorText } from '../utils/return-errors';
import { addDays, todayIso } from '../utils/return-format';
import { DocumentPicker } from './document-picker';
import { CourtSelect } from './court-select';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

type Done = { onDone: () => void };

// ---------------------------------------------------------------------------------------------
// Staff record the filing of the art. 8 petition (IOM does not file it)

type FilingValues = {
  courtOrganisationId: string;
  docketNumber: string;
  filedBy: CourtFiler | '';
  filedByName: string;
  filedOn: string;
  familyAssessmentReportId: string;
  socialServicesReportDocumentId: string;
  reintegrationProposal: boolean;
  otherDocumentIds: string[];
};
const FILING_FIELDS = ['courtOrganisationId', 'docketNumber', 'filedBy', 'filedByName', 'filedOn', 'familyAssessmentReportId', 'socialServicesReportDocumentId', 'reintegrationProposal', 'otherDocumentIds'] as const;
const filingResolver = returnResolver(CreateCourtProceedingSchema, (values: FilingValues) => ({
  courtOrganisationId: values.courtOrganisationId || undefined,
  docketNumber: values.docketNumber,
  filedBy: values.filedBy || undefined,
  filedByName: values.filedByName,
  filedOn: values.filedOn,
  familyAssessmentReportId: values.familyAssessmentReportId || undefined,
  socialServicesReportDocumentId: values.socialServicesReportDocumentId || undefined,
  // The literal true: unchecked is sent as false, which the schema refuses with a field error.
  reintegrationProposal: values.reintegrationProposal as true,
  otherDocumentIds: values.otherDocumentIds,
}));

export const FilingForm = ({ caseId, hasPlan, onDone }: { caseId: string; hasPlan: boolean } & Done) => {
  const { t } = useTranslation();
  const fieldError = useReturnFieldErrorText();
  const reports = useQuery(reportQueries.list(caseId));
  const documents = useQuery(documentQueries.list(caseId));
  const released = (reports.data?.items ?? []).filter((report) => report.kind === 'FAMILY_ASSESSMENT' && report.released);
  const defaults = useMemo<FilingValues>(
    () => ({
      courtOrganisationId: '',
      docketNumber: '',
      filedBy: '',
      filedByName: '',
      filedOn: todayIso(),
      familyAssessmentReportId: '',
      socialServicesReportDocumentId: '',
      reintegrationProposal: hasPlan,
      otherDocumentIds: [],
    }),
    [hasPlan],
  );
  const form = useForm<FilingValues, unknown, CreateCourtProceedingInput>({ resolver: filingResolver, defaultValues: defaults });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: CreateCourtProceedingInput) => createCourtProceeding(caseId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.filed') });
        onDone();
      },
      onError: (error) => applyReturnFieldErrors(error, form.setError, FILING_FIELDS, { docketNumber: { min: 1, max: 60 }, filedByName: { min: 2, max: 200 } }),
    }),
  );
  // The released report is usually the only one: chosen for the user.
  const onlyReport = released.length === 1 ? released[0]!.id : '';
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="court-filing-heading" data-testid="court-filing-form">
      <Stack gap="sm">
        <SubHeading id="court-filing-heading">{t('return.court.filingHeading')}</SubHeading>
        <Text size="sm" c="dimmed">
          {t('return.court.filingIntro')}
        </Text>
        {mutation.isError && !hasReturnFieldErrors(mutation.error, FILING_FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CourtSelect control={form.control} name="courtOrganisationId" searchable error={fieldError(errors.courtOrganisationId)} />
          <TextInput label={t('return.court.docketNumber')} description={t('return.court.docketHint')} required error={fieldError(errors.docketNumber)} {...form.register('docketNumber')} />
          <Controller
            control={form.control}
            name="filedBy"
            render={({ field }) => (
              <Select
                label={t('return.court.filedBy')}
                required
                data={CourtFilerSchema.options.map((value) => ({ value, label: t(`return.court.filers.${value}`) }))}
                value={field.value || null}
                onChange={(value) => field.onChange(CourtFilerSchema.safeParse(value).data ?? '')}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.filedBy)}
              />
            )}
          />
          <TextInput label={t('return.court.filedByName')} required error={fieldError(errors.filedByName)} {...form.register('filedByName')} />
          <TextInput type="date" label={t('return.court.filedOn')} required max={todayIso()} error={fieldError(errors.filedOn)} {...form.register('filedOn')} />
          <Controller
            control={form.control}
            name="familyAssessmentReportId"
            render={({ field }) => (
              <Select
                label={t('return.court.familyReport')}
                description={released.length === 0 && reports.isSuccess ? t('return.court.noReleasedReport') : undefined}
                required
                data={released.map((report) => ({ value: report.id, label: t('return.court.releasedReport', { version: report.latestReleasedVersionNo ?? report.currentVersionNo }) }))}
                value={field.value || onlyReport || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.familyAssessmentReportId)}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="socialServicesReportDocumentId"
          render={({ field }) => (
            <DocumentPicker
              caseId={caseId}
              label={t('return.court.ssReport')}
              description={t('return.court.ssReportHint')}
              types={['SOCIAL_SERVICES_REPORT']}
              uploadType="SOCIAL_SERVICES_REPORT"
              uploadLabel={t('return.court.uploadSsReport')}
              defaultTitle={t('return.court.ssReportTitle')}
              value={field.value}
              onChange={field.onChange}
              required
              error={fieldError(errors.socialServicesReportDocumentId)}
              canList
              testId="court-ss-report"
            />
          )}
        />
        <Checkbox
          label={t('return.court.proposal')}
          description={hasPlan ? t('return.court.proposalHint') : t('return.court.proposalMissing')}
          disabled={!hasPlan}
          error={fieldError(errors.reintegrationProposal)}
          {...form.register('reintegrationProposal')}
        />
        <Controller
          control={form.control}
          name="otherDocumentIds"
          render={({ field }) => (
            <MultiSelect
              label={t('return.court.otherDocuments')}
              data={(documents.data?.items ?? []).map((doc) => ({ value: doc.id, label: `${doc.title} (${t(`documents.types.${doc.type}`)})` }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              clearable
              error={fieldError(errors.otherDocumentIds as Parameters<typeof fieldError>[0])}
            />
          )}
        />
        <Group gap="sm">
          <Button
            type="submit"
            loading={mutation.isPending}
            data-testid="court-filing-submit"
            onClick={() => {
              if (!form.getValues('familyAssessmentReportId') && onlyReport) form.setValue('familyAssessmentReportId', onlyReport);
            }}
          >
            {t('return.court.fileSubmit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

// ---------------------------------------------------------------------------------------------
// Hearings

type ScheduleValues = { scheduledAt: string; note: string };
const SCHEDULE_FIELDS = ['scheduledAt', 'note'] as const;
const scheduleResolver = returnResolver(ScheduleHearingSchema, (values: ScheduleValues) => ({
  scheduledAt: localDateTimeToIso(values.scheduledAt),
  ...(values.note.trim() ? { note: values.note } : {}),
}));

export const ScheduleHearingForm = ({ caseId, proceedingId, onDone }: { caseId: string; proceedingId: string } & Done) => {
  const { t } = useTranslation();
  const fieldError = useReturnFieldErrorText();
  const form = useForm<ScheduleValues, unknown, ScheduleHearingInput>({ resolver: scheduleResolver, defaultValues: { scheduledAt: '', note: '' } });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: ScheduleHearingInput) => scheduleHearing(caseId, proceedingId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.hearingScheduled') });
        onDone();
      },
      onError: (error) => applyReturnFieldErrors(error, form.setError, SCHEDULE_FIELDS, { note: { max: 2000 } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('return.court.scheduleHearing')} data-testid="hearing-schedule-form">
      <Stack gap="xs">
        {mutation.isError && !hasReturnFieldErrors(mutation.error, SCHEDULE_FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <Group align="flex-start" grow>
          <TextInput type="datetime-local" label={t('return.court.scheduledAt')} required error={fieldError(errors.scheduledAt)} {...form.register('scheduledAt')} />
          <TextInput label={t('return.court.hearingNote')} error={fieldError(errors.note)} {...form.register('note')} />
        </Group>
        <Group gap="xs">
          <Button type="submit" size="xs" loading={mutation.isPending}>
            {t('return.court.scheduleSubmit')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

type HearingValues = { heldAt: string; minorHeard: boolean; guardianHeard: boolean; interpreterName: string; interpreterLanguage: string; notes: string };
const HEARING_FIELDS = ['heldAt', 'minorHeard', 'guardianHeard', 'interpreterName', 'interpreterLanguage', 'notes'] as const;
const hearingResolver = returnResolver(RecordHearingSchema, (values: HearingValues) => ({
  heldAt: localDateTimeToIso(values.heldAt),
  minorHeard: values.minorHeard,
  guardianHeard: values.guardianHeard,
  ...(values.interpreterName.trim() ? { interpreterName: values.interpreterName } : {}),
  ...(values.interpreterLanguage.trim() ? { interpreterLanguage: values.interpreterLanguage } : {}),
  ...(values.notes.trim() ? { notes: values.notes } : {}),
}));

export const RecordHearingForm = ({ caseId, hearingId, scheduledAt, onDone }: { caseId: string; hearingId: string; scheduledAt: string } & Done) => {
  const { t } = useTranslation();
  const fieldError = useReturnFieldErrorText();
  const now = appNow();
  const initial = new Date(scheduledAt) < now ? toLocalDateTimeInput(new Date(scheduledAt)) : toLocalDateTimeInput(now);
  const form = useForm<HearingValues, unknown, RecordHearingInput>({
    resolver: hearingResolver,
    defaultValues: { heldAt: initial, minorHeard: true, guardianHeard: true, interpreterName: '', interpreterLanguage: '', notes: '' },
  });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: RecordHearingInput) => recordHearing(caseId, hearingId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.hearingRecorded') });
        onDone();
      },
      onError: (error) => applyReturnFieldErrors(error, form.setError, HEARING_FIELDS, { interpreterName: { min: 2, max: 200 }, interpreterLanguage: { min: 2, max: 40 }, notes: { max: 4000 } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('return.court.recordHearing')} data-testid="hearing-record-form">
      <Stack gap="xs">
        {mutation.isError && !hasReturnFieldErrors(mutation.error, HEARING_FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <TextInput type="datetime-local" label={t('return.court.heldAt')} required max={toLocalDateTimeInput(now)} error={fieldError(errors.heldAt)} {...form.register('heldAt')} />
        <Group>
          <Checkbox label={t('return.court.minorHeard')} {...form.register('minorHeard')} />
          <Checkbox label={t('return.court.guardianHeard')} {...form.register('guardianHeard')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('return.court.interpreterName')} error={fieldError(errors.interpreterName)} {...form.register('interpreterName')} />
          <TextInput label={t('return.court.interpreterLanguage')} error={fieldError(errors.interpreterLanguage)} {...form.register('interpreterLanguage')} />
        </Group>
        <Textarea label={t('return.court.hearingNotes')} autosize minRows={2} error={fieldError(errors.notes)} {...form.register('notes')} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={mutation.isPending} data-testid="hearing-record-submit">
            {t('return.court.recordHearingSubmit')}
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
// The decision and its decree

type DecisionValues = { outcome: 'RETURN_ORDERED' | 'RETURN_REJECTED' | ''; decidedOn: string; reasonsSummary: string; decreeDocumentId: string; appealDeadline: string };
const DECISION_FIELDS = ['outcome', 'decidedOn', 'reasonsSummary', 'decreeDocumentId', 'appealDeadline'] as const;
const decisionResolver = returnResolver(RecordCourtDecisionSchema, (values: DecisionValues) => ({
  outcome: values.outcome || undefined,
  decidedOn: values.decidedOn,
  reasonsSummary: values.reasonsSummary,
  ...(values.decreeDocumentId ? { decreeDocumentId: values.decreeDocumentId } : {}),
  ...(values.appealDeadline ? { appealDeadline: values.appealDeadline } : {}),
}));

export const DecisionForm = ({ caseId, proceedingId, canList, onDone }: { caseId: string; proceedingId: string; canList: boolean } & Done) => {
  const { t } = useTranslation();
  const fieldError = useReturnFieldErrorText();
  const form = useForm<DecisionValues, unknown, RecordCourtDecisionInput>({
    resolver: decisionResolver,
    defaultValues: { outcome: '', decidedOn: todayIso(), reasonsSummary: '', decreeDocumentId: '', appealDeadline: '' },
  });
  const { errors } = form.formState;
  const decree = useWatch({ control: form.control, name: 'decreeDocumentId' });
  const mutation = useReturnMutation(caseId, (input: RecordCourtDecisionInput) => recordCourtDecision(caseId, proceedingId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.decisionRecorded') });
        onDone();
      },
      onError: (error) => applyReturnFieldErrors(error, form.setError, DECISION_FIELDS, { reasonsSummary: { min: 3, max: 4000 } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`decision-${proceedingId}-heading`} data-testid="decision-form">
      <Stack gap="sm">
        <SubHeading id={`decision-${proceedingId}-heading`}>{t('return.court.decisionHeading')}</SubHeading>
        {mutation.isError && !hasReturnFieldErrors(mutation.error, DECISION_FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <Controller
          control={form.control}
          name="outcome"
          render={({ field }) => (
            <Radio.Group label={t('return.court.outcome')} required value={field.value} onChange={(value) => field.onChange(value === 'RETURN_ORDERED' || value === 'RETURN_REJECTED' ? value : '')} name={field.name} error={fieldError(errors.outcome)}>
              <Group mt="xs">
                <Radio value="RETURN_ORDERED" label={t('return.court.outcomes.RETURN_ORDERED')} />
                <Radio value="RETURN_REJECTED" label={t('return.court.outcomes.RETURN_REJECTED')} />
              </Group>
            </Radio.Group>
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('return.court.decidedOn')} required max={todayIso()} error={fieldError(errors.decidedOn)} {...form.register('decidedOn')} />
          <TextInput type="date" label={t('return.court.appealDeadline')} description={t('return.court.appealHint')} error={fieldError(errors.appealDeadline)} {...form.register('appealDeadline')} />
        </SimpleGrid>
        <Textarea label={t('return.court.reasonsSummary')} required autosize minRows={3} error={fieldError(errors.reasonsSummary)} data-testid="decision-reasons" {...form.register('reasonsSummary')} />
        <Controller
          control={form.control}
          name="decreeDocumentId"
          render={({ field }) => (
            <DocumentPicker
              caseId={caseId}
              label={t('return.court.decree')}
              description={t('return.court.decreeHint')}
              types={['COURT_DECREE']}
              uploadType="COURT_DECREE"
              target="decree"
              uploadLabel={t('return.court.uploadDecree')}
              defaultTitle={t('return.court.decreeTitle')}
              value={field.value}
              onChange={field.onChange}
              error={fieldError(errors.decreeDocumentId)}
              canList={canList}
              testId="decision-decree"
            />
          )}
        />
        {!decree && (
          <Alert color="yellow" p="xs">
            {t('return.court.decreeLater')}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} data-testid="decision-submit">
            {t('return.court.decisionSubmit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const AttachDecreeForm = ({ caseId, decisionId, canList, onDone }: { caseId: string; decisionId: string; canList: boolean } & Done) => {
  const { t } = useTranslation();
  const mutation = useReturnMutation(caseId, (documentId: string) => attachDecree(caseId, decisionId, documentId));
  const attach = (documentId: string) => {
    if (!documentId) return;
    mutation.mutate(documentId, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.decreeAttached') });
        onDone();
      },
    });
  };
  return (
    <Stack gap="xs" data-testid="attach-decree">
      <DocumentPicker
        caseId={caseId}
        label={t('return.court.decree')}
        types={['COURT_DECREE']}
        uploadType="COURT_DECREE"
        target="decree"
        uploadLabel={t('return.court.uploadDecree')}
        defaultTitle={t('return.court.decreeTitle')}
        value=""
        onChange={attach}
        required
        canList={canList}
        testId="attach-decree-picker"
      />
      {mutation.isPending && <Text size="sm">{t('return.court.attaching')}</Text>}
      {mutation.isError && <ReturnError caseId={caseId} error={mutation.error} />}
    </Stack>
  );
};

// ---------------------------------------------------------------------------------------------
// Prosieguo amministrativo (art. 13): continued support after 18, up to 21

type ProsieguoValues = { courtOrganisationId: string; docketNumber: string; decidedOn: string; prosieguoUntil: string; decreeDocumentId: string; reasonsSummary: string };
const PROSIEGUO_FIELDS = ['courtOrganisationId', 'docketNumber', 'decidedOn', 'prosieguoUntil', 'decreeDocumentId', 'reasonsSummary'] as const;
const prosieguoResolver = returnResolver(RecordProsieguoSchema, (values: ProsieguoValues) => ({
  docketNumber: values.docketNumber,
  decidedOn: values.decidedOn,
  prosieguoUntil: values.prosieguoUntil,
  decreeDocumentId: values.decreeDocumentId || undefined,
  ...(values.courtOrganisationId ? { courtOrganisationId: values.courtOrganisationId } : {}),
  ...(values.reasonsSummary.trim() ? { reasonsSummary: values.reasonsSummary } : {}),
}));

export const ProsieguoForm = ({ caseId, eighteenthBirthday, onDone }: { caseId: string; eighteenthBirthday: string | null } & Done) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const staff = user.role !== 'court';
  const fieldError = useReturnFieldErrorText();
  const form = useForm<ProsieguoValues, unknown, RecordProsieguoInput>({
    resolver: prosieguoResolver,
    defaultValues: { courtOrganisationId: '', docketNumber: '', decidedOn: todayIso(), prosieguoUntil: '', decreeDocumentId: '', reasonsSummary: '' },
  });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: RecordProsieguoInput) => recordProsieguo(caseId, input));
  const submit = form.handleSubmit((input) => {
    if (staff && !input.courtOrganisationId) {
      form.setError('courtOrganisationId', { type: 'required', message: 'validation.required' }, { shouldFocus: true });
      return;
    }
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.prosieguoRecorded') });
        onDone();
      },
      onError: (error) => applyReturnFieldErrors(error, form.setError, PROSIEGUO_FIELDS, { docketNumber: { min: 1, max: 60 }, reasonsSummary: { max: 4000 } }),
    });
  });
  // After the 18th birthday, no later than the 21st (the server checks it too).
  const min = eighteenthBirthday ? addDays(eighteenthBirthday, 1) : undefined;
  const max = eighteenthBirthday ? addYears(eighteenthBirthday, 3) : undefined;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="prosieguo-form-heading" data-testid="prosieguo-form">
      <Stack gap="sm">
        <SubHeading id="prosieguo-form-heading">{t('return.court.prosieguoHeading')}</SubHeading>
        <Text size="sm" c="dimmed">
          {t('return.court.prosieguoIntro')}
        </Text>
        {mutation.isError && !hasReturnFieldErrors(mutation.error, PROSIEGUO_FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {staff && (
            <CourtSelect control={form.control} name="courtOrganisationId" error={fieldError(errors.courtOrganisationId)} />
          )}
          <TextInput label={t('return.court.docketNumber')} required error={fieldError(errors.docketNumber)} {...form.register('docketNumber')} />
          <TextInput type="date" label={t('return.court.decidedOn')} required max={todayIso()} error={fieldError(errors.decidedOn)} {...form.register('decidedOn')} />
          <TextInput
            type="date"
            label={t('return.court.prosieguoUntil')}
            description={t('return.court.prosieguoUntilHint')}
            required
            min={min}
            max={max}
            error={fieldError(errors.prosieguoUntil)}
            {...form.register('prosieguoUntil')}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="decreeDocumentId"
          render={({ field }) => (
            <DocumentPicker
              caseId={caseId}
              label={t('return.court.decree')}
              types={['COURT_DECREE']}
              uploadType="COURT_DECREE"
              target="decree"
              uploadLabel={t('return.court.uploadDecree')}
              defaultTitle={t('return.court.prosieguoDecreeTitle')}
              value={field.value}
              onChange={field.onChange}
              required
              error={fieldError(errors.decreeDocumentId)}
              canList={staff}
              testId="prosieguo-decree"
            />
          )}
        />
        <Textarea label={t('return.court.reasonsSummary')} autosize minRows={2} error={fieldError(errors.reasonsSummary)} {...form.register('reasonsSummary')} />
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            {t('return.court.prosieguoSubmit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
