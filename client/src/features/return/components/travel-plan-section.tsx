import {
  PutTravelPlanSchema,
  TravelDocumentTypeSchema,
  type CaseFile,
  type PutTravelPlanInput,
  type ReturnFile,
  type RiskCheck,
  type TravelDocumentType,
  type TravelPlan,
} from '@app/contracts';
import { Alert, Anchor, Button, Checkbox, Divider, Group, List, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseFileQueries } from '@/features/case-file/api/case-file-queries';
import { EmptyState } from '@/features/case-file/components/query-state';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/features/case-file/utils/form-values';
import { reportQueries } from '@/features/reports/api/reports-queries';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth';
import { formatCalendarDate } from '@/lib/format';
import { returnResolver } from '../utils/return-zod';
import { useLocale } from '@/lib/i18n';
import { putTravelPlan } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { AFTER_COURT_APPROVAL, TRAVEL_PLAN_STATES, isIn, isSupervisor } from '../utils/return-access';
import { applyReturnFieldErrors, hasReturnFieldErrors, useReturnFieldErrorText } from '../utils/return-errors';
import { formatDateTime, todayIso } from '../utils/return-format';
import { DocumentPicker } from './document-picker';
import { ReturnError } from './return-error';
import { ReturnReportLink } from './return-report-link';
import { ReturnSection, SubHeading, type SectionProps } from './return-section';
import { TransitionChecklist } from './step-checklist';

type Values = {
  receivingCaregiverId: string;
  airportCollection: boolean;
  receivingMissionId: string;
  travelDocumentType: TravelDocumentType | '';
  travelDocumentReady: boolean;
  travelDocumentId: string;
  consularContact: boolean;
  fitToTravel: boolean;
  fitnessAssessedOn: string;
  fitnessAssessedBy: string;
  escortRequired: boolean;
  escortName: string;
  escortRole: string;
  escortWaiverReason: string;
  itinerary: string;
  plannedDeparture: string;
};
const FIELDS = [
  'receivingCaregiverId',
  'airportCollection',
  'receivingMissionId',
  'travelDocumentType',
  'travelDocumentReady',
  'travelDocumentId',
  'consularContact',
  'fitToTravel',
  'fitnessAssessedOn',
  'fitnessAssessedBy',
  'escortRequired',
  'escortName',
  'escortRole',
  'escortWaiverReason',
  'itinerary',
  'plannedDeparture',
] as const;
const LIMITS = { fitnessAssessedBy: { min: 2, max: 200 }, escortName: { min: 2, max: 200 }, escortRole: { min: 2, max: 200 }, escortWaiverReason: { min: 3, max: 2000 }, itinerary: { min: 3, max: 4000 } };

const toInput = (values: Values) => ({
  receivingCaregiverId: values.receivingCaregiverId || undefined,
  airportCollection: values.airportCollection,
  receivingMissionId: values.receivingMissionId || undefined,
  travelDocumentType: values.travelDocumentType || undefined,
  travelDocumentReady: values.travelDocumentReady,
  consularContact: values.consularContact,
  fitToTravel: values.fitToTravel,
  escortRequired: values.escortRequired,
  itinerary: values.itinerary,
  plannedDeparture: localDateTimeToIso(values.plannedDeparture),
  ...(values.travelDocumentId ? { travelDocumentId: values.travelDocumentId } : {}),
  ...(values.fitnessAssessedOn ? { fitnessAssessedOn: values.fitnessAssessedOn } : {}),
  ...(values.fitnessAssessedBy.trim() ? { fitnessAssessedBy: values.fitnessAssessedBy } : {}),
  ...(values.escortRequired && values.escortName.trim() ? { escortName: values.escortName } : {}),
  ...(values.escortRequired && values.escortRole.trim() ? { escortRole: values.escortRole } : {}),
  ...(!values.escortRequired && values.escortWaiverReason.trim() ? { escortWaiverReason: values.escortWaiverReason } : {}),
});
const resolver = returnResolver(PutTravelPlanSchema, toInput);

const valuesOf = (plan: TravelPlan | null): Values => ({
  receivingCaregiverId: plan?.receivingCaregiver.id ?? '',
  airportCollection: plan?.airportCollection ?? true,
  receivingMissionId: plan?.receivingMission.id ?? '',
  travelDocumentType: plan?.travelDocumentType ?? '',
  travelDocumentReady: plan?.travelDocumentReady ?? false,
  travelDocumentId: plan?.travelDocumentId ?? '',
  consularContact: plan?.consularContact ?? false,
  fitToTravel: plan?.fitToTravel ?? false,
  fitnessAssessedOn: plan?.fitnessAssessedOn ?? '',
  fitnessAssessedBy: plan?.fitnessAssessedBy ?? '',
  escortRequired: plan?.escortRequired ?? true,
  escortName: plan?.escortName ?? '',
  escortRole: plan?.escortRole ?? '',
  escortWaiverReason: plan?.escortWaiver?.reason ?? '',
  itinerary: plan?.itinerary ?? '',
  plannedDeparture: plan ? toLocalDateTimeInput(new Date(plan.plannedDeparture)) : '',
});

// The latest risk check of a stage, newest first.
const latestCheck = (checks: readonly RiskCheck[], stage: RiskCheck['stage']) => checks.filter((check) => check.stage === stage).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;

// Departure before the 18th birthday, or within a recorded prosieguo (domain §4 #18).
const departureFits = (plannedDeparture: string, eighteenth: string | null, prosieguoUntil: string | null): boolean | null => {
  if (!plannedDeparture || !eighteenth) return null;
  const day = plannedDeparture.slice(0, 10);
  return day < eighteenth || (prosieguoUntil !== null && day <= prosieguoUntil);
};

// What the approval of the operational plan rests on, from the records: each line says what is
// there and where the rest is recorded.
const Readiness = ({ caseId, caseFile, file, values }: { caseId: string; caseFile: CaseFile | undefined; file: ReturnFile; values: Pick<Values, 'receivingCaregiverId' | 'consularContact' | 'plannedDeparture'> }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const checks = caseFile?.riskChecks ?? [];
  const preReturn = latestCheck(checks, 'PRE_RETURN');
  const consular = latestCheck(checks, 'PRE_CONTACT_CONSULATE');
  const acceptance = (caseFile?.consents ?? []).find(
    (consent) => consent.scope === 'RETURN_ACCEPTANCE' && consent.subject === 'FAMILY_MEMBER' && consent.familyMemberId === values.receivingCaregiverId && consent.withdrawnAt === null,
  );
  const describe = (check: RiskCheck | null) =>
    check
      ? t('return.travel.checkLine', {
          decision: t(`caseFile.riskChecks.decisions.${check.decision}`),
          approval: check.approved ? t('return.travel.checkApproved') : t('return.travel.checkPending'),
        })
      : t('return.travel.checkMissing');
  const fits = departureFits(values.plannedDeparture, file.eighteenthBirthday, file.prosieguoUntil);
  const consentsLink = (
    <Anchor component={Link} to={paths.caseTab(caseId, 'consents')} size="sm">
      {t('return.travel.recordInConsents')}
    </Anchor>
  );
  if (!caseFile) return <Text size="sm" c="dimmed">{t('return.travel.readingRecords')}</Text>;
  return (
    <List spacing={4} size="sm" data-testid="travel-readiness">
      <List.Item>
        {t('return.travel.preReturn')}: {describe(preReturn)} {!(preReturn?.approved && preReturn.decision !== 'DO_NOT_PROCEED') && consentsLink}
      </List.Item>
      <List.Item>
        {t('return.travel.caregiverAcceptance')}:{' '}
        {acceptance ? t('return.travel.acceptanceGiven', { date: formatDateTime(acceptance.givenAt, locale) }) : t('return.travel.acceptanceMissing')} {!acceptance && consentsLink}
      </List.Item>
      {values.consularContact && (
        <List.Item>
          {t('return.travel.consular')}: {describe(consular)} {!(consular?.approved && consular.decision !== 'DO_NOT_PROCEED') && consentsLink}
        </List.Item>
      )}
      <List.Item>
        {t('return.travel.planApproval')}: {file.reintegrationPlan?.approved ? t('return.travel.planApproved') : t('return.travel.planNotApproved')}
      </List.Item>
      <List.Item data-testid="travel-age">
        {file.eighteenthBirthday
          ? t('return.travel.eighteenth', { date: formatCalendarDate(file.eighteenthBirthday, locale) })
          : t('return.travel.noBirthday')}
        {file.prosieguoUntil && ` · ${t('return.travel.prosieguo', { date: formatCalendarDate(file.prosieguoUntil, locale) })}`}
        {fits === true && ` · ${t('return.travel.departureFits')}`}
        {fits === false && (
          <Text span c="red.8" fw={600}>
            {' '}
            · {t('return.travel.departureTooLate')}
          </Text>
        )}
      </List.Item>
    </List>
  );
};

const TravelForm = ({ caseId, file, caseFile, onDone }: { caseId: string; file: ReturnFile; caseFile: CaseFile | undefined; onDone: () => void }) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const supervisor = isSupervisor(user.role);
  const fieldError = useReturnFieldErrorText();
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
      onError: (error) => applyReturnFieldErrors(error, form.setError, FIELDS, LIMITS),
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
        {mutation.isError && !hasReturnFieldErrors(mutation.error, FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
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

const PlanView = ({ plan }: { plan: TravelPlan }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const yes = (value: boolean) => t(value ? 'return.common.yes' : 'return.common.no');
  const rows: [string, string][] = [
    [t('return.travel.caregiver'), `${plan.receivingCaregiver.name} (${plan.receivingCaregiver.relationship})`],
    [t('return.travel.airportCollection'), yes(plan.airportCollection)],
    [t('return.travel.mission'), plan.receivingMission.name],
    [t('return.travel.documentType'), `${t(`return.travel.documentTypes.${plan.travelDocumentType}`)} · ${t(plan.travelDocumentReady ? 'return.travel.ready' : 'return.travel.notReady')}`],
    [t('return.travel.consularContact'), yes(plan.consularContact)],
    [
      t('return.travel.fitToTravel'),
      plan.fitToTravel && plan.fitnessAssessedOn ? t('return.travel.fitLine', { by: plan.fitnessAssessedBy ?? '', date: formatCalendarDate(plan.fitnessAssessedOn, locale) }) : yes(false),
    ],
    [
      t('return.travel.escort'),
      plan.escortRequired
        ? plan.escortName
          ? `${plan.escortName} (${plan.escortRole ?? ''})`
          : t('return.travel.escortToName')
        : plan.escortWaiver
          ? t('return.travel.waiverLine', { by: plan.escortWaiver.by.displayName, date: formatDateTime(plan.escortWaiver.at, locale), reason: plan.escortWaiver.reason })
          : t('return.travel.noEscort'),
    ],
    [t('return.travel.itinerary'), plan.itinerary],
    [t('return.travel.plannedDeparture'), formatDateTime(plan.plannedDeparture, locale)],
  ];
  return (
    <Stack gap={6} data-testid="travel-plan">
      {rows.map(([label, value]) => (
        <Group key={label} gap="xs" align="flex-start" wrap="nowrap">
          <Text size="sm" fw={600} w={220} style={{ flexShrink: 0 }}>
            {label}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {value}
          </Text>
        </Group>
      ))}
      {!plan.departureBeforeEighteen && (
        <Alert color="red" p="xs" data-testid="travel-too-late">
          {t('return.travel.departureTooLateLong')}
        </Alert>
      )}
    </Stack>
  );
};

// The AVR travel plan (domain §3.10, §4 #18): the receiving caregiver and their written acceptance
// with airport collection, the mission, the travel documents (the consulate only after its risk
// check), fitness to travel, the escort (on by default; off only by a supervisor, with a reason),
// the itinerary and a departure before the 18th birthday. The supervisor approves the operational
// plan by moving the case to "preparation" once every line is met.
export const TravelPlanSection = ({ caseId, caseDetail, file, collapsed = false }: SectionProps) => {
  const { t } = useTranslation();
  const editable = isIn(TRAVEL_PLAN_STATES, caseDetail.state);
  const caseFileQuery = useQuery({ ...caseFileQueries.file(caseId), enabled: editable });
  const [editing, setEditing] = useState(false);
  const plan = file.travelPlan;
  const step = caseDetail.transitions.find((transition) => transition.id === 'approve_avr_plan' || transition.id === 'depart');
  const note = file.reports.find((ref) => ref.kind === 'AVR_OPERATIONAL_NOTE');
  if (!plan && !isIn(AFTER_COURT_APPROVAL, caseDetail.state)) return null;
  return (
    <ReturnSection collapsed={collapsed}
      id="travel"
      title={t('return.sections.travel')}
      intro={t('return.travel.intro')}
      aside={
        plan && editable && !editing ? (
          <Button variant="light" onClick={() => setEditing(true)} data-testid="travel-edit">
            {t('return.travel.edit')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="md">
        {step && <TransitionChecklist caseId={caseId} transition={step} />}
        {editable && (editing || !plan) ? (
          <TravelForm caseId={caseId} file={file} caseFile={caseFileQuery.data} onDone={() => setEditing(false)} />
        ) : plan ? (
          <PlanView plan={plan} />
        ) : (
          <EmptyState testId="travel-empty">{t('return.travel.empty')}</EmptyState>
        )}
        {plan && (
          <>
            <Divider />
            <ReturnReportLink caseId={caseId} state={caseDetail.state} kind="AVR_OPERATIONAL_NOTE" report={note} canStart />
          </>
        )}
      </Stack>
    </ReturnSection>
  );
};
