import { CreateFamilyMemberSchema, type CreateFamilyMemberInput } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Radio, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '@/lib/api-client';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { useCreateFamilyMember } from '../../api/create-family-member';
import { useCaseFileErrorMessage } from '../../utils/case-file-error';
import { blankToUndefined } from '../../utils/form-values';

type FamilyMemberFormValues = z.input<typeof CreateFamilyMemberSchema>;

const FIELDS = [
  'relationship',
  'firstName',
  'lastName',
  'aliases',
  'alive',
  'country',
  'locality',
  'address',
  'phones',
  'isCaregiverCandidate',
  'safetyConcern',
  'doNotContact',
  'doNotContactReason',
] as const;

const ALIVE_VALUES = ['YES', 'NO', 'UNKNOWN'] as const;

// Every field has its empty value here, also the optional boxes (read back as "not given" through
// setValueAs): a reset after adding someone must empty them, or the next relative would inherit
// the previous one's country, address and safety concern.
const DEFAULTS: FamilyMemberFormValues = {
  relationship: '',
  firstName: '',
  lastName: '',
  aliases: [],
  alive: 'UNKNOWN',
  country: '',
  locality: '',
  address: '',
  phones: [],
  safetyConcern: '',
  isCaregiverCandidate: false,
  doNotContact: false,
};

export const FamilyMemberForm = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const errorMessage = useCaseFileErrorMessage();
  const mutation = useCreateFamilyMember(caseId);
  const form = useForm<FamilyMemberFormValues, unknown, CreateFamilyMemberInput>({
    resolver: zodResolver(CreateFamilyMemberSchema, zodErrorMap),
    defaultValues: DEFAULTS,
  });
  const { errors } = form.formState;
  const doNotContact = useWatch({ control: form.control, name: 'doNotContact' });

  const submit = form.handleSubmit(({ doNotContactReason, ...values }) => {
    // A reason typed and then un-ticked is not a "do not contact" flag: it is not sent.
    const input: CreateFamilyMemberInput = values.doNotContact && doNotContactReason ? { ...values, doNotContactReason } : values;
    mutation.mutate(input, {
      onSuccess: (member) => {
        notifications.show({ color: 'green', message: t('caseFile.familyForm.added', { name: `${member.firstName} ${member.lastName}` }) });
        form.reset(DEFAULTS);
      },
      onError: (error) => {
        if (isApiError(error)) {
          applyServerFieldErrors(error, form.setError, FIELDS, {
            limits: {
              relationship: { min: 2, max: 60 },
              firstName: { min: 1, max: 120 },
              lastName: { min: 1, max: 120 },
              doNotContactReason: { min: 3, max: 2000 },
              locality: { max: 200 },
              address: { max: 500 },
              safetyConcern: { max: 2000 },
            },
          });
        }
      },
    });
  });

  const showAlert = mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="family-member-form-heading" data-testid="family-member-form">
      <Stack>
        <Title order={3} size="h5" id="family-member-form-heading">
          {t('caseFile.familyForm.heading')}
        </Title>
        {showAlert && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('caseFile.familyForm.relationship')}
            description={t('caseFile.familyForm.relationshipHint')}
            required
            autoComplete="off"
            error={fieldError(errors.relationship)}
            {...form.register('relationship')}
          />
          <TextInput
            label={t('caseFile.familyForm.firstName')}
            required
            autoComplete="off"
            error={fieldError(errors.firstName)}
            {...form.register('firstName')}
          />
          <TextInput
            label={t('caseFile.familyForm.lastName')}
            required
            autoComplete="off"
            error={fieldError(errors.lastName)}
            {...form.register('lastName')}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="aliases"
          render={({ field }) => (
            <TagsInput
              label={t('caseFile.familyForm.aliases')}
              description={t('caseFile.familyForm.listHint')}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              error={fieldError(errors.aliases as Parameters<typeof fieldError>[0])}
            />
          )}
        />
        <Controller
          control={form.control}
          name="alive"
          render={({ field }) => (
            <Radio.Group
              label={t('caseFile.familyForm.alive')}
              value={field.value ?? 'UNKNOWN'}
              onChange={field.onChange}
              name={field.name}
              error={fieldError(errors.alive)}
            >
              <Group mt="xs">
                {ALIVE_VALUES.map((value) => (
                  <Radio key={value} value={value} label={t(`caseFile.family.aliveValues.${value}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('caseFile.familyForm.country')}
            description={t('caseFile.familyForm.countryHint')}
            maxLength={2}
            autoComplete="off"
            error={fieldError(errors.country)}
            {...form.register('country', { setValueAs: blankToUndefined })}
          />
          <TextInput
            label={t('caseFile.familyForm.locality')}
            description={t('caseFile.common.optional')}
            autoComplete="off"
            error={fieldError(errors.locality)}
            {...form.register('locality', { setValueAs: blankToUndefined })}
          />
          <TextInput
            label={t('caseFile.familyForm.address')}
            description={t('caseFile.familyForm.protectedHint')}
            autoComplete="off"
            error={fieldError(errors.address)}
            {...form.register('address', { setValueAs: blankToUndefined })}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="phones"
          render={({ field }) => (
            <TagsInput
              label={t('caseFile.familyForm.phones')}
              description={`${t('caseFile.familyForm.protectedHint')} ${t('caseFile.familyForm.listHint')}`}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              error={fieldError(errors.phones as Parameters<typeof fieldError>[0])}
            />
          )}
        />
        <Checkbox label={t('caseFile.familyForm.caregiver')} {...form.register('isCaregiverCandidate')} />
        <Textarea
          label={t('caseFile.familyForm.safetyConcern')}
          description={t('caseFile.familyForm.safetyConcernHint')}
          autosize
          minRows={2}
          error={fieldError(errors.safetyConcern)}
          {...form.register('safetyConcern', { setValueAs: blankToUndefined })}
        />
        <Checkbox
          label={t('caseFile.familyForm.doNotContact')}
          description={t('caseFile.familyForm.doNotContactHint')}
          data-testid="do-not-contact-checkbox"
          {...form.register('doNotContact')}
        />
        {/* Un-ticking drops the reason (shouldUnregister), so a hidden half-typed one never blocks the form. */}
        {doNotContact && (
          <Textarea
            label={t('caseFile.familyForm.doNotContactReason')}
            required
            autosize
            minRows={2}
            data-testid="do-not-contact-reason"
            error={fieldError(errors.doNotContactReason)}
            {...form.register('doNotContactReason', { shouldUnregister: true })}
          />
        )}
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('caseFile.familyForm.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
