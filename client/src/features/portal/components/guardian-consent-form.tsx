import { CreateGuardianConsentSchema, GUARDIAN_CONSENT_SCOPES, type CreateGuardianConsentInput } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { appNow } from '@/lib/clock';
import { applyServerFieldErrors, hasFieldErrorsFor, zodErrorMap } from '@/lib/form-errors';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/lib/form-values';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { giveGuardianConsent } from '../api/portal-api';
import { usePortalMutation } from '../api/portal-queries';
import { PORTAL_FIELD_ERRORS, usePortalErrorMessage, usePortalFieldError } from '../utils/portal-form-errors';

type Scope = (typeof GUARDIAN_CONSENT_SCOPES)[number];
type Values = { scope: Scope | ''; language: string; givenAt: string };
const FIELDS = ['scope', 'language', 'givenAt'] as const;

const toInput = (values: Values) => ({ scope: values.scope || undefined, language: values.language, givenAt: localDateTimeToIso(values.givenAt) });
const resolver = reshapedResolver(zodResolver(CreateGuardianConsentSchema, zodErrorMap), toInput);
const defaults = (language: string): Values => ({ scope: '', language, givenAt: toLocalDateTimeInput(appNow()) });

// The guardian's own consent, given together with the minor: what it allows, in plain words.
export const GuardianConsentForm = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const fieldError = usePortalFieldError();
  const errorMessage = usePortalErrorMessage();
  const mutation = usePortalMutation(caseId, (input: CreateGuardianConsentInput) => giveGuardianConsent(caseId, input));
  const form = useForm<Values, unknown, CreateGuardianConsentInput>({ resolver, defaultValues: defaults(t('portal.consents.form.defaultLanguage')) });
  const { errors } = form.formState;

  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('portal.consents.form.recorded', { scope: t(`caseFile.consents.scopes.${input.scope}`) }) });
        form.reset(defaults(t('portal.consents.form.defaultLanguage')));
      },
      onError: (error) => {
        if (isApiError(error)) applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: PORTAL_FIELD_ERRORS, limits: { language: { min: 2, max: 40 } } });
      },
    }),
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="guardian-consent-form-heading" data-testid="guardian-consent-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="guardian-consent-form-heading">
          {t('portal.consents.form.heading')}
        </Title>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS) && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <Controller
          control={form.control}
          name="scope"
          render={({ field }) => (
            <Radio.Group label={t('portal.consents.form.scope')} required value={field.value} onChange={field.onChange} name={field.name} error={fieldError(errors.scope)}>
              <Stack gap="xs" mt="xs">
                {GUARDIAN_CONSENT_SCOPES.map((scope) => (
                  <Radio key={scope} value={scope} label={t(`caseFile.consents.scopes.${scope}`)} description={t(`portal.consents.scopeHints.${scope}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('portal.consents.form.language')} required autoComplete="off" maxLength={40} error={fieldError(errors.language)} {...form.register('language')} />
          <TextInput
            type="datetime-local"
            label={t('portal.consents.form.givenAt')}
            required
            max={toLocalDateTimeInput(appNow())}
            error={fieldError(errors.givenAt)}
            {...form.register('givenAt')}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('portal.consents.form.withdrawHint')}
        </Text>
        <div>
          <Button type="submit" loading={mutation.isPending} data-testid="guardian-consent-submit">
            {t('portal.consents.form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
