import { CourtFilerSchema, type CourtFiler, CreateCourtProceedingSchema, type CreateCourtProceedingInput } from '@app/contracts';
import { Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { documentQueries } from '@/features/documents';
import { reportQueries } from '@/features/reports';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { createCourtProceeding } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { todayIso } from '../utils/return-format';
import { returnResolver } from '../utils/return-zod';
import { CourtSelect } from './court-select';
import { DocumentPicker } from './document-picker';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

// Staff record the filing of the art. 8 petition (IOM does not file it).

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

export const FilingForm = ({ caseId, hasPlan, onDone }: { caseId: string; hasPlan: boolean; onDone: () => void }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
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
      onError: (error) => applyServerFieldErrors(error, form.setError, FILING_FIELDS, {
        vocabulary: RETURN_FIELD_ERRORS,
        limits: { docketNumber: { min: 1, max: 60 }, filedByName: { min: 2, max: 200 } },
      }),
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
        {mutation.isError && !hasFieldErrorsFor(mutation.error, FILING_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
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
