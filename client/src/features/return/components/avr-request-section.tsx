import { RecordAvrRequestSchema, type Consent, type RecordAvrRequestInput } from '@app/contracts';
import { Alert, Blockquote, Button, Checkbox, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/lib/auth';
import { appNow } from '@/lib/clock';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/lib/form-values';
import { useLocale } from '@/lib/i18n';
import { recordAvrRequest } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { AVR_REQUEST_STATES, isIn } from '../utils/return-access';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { formatDateTime } from '../utils/return-format';
import { returnResolver } from '../utils/return-zod';
import { ReturnError } from './return-error';
import { ReturnSection, SubHeading, type SectionProps } from './return-section';

type Values = { minorWords: string; language: string; mediatorPresent: boolean; mediatorName: string; informedBy: string; givenAt: string };
const FIELDS = ['minorWords', 'language', 'mediatorPresent', 'mediatorName', 'informedBy', 'givenAt'] as const;

const toInput = (values: Values) => ({
  minorWords: values.minorWords,
  language: values.language,
  mediatorPresent: values.mediatorPresent,
  informedBy: values.informedBy,
  givenAt: localDateTimeToIso(values.givenAt),
  ...(values.mediatorPresent ? { mediatorName: values.mediatorName } : {}),
});
const resolver = returnResolver(RecordAvrRequestSchema, toInput);
const LIMITS = { minorWords: { min: 3, max: 4000 }, language: { min: 2, max: 40 }, mediatorName: { min: 2, max: 200 }, informedBy: { min: 2, max: 200 } };

// The minor's words, the language and the mediator, as recorded (domain §8 rule 12).
export const ConsentWords = ({ consent }: { consent: Consent }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap={4}>
      {consent.minorWords && (
        <Blockquote p="sm" cite={t('return.request.citeMinor', { language: consent.language })}>
          {consent.minorWords}
        </Blockquote>
      )}
      <Text size="sm">
        {t('return.request.givenOn', { date: formatDateTime(consent.givenAt, locale), by: consent.informedBy })}
        {consent.mediatorPresent && consent.mediatorName ? ` · ${t('return.common.mediator', { name: consent.mediatorName })}` : ''}
      </Text>
      {consent.withdrawnAt && (
        <Alert color="red" p="xs">
          {t('return.request.withdrawn', { date: formatDateTime(consent.withdrawnAt, locale) })}
        </Alert>
      )}
    </Stack>
  );
};

const RequestForm = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const defaults = useMemo<Values>(
    () => ({ minorWords: '', language: '', mediatorPresent: false, mediatorName: '', informedBy: user.displayName, givenAt: toLocalDateTimeInput(appNow()) }),
    [user.displayName],
  );
  const form = useForm<Values, unknown, RecordAvrRequestInput>({ resolver, defaultValues: defaults });
  const { errors } = form.formState;
  const mediatorPresent = useWatch({ control: form.control, name: 'mediatorPresent' });
  const mutation = useReturnMutation(caseId, (input: RecordAvrRequestInput) => recordAvrRequest(caseId, input));

  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.request.recorded') });
        form.reset(defaults);
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: LIMITS }),
    }),
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="avr-request-form-heading" data-testid="avr-request-form">
      <Stack gap="sm">
        <SubHeading id="avr-request-form-heading">{t('return.request.formHeading')}</SubHeading>
        <Text size="sm" c="dimmed">
          {t('return.request.formIntro')}
        </Text>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <Textarea
          label={t('return.request.minorWords')}
          description={t('return.request.minorWordsHint')}
          required
          autosize
          minRows={3}
          error={fieldError(errors.minorWords)}
          data-testid="avr-request-words"
          {...form.register('minorWords')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('return.common.language')} description={t('return.common.languageHint')} required error={fieldError(errors.language)} {...form.register('language')} />
          <TextInput label={t('return.request.informedBy')} required error={fieldError(errors.informedBy)} {...form.register('informedBy')} />
          <TextInput type="datetime-local" label={t('return.request.givenAt')} required error={fieldError(errors.givenAt)} {...form.register('givenAt')} />
        </SimpleGrid>
        <Checkbox label={t('return.common.mediatorPresent')} {...form.register('mediatorPresent')} />
        {mediatorPresent && <TextInput label={t('return.common.mediatorName')} required error={fieldError(errors.mediatorName)} {...form.register('mediatorName')} />}
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('return.request.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};

// The minor's voluntary request to return and the guardian's co-signature (domain §4 #14, §8 rule 4).
export const AvrRequestSection = ({ caseId, caseDetail, file, collapsed = false }: SectionProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const { minorRequest, guardianConsent } = file.avrRequest;
  const canRecord = isIn(AVR_REQUEST_STATES, caseDetail.state) && (!minorRequest || minorRequest.withdrawnAt !== null);
  return (
    <ReturnSection collapsed={collapsed} id="request" title={t('return.sections.request')} intro={t('return.request.intro')}>
      <Stack gap="md">
        <div data-testid="avr-minor-request">
          <SubHeading>{t('return.request.minorHeading')}</SubHeading>
          {minorRequest ? <ConsentWords consent={minorRequest} /> : <Text size="sm" c="dimmed">{t('return.request.noMinorRequest')}</Text>}
        </div>
        <div data-testid="avr-guardian-consent">
          <SubHeading>{t('return.request.guardianHeading')}</SubHeading>
          {guardianConsent ? (
            <Text size="sm">{t('return.request.guardianSigned', { date: formatDateTime(guardianConsent.givenAt, locale), name: guardianConsent.informedBy })}</Text>
          ) : (
            <Text size="sm" c="dimmed">
              {caseDetail.guardian
                ? t(minorRequest ? 'return.request.guardianWaiting' : 'return.request.guardianAfterMinor', { name: caseDetail.guardian.name })
                : t('return.request.noGuardian')}
            </Text>
          )}
        </div>
        {canRecord && <RequestForm caseId={caseId} />}
      </Stack>
    </ReturnSection>
  );
};
