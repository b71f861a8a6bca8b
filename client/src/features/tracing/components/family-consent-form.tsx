import { CreateFamilyConsentSchema, FamilyConsentScopeSchema, type CreateFamilyConsentInput, type TracingPacket } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/lib/auth';
import { appNow } from '@/lib/clock';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/lib/form-values';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { useCreateFamilyConsent } from '../api/tracing-mutations';
import { doNotContactIds, memberOptions } from '../utils/member-options';
import { TRACING_FIELD_ERRORS } from '../utils/server-errors';
import { MutationError } from './mutation-error';

type FamilyConsentValues = {
  familyMemberId: string;
  scope: string;
  language: string;
  informedBy: string;
  givenAt: string;
  mediatorPresent: boolean;
  mediatorName: string;
};

const FIELDS = ['familyMemberId', 'scope', 'language', 'informedBy', 'givenAt', 'mediatorPresent', 'mediatorName'] as const;

const toInput = (values: FamilyConsentValues) => ({
  familyMemberId: values.familyMemberId || undefined,
  scope: values.scope || undefined,
  language: values.language,
  informedBy: values.informedBy,
  givenAt: localDateTimeToIso(values.givenAt),
  mediatorPresent: values.mediatorPresent,
  ...(values.mediatorPresent ? { mediatorName: values.mediatorName } : {}),
});

const resolver = reshapedResolver(zodResolver(CreateFamilyConsentSchema, zodErrorMap), toInput);

const defaultsFor = (informedBy: string, scope: string): FamilyConsentValues => ({
  familyMemberId: '',
  scope,
  language: '',
  informedBy,
  givenAt: toLocalDateTimeInput(appNow()),
  mediatorPresent: false,
  mediatorName: '',
});

// A family member's informed consent to the interview, or to sharing the report with the
// Italian authorities (domain.md §3.13). Without the interview consent there is no assessment.
export const FamilyConsentForm = ({
  requestId,
  packet,
  defaultScope = 'INTERVIEW',
}: {
  requestId: string;
  packet: TracingPacket;
  defaultScope?: CreateFamilyConsentInput['scope'];
}) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const fieldError = useFieldErrorText(TRACING_FIELD_ERRORS);
  const mutation = useCreateFamilyConsent(requestId);
  const form = useForm<FamilyConsentValues, unknown, CreateFamilyConsentInput>({ resolver, defaultValues: defaultsFor(user.displayName, defaultScope) });
  const { errors } = form.formState;
  const mediatorPresent = useWatch({ control: form.control, name: 'mediatorPresent' });
  const blocked = doNotContactIds(packet);

  const submit = form.handleSubmit((input) => {
    if (blocked.has(input.familyMemberId)) {
      form.setError('familyMemberId', { type: 'client', message: 'tracing.fieldErrors.do_not_contact' }, { shouldFocus: true });
      return;
    }
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('tracing.consentForm.saved') });
        form.reset(defaultsFor(user.displayName, defaultScope));
      },
      onError: (error) => {
        applyServerFieldErrors(error, form.setError, FIELDS, {
          vocabulary: TRACING_FIELD_ERRORS,
          limits: { language: { min: 2, max: 40 }, informedBy: { min: 2, max: 120 }, mediatorName: { min: 2, max: 120 } },
        });
      },
    });
  });

  const showAlert = mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS, TRACING_FIELD_ERRORS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="family-consent-form-heading" data-testid="family-consent-form">
      <Stack>
        <Title order={3} size="h5" id="family-consent-form-heading">
          {t('tracing.consentForm.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tracing.consentForm.intro')}
        </Text>
        {showAlert && <MutationError error={mutation.error} conflictKey="tracing.errors.requestClosed" />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('tracing.consentForm.familyMember')}
            required
            data={memberOptions(packet, t, { empty: t('tracing.consentForm.chooseMember'), includeOthers: true })}
            error={fieldError(errors.familyMemberId)}
            {...form.register('familyMemberId')}
          />
          <Controller
            control={form.control}
            name="scope"
            render={({ field }) => (
              <Radio.Group label={t('tracing.consentForm.scope')} required value={field.value} onChange={field.onChange} name={field.name} error={fieldError(errors.scope)}>
                <Group mt="xs">
                  {FamilyConsentScopeSchema.options.map((scope) => (
                    <Radio key={scope} value={scope} label={t(`tracing.consentScope.${scope}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <TextInput
            label={t('tracing.consentForm.language')}
            description={t('tracing.consentForm.languageHint')}
            required
            autoComplete="off"
            error={fieldError(errors.language)}
            {...form.register('language')}
          />
          <TextInput
            label={t('tracing.consentForm.informedBy')}
            description={t('tracing.consentForm.informedByHint')}
            required
            autoComplete="off"
            error={fieldError(errors.informedBy)}
            {...form.register('informedBy')}
          />
          <TextInput
            type="datetime-local"
            label={t('tracing.consentForm.givenAt')}
            required
            max={toLocalDateTimeInput(appNow())}
            error={fieldError(errors.givenAt)}
            {...form.register('givenAt')}
          />
        </SimpleGrid>
        <Checkbox label={t('tracing.consentForm.mediatorPresent')} {...form.register('mediatorPresent')} />
        {mediatorPresent && (
          <TextInput
            label={t('tracing.consentForm.mediatorName')}
            required
            autoComplete="off"
            error={fieldError(errors.mediatorName)}
            {...form.register('mediatorName')}
          />
        )}
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('tracing.consentForm.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
