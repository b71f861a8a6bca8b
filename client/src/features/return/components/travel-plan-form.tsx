import { TravelDocumentTypeSchema, type CaseFile, type PutTravelPlanInput, type ReturnFile } from '@app/contracts';
import { Alert, Button, Checkbox, Divider, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { reportQueries } from '@/features/reports';
import { useCurrentUser } from '@/lib/auth';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { putTravelPlan } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { isSupervisor } from '../utils/return-access';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { todayIso } from '../utils/return-format';
import { DocumentPicker } from './document-picker';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';
import { FIELDS, LIMITS, type Values, resolver, valuesOf } from './travel-plan-values';
import { Readiness } from './travel-readiness';

// The travel plan, entered or changed by the staff.

export const TravelForm = ({ caseId, file, caseFile, onDone }: { caseId: string; file: ReturnFile; caseFile: CaseFile | undefined; onDone: () => void }) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const supervisor = isSupervisor(user.role);
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const plan = file.travelPlan;
  const organisations = useQuery(reportQueries.organisations());
  const missions = (organisations.data?.items ?? []).filter((organisation) => organisation.type === 'IOM_MISSION');
  const members = caseFile?.familyMembers ?? [];
  const form = useForm<Values, unknown, PutTravelPlanInput>({ resolver, defaultValues: valuesOf(plan) });
  const { errors } = form.formState;
  const [fitToTravel, escortRequired, consularContact, receivingCaregiverId, plannedDeparture] = useWatch({
    control: form.control,
    name: ['fitToTravel', 'escortRequired', 'consularContact', 'receivingCaregiverId', 'plannedDeparture'],
  });
  // Turning the escort off is a supervisor's decision with a reason; a caseworker keeps a waiver a
  // supervisor already gave, or turns the escort back on.
  const escortWasOn = plan?.escortRequired ?? true;
  const canTurnOff = supervisor || !escortWasOn;
  const mutation = useReturnMutation(caseId, (input: PutTravelPlanInput) => putTravelPlan(caseId, input, plan?.version ?? null));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.travel.saved') });
        onDone();
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: LIMITS }),
    }),
  );
  const select = (name: 'receivingCaregiverId' | 'receivingMissionId' | 'travelDocumentType', label: string, data: { value: string; label: string; disabled?: boolean }[], description?: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          description={description}
          required
          searchable
          data={data}
          value={field.value || null}
          onChange={(value) => field.onChange(name === 'travelDocumentType' ? (TravelDocumentTypeSchema.safeParse(value).data ?? '') : (value ?? ''))}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
          error={fieldError(errors[name])}
        />
      )}
    />
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="travel-form-heading" data-testid="travel-plan-form">
      <Stack gap="sm">
        <SubHeading id="travel-form-heading">{t(plan ? 'return.travel.editHeading' : 'return.travel.writeHeading')}</SubHeading>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <Readiness caseId={caseId} caseFile={caseFile} file={file} values={{ receivingCaregiverId, consularContact, plannedDeparture }} />
        <Divider label={t('return.travel.groups.reception')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {select(
            'receivingCaregiverId',
            t('return.travel.caregiver'),
            members.map((member) => ({
              value: member.id,
              label: `${member.firstName} ${member.lastName} (${member.relationship})${member.doNotContact ? ` – ${t('return.travel.doNotContact')}` : ''}`,
              disabled: member.doNotContact,
            })),
            members.length === 0 ? t('return.travel.noFamily') : t('return.travel.caregiverHint'),
          )}
          {select('receivingMissionId', t('return.travel.mission'), missions.map((mission) => ({ value: mission.id, label: mission.name })))}
        </SimpleGrid>
        <Checkbox label={t('return.travel.airportCollection')} description={t('return.travel.airportCollectionHint')} {...form.register('airportCollection')} />
        <Divider label={t('return.travel.groups.documents')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {select('travelDocumentType', t('return.travel.documentType'), TravelDocumentTypeSchema.options.map((value) => ({ value, label: t(`return.travel.documentTypes.${value}`) })))}
          <Stack gap={4} pt="lg">
            <Checkbox label={t('return.travel.documentReady')} {...form.register('travelDocumentReady')} />
            <Checkbox label={t('return.travel.consularContact')} description={t('return.travel.consularContactHint')} {...form.register('consularContact')} />
          </Stack>
        </SimpleGrid>
        <Controller
          control={form.control}
          name="travelDocumentId"
          render={({ field }) => (
            <DocumentPicker
              caseId={caseId}
              label={t('return.travel.document')}
              description={t('return.travel.documentHint')}
              types={['TRAVEL_DOC', 'ID_DOC']}
              uploadType="TRAVEL_DOC"
              uploadLabel={t('return.travel.uploadDocument')}
              defaultTitle={t('return.travel.documentTitle')}
              value={field.value}
              onChange={field.onChange}
              error={fieldError(errors.travelDocumentId)}
              canList
            />
          )}
        />
        {consularContact && (
          <Alert color="blue" p="xs">
            {t('return.travel.consularWarning')}
          </Alert>
        )}
        <Divider label={t('return.travel.groups.fitness')} labelPosition="left" />
        <Checkbox label={t('return.travel.fitToTravel')} {...form.register('fitToTravel')} />
        {fitToTravel && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('return.travel.fitnessAssessedOn')} required max={todayIso()} error={fieldError(errors.fitnessAssessedOn)} {...form.register('fitnessAssessedOn')} />
            <TextInput label={t('return.travel.fitnessAssessedBy')} required error={fieldError(errors.fitnessAssessedBy)} {...form.register('fitnessAssessedBy')} />
          </SimpleGrid>
        )}
        <Divider label={t('return.travel.groups.escort')} labelPosition="left" />
        <Checkbox
          label={t('return.travel.escortRequired')}
          description={canTurnOff ? t('return.travel.escortHintSupervisor') : t('return.travel.escortHintCaseworker')}
          disabled={!canTurnOff && escortRequired}
          error={fieldError(errors.escortRequired)}
          data-testid="travel-escort-required"
          {...form.register('escortRequired')}
        />
        {escortRequired ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('return.travel.escortName')} required error={fieldError(errors.escortName)} {...form.register('escortName')} />
            <TextInput label={t('return.travel.escortRole')} required error={fieldError(errors.escortRole)} {...form.register('escortRole')} />
          </SimpleGrid>
        ) : (
          <Textarea
            label={t('return.travel.waiverReason')}
            description={supervisor ? t('return.travel.waiverReasonHint') : t('return.travel.waiverKept')}
            required
            readOnly={!supervisor}
            autosize
            minRows={2}
            error={fieldError(errors.escortWaiverReason)}
            data-testid="travel-waiver-reason"
            {...form.register('escortWaiverReason')}
          />
        )}
        <Divider label={t('return.travel.groups.journey')} labelPosition="left" />
        <Textarea label={t('return.travel.itinerary')} description={t('return.travel.itineraryHint')} required autosize minRows={2} error={fieldError(errors.itinerary)} {...form.register('itinerary')} />
        <TextInput type="datetime-local" label={t('return.travel.plannedDeparture')} required error={fieldError(errors.plannedDeparture)} data-testid="travel-departure" {...form.register('plannedDeparture')} />
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} data-testid="travel-save">
            {t('return.travel.save')}
          </Button>
          {plan && (
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
};
