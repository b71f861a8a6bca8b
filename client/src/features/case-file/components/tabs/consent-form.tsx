import {
  ConsentScopeSchema,
  ConsentSubjectSchema,
  CreateConsentSchema,
  type CreateConsentInput,
  type FamilyMember,
} from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useCurrentUser } from '@/lib/auth';
import { appNow } from '@/lib/clock';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/lib/form-values';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { useCreateConsent } from '../../api/create-consent';
import { useCaseFileErrorMessage } from '../../utils/case-file-error';

// What the form holds: every field as typed (the date-time in local time), whatever the subject.
type ConsentFormValues = {
  subject: CreateConsentInput['subject'];
  familyMemberId: string;
  scope: CreateConsentInput['scope'];
  language: string;
  mediatorPresent: boolean;
  mediatorName: string;
  informedBy: string;
  minorWords: string;
  givenAt: string;
};

const FIELDS = ['subject', 'familyMemberId', 'scope', 'language', 'mediatorPresent', 'mediatorName', 'informedBy', 'minorWords', 'givenAt'] as const;

// Only the fields that apply are sent: the minor's words for the minor (domain §8 rule 12), the
// mediator's name when one was present, the family member for a family member's consent.
const toInput = (values: ConsentFormValues) => ({
  subject: values.subject,
  scope: values.scope,
  language: values.language,
  mediatorPresent: values.mediatorPresent,
  informedBy: values.informedBy,
  givenAt: localDateTimeToIso(values.givenAt),
  ...(values.subject === 'FAMILY_MEMBER' ? { familyMemberId: values.familyMemberId } : {}),
  ...(values.mediatorPresent ? { mediatorName: values.mediatorName } : {}),
  ...(values.subject === 'MINOR' ? { minorWords: values.minorWords } : {}),
});

const resolver = reshapedResolver(zodResolver(CreateConsentSchema, zodErrorMap), toInput);

const defaultsFor = (informedBy: string): ConsentFormValues => ({
  subject: 'MINOR',
  familyMemberId: '',
  scope: 'TRACING',
  language: '',
  mediatorPresent: false,
  mediatorName: '',
  informedBy,
  minorWords: '',
  givenAt: toLocalDateTimeInput(appNow()),
});

export const ConsentForm = ({ caseId, familyMembers }: { caseId: string; familyMembers: readonly FamilyMember[] }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const errorMessage = useCaseFileErrorMessage();
  const user = useCurrentUser();
  const mutation = useCreateConsent(caseId);
  const defaults = useMemo(() => defaultsFor(user.displayName), [user.displayName]);
  const form = useForm<ConsentFormValues, unknown, CreateConsentInput>({ resolver, defaultValues: defaults });
  const { errors } = form.formState;
  const [subject, mediatorPresent] = useWatch({ control: form.control, name: ['subject', 'mediatorPresent'] });

  const submit = form.handleSubmit((input) => {
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('caseFile.consentForm.recorded') });
        form.reset(defaultsFor(user.displayName));
      },
      onError: (error) => {
        if (isApiError(error)) {
          applyServerFieldErrors(error, form.setError, FIELDS, {
            limits: { language: { min: 2, max: 40 }, mediatorName: { min: 2, max: 120 }, informedBy: { min: 2, max: 120 }, minorWords: { min: 3, max: 4000 } },
          });
        }
      },
    });
  });

  const showAlert = mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="consent-form-heading" data-testid="consent-form">
      <Stack>
        <Title order={3} size="h5" id="consent-form-heading">
          {t('caseFile.consentForm.heading')}
        </Title>
        {showAlert && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <Controller
          control={form.control}
          name="subject"
          render={({ field }) => (
            <Radio.Group
              label={t('caseFile.consentForm.subject')}
              required
              value={field.value}
              onChange={(value) => field.onChange(ConsentSubjectSchema.safeParse(value).data ?? 'MINOR')}
              name={field.name}
              error={fieldError(errors.subject)}
            >
              <Group mt="xs">
                {ConsentSubjectSchema.options.map((value) => (
                  <Radio key={value} value={value} label={t(`caseFile.consents.subjects.${value}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        {subject === 'FAMILY_MEMBER' &&
          (familyMembers.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="consent-no-family">
              {t('caseFile.consentForm.noFamilyMembers')}
            </Text>
          ) : (
            <Controller
              control={form.control}
              name="familyMemberId"
              render={({ field }) => (
                <Select
                  label={t('caseFile.consentForm.familyMember')}
                  required
                  data={familyMembers.map((member) => ({
                    value: member.id,
                    label: `${member.firstName} ${member.lastName} (${member.relationship})`,
                  }))}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={fieldError(errors.familyMemberId)}
                />
              )}
            />
          ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="scope"
            render={({ field }) => (
              <Select
                label={t('caseFile.consentForm.scope')}
                required
                allowDeselect={false}
                data={ConsentScopeSchema.options.map((value) => ({ value, label: t(`caseFile.consents.scopes.${value}`) }))}
                value={field.value}
                onChange={(value) => field.onChange(ConsentScopeSchema.safeParse(value).data ?? field.value)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.scope)}
              />
            )}
          />
          <TextInput
            label={t('caseFile.consentForm.language')}
            description={t('caseFile.consentForm.languageHint')}
            required
            autoComplete="off"
            error={fieldError(errors.language)}
            {...form.register('language')}
          />
          <TextInput
            label={t('caseFile.consentForm.informedBy')}
            description={t('caseFile.consentForm.informedByHint')}
            required
            autoComplete="off"
            error={fieldError(errors.informedBy)}
            {...form.register('informedBy')}
          />
          <TextInput
            type="datetime-local"
            label={t('caseFile.consentForm.givenAt')}
            required
            max={toLocalDateTimeInput(appNow())}
            error={fieldError(errors.givenAt)}
            {...form.register('givenAt')}
          />
        </SimpleGrid>
        <Checkbox label={t('caseFile.consentForm.mediatorPresent')} {...form.register('mediatorPresent')} />
        {mediatorPresent && (
          <TextInput
            label={t('caseFile.consentForm.mediatorName')}
            required
            autoComplete="off"
            error={fieldError(errors.mediatorName)}
            {...form.register('mediatorName')}
          />
        )}
        {subject === 'MINOR' && (
          <Textarea
            label={t('caseFile.consentForm.minorWords')}
            description={t('caseFile.consentForm.minorWordsHint')}
            required
            autosize
            minRows={3}
            data-testid="consent-minor-words"
            error={fieldError(errors.minorWords)}
            {...form.register('minorWords')}
          />
        )}
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('caseFile.consentForm.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
