import type { PortalTracingRequestInput, PortalTracingRequestResult } from '@app/contracts';
import { Alert, Button, Card, Checkbox, Fieldset, Group, NativeSelect, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { countryOptions } from '@/lib/countries';
import { useLocale } from '@/lib/i18n';
import { casesKey } from '@/lib/query-keys';
import { submitPortalTracingRequest } from '../api/portal-api';
import { usePortalErrorMessage } from '../utils/portal-form-errors';
import { todayIso } from '../utils/portal-format';
import {
  checkTracingRequest,
  emptyTracingRequest,
  fieldForPath,
  type TracingRequestErrors,
  type TracingRequestField,
  type TracingRequestValues,
} from '../utils/tracing-request-values';

const ORDER: readonly TracingRequestField[] = [
  'firstName',
  'lastName',
  'aliases',
  'sex',
  'nationality',
  'dateOfBirth',
  'dobBasis',
  'ageAssessmentMin',
  'ageAssessmentMax',
  'languages',
  'municipality',
  'receptionFacility',
  'requestDate',
  'channel',
  'dgProtocolNo',
  'questions',
  'familyInformation',
];

const fieldId = (field: TracingRequestField) => `tracing-request-${field}`;

// Social services ask IOM for a family tracing (domain §0.2, §4 #1): the minor as the office knows
// them, the questions the assessment should answer, what the office knows of the family. It
// arrives as a new case for the IOM unit, waiting for a caseworker.
export const TracingRequestForm = ({ onSent }: { onSent: (result: PortalTracingRequestResult) => void }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const errorMessage = usePortalErrorMessage('portal.tracingRequest.conflict');
  const [values, setValues] = useState<TracingRequestValues>(() => emptyTracingRequest(todayIso()));
  const [errors, setErrors] = useState<TracingRequestErrors>({});
  const [withoutBirthDate, setWithoutBirthDate] = useState(false);
  const mutation = useMutation({
    mutationFn: (input: PortalTracingRequestInput) => submitPortalTracingRequest(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKey() }),
  });

  const set = <K extends TracingRequestField>(field: K, value: TracingRequestValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const text = (field: TracingRequestField) => ({
    id: fieldId(field),
    value: values[field],
    error: errors[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(field, event.currentTarget.value as never),
  });
  const focusFirst = (found: TracingRequestErrors) => {
    const first = ORDER.find((field) => found[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, errors: found } = checkTracingRequest(values, t);
    setErrors(found);
    if (!input) {
      focusFirst(found);
      return;
    }
    mutation.mutate(input, {
      onSuccess: (result) => {
        notifications.show({ color: 'green', message: t('portal.tracingRequest.sent', { caseNumber: result.caseNumber }) });
        onSent(result);
      },
      onError: (error) => {
        if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return;
        const fromServer: TracingRequestErrors = {};
        for (const field of error.details?.fields ?? []) {
          const name = fieldForPath(field.path);
          if (name && !fromServer[name]) fromServer[name] = t(field.code === 'in_future' || field.code === 'future' ? 'portal.errors.inFuture' : 'validation.invalid');
        }
        setErrors(fromServer);
        focusFirst(fromServer);
      },
    });
  };

  const fieldProblem = mutation.isError && isApiError(mutation.error) && mutation.error.code === 'VALIDATION_FAILED' && Object.values(errors).some(Boolean);

  return (
    <form onSubmit={submit} noValidate aria-label={t('portal.tracingRequest.formLabel')} data-testid="tracing-request-form">
      <Stack gap="lg" maw={880}>
        {mutation.isError && !fieldProblem && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <Fieldset legend={t('portal.tracingRequest.minorLegend')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('portal.tracingRequest.firstName')} required maxLength={100} autoComplete="off" {...text('firstName')} />
              <TextInput label={t('portal.tracingRequest.lastName')} required maxLength={100} autoComplete="off" {...text('lastName')} />
            </SimpleGrid>
            <TextInput label={t('portal.tracingRequest.aliases')} description={t('portal.tracingRequest.aliasesHint')} autoComplete="off" {...text('aliases')} />
            <Radio.Group id={fieldId('sex')} label={t('portal.tracingRequest.sex')} required value={values.sex} onChange={(value) => set('sex', value as TracingRequestValues['sex'])} error={errors.sex}>
              <Group mt="xs">
                {(['M', 'F', 'X'] as const).map((value) => (
                  <Radio key={value} value={value} label={t(`sex.${value}`)} />
                ))}
              </Group>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                id={fieldId('nationality')}
                label={t('portal.tracingRequest.nationality')}
                required
                searchable
                data={countryOptions(locale)}
                value={values.nationality || null}
                onChange={(value) => set('nationality', value ?? '')}
                error={errors.nationality}
                nothingFoundMessage={t('portal.tracingRequest.noCountry')}
                data-testid="tracing-request-nationality"
              />
              <TextInput label={t('portal.tracingRequest.languages')} description={t('portal.tracingRequest.languagesHint')} autoComplete="off" {...text('languages')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={t('portal.tracingRequest.dateOfBirth')}
                description={t('portal.tracingRequest.dateOfBirthHint')}
                max={todayIso()}
                disabled={withoutBirthDate}
                {...text('dateOfBirth')}
              />
              <NativeSelect
                id={fieldId('dobBasis')}
                label={t('portal.tracingRequest.dobBasis')}
                value={values.dobBasis}
                data={(['DECLARED', 'DOCUMENT', 'AGE_ASSESSMENT'] as const).map((value) => ({ value, label: t(`caseFile.header.dobBasis.${value}`) }))}
                onChange={(event) => set('dobBasis', event.currentTarget.value as TracingRequestValues['dobBasis'])}
                error={errors.dobBasis}
              />
            </SimpleGrid>
            <Checkbox
              label={t('portal.tracingRequest.noBirthDate')}
              checked={withoutBirthDate}
              onChange={(event) => {
                setWithoutBirthDate(event.currentTarget.checked);
                if (event.currentTarget.checked) set('dateOfBirth', '');
              }}
            />
            {values.dobBasis === 'AGE_ASSESSMENT' && (
              <SimpleGrid cols={{ base: 2 }}>
                <TextInput type="number" min={0} max={30} label={t('portal.tracingRequest.ageMin')} required {...text('ageAssessmentMin')} />
                <TextInput type="number" min={0} max={30} label={t('portal.tracingRequest.ageMax')} required {...text('ageAssessmentMax')} />
              </SimpleGrid>
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('portal.tracingRequest.placeLegend')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('portal.tracingRequest.protectedHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('portal.tracingRequest.municipality')} maxLength={120} autoComplete="off" {...text('municipality')} />
              <TextInput label={t('portal.tracingRequest.receptionFacility')} maxLength={120} autoComplete="off" {...text('receptionFacility')} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('portal.tracingRequest.requestLegend')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={t('portal.tracingRequest.requestDate')} max={todayIso()} {...text('requestDate')} />
              <NativeSelect
                id={fieldId('channel')}
                label={t('portal.tracingRequest.channel')}
                value={values.channel}
                data={(['OTHER', 'DG_MLPS'] as const).map((value) => ({ value, label: t(`portal.tracingRequest.channels.${value}`) }))}
                onChange={(event) => set('channel', event.currentTarget.value as TracingRequestValues['channel'])}
                error={errors.channel}
              />
            </SimpleGrid>
            {values.channel === 'DG_MLPS' && <TextInput label={t('portal.tracingRequest.dgProtocolNo')} maxLength={60} autoComplete="off" maw={320} {...text('dgProtocolNo')} />}
            <Textarea
              label={t('portal.tracingRequest.questions')}
              description={t('portal.tracingRequest.questionsHint')}
              autosize
              minRows={3}
              {...text('questions')}
            />
            <Textarea
              label={t('portal.tracingRequest.familyInformation')}
              description={t('portal.tracingRequest.familyInformationHint')}
              autosize
              minRows={3}
              maxLength={8000}
              {...text('familyInformation')}
            />
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={mutation.isPending} data-testid="tracing-request-submit">
            {t('portal.tracingRequest.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

// What the office sees once the request is sent: the case number and where it stands.
export const TracingRequestSent = ({ result, caseLink, onAnother }: { result: PortalTracingRequestResult; caseLink: React.ReactNode; onAnother: () => void }) => {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" maw={720} data-testid="tracing-request-sent" role="status">
      <Stack gap="sm">
        <Text fw={700} size="lg">
          {t('portal.tracingRequest.sentTitle')}
        </Text>
        <Text>{t('portal.tracingRequest.sentBody', { caseNumber: result.caseNumber, state: t(`states.${result.state}`) })}</Text>
        <Text size="sm" c="dimmed">
          {t('portal.tracingRequest.sentNext')}
        </Text>
        <Group gap="sm">
          {caseLink}
          <Button variant="default" onClick={onAnother}>
            {t('portal.tracingRequest.another')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
};
