import {
  CreateOrganisationSchema,
  OrganisationTypeSchema,
  REQUIRED_PLACE_BY_ORGANISATION_TYPE,
  type OrganisationPlace,
  type CreateOrganisationInput,
} from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { useCreateOrganisation } from '../api/create-organisation';

type OrganisationFormValues = z.input<typeof CreateOrganisationSchema>;

const FIELDS = ['name', 'type', 'country', 'municipality', 'district'] as const;


// Optional text fields: an empty box means "not given", not an empty string.
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const OrganisationForm = () => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const errorMessage = useErrorMessage();
  const mutation = useCreateOrganisation();
  const form = useForm<OrganisationFormValues, unknown, CreateOrganisationInput>({
    resolver: zodResolver(CreateOrganisationSchema, zodErrorMap),
    defaultValues: { name: '' },
  });
  const { errors } = form.formState;
  const requiredPlace = REQUIRED_PLACE_BY_ORGANISATION_TYPE[useWatch({ control: form.control, name: 'type' }) ?? 'IOM_UNIT'];
  const placeHint = (place: OrganisationPlace, hint: string) =>
    requiredPlace === place ? t('admin.organisations.requiredFor') : hint;

  const submit = form.handleSubmit((values) => {
    mutation.mutate(values, {
      onSuccess: (organisation) => {
        notifications.show({ color: 'green', message: t('admin.organisations.created', { name: organisation.name }) });
        form.reset();
      },
      onError: (error) => {
        if (isApiError(error)) applyServerFieldErrors(error, form.setError, FIELDS, {
          limits: { name: { min: 2, max: 200 }, municipality: { min: 2, max: 120 }, district: { min: 2, max: 120 } },
        });
      },
    });
  });

  const showAlert = mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="organisation-form-heading">
      <Stack>
        <Title order={3} size="h4" id="organisation-form-heading">
          {t('admin.organisations.createHeading')}
        </Title>
        {showAlert && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.organisations.name')}
            required
            error={fieldError(errors.name)}
            {...form.register('name')}
          />
          <Controller
            control={form.control}
            name="type"
            render={({ field }) => (
              <Select
                label={t('admin.organisations.type')}
                required
                data={OrganisationTypeSchema.options.map((type) => ({
                  value: type,
                  label: t(`organisationTypes.${type}`),
                }))}
                value={field.value ?? null}
                onChange={(value) => field.onChange(OrganisationTypeSchema.safeParse(value).data)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.type)}
              />
            )}
          />
          <TextInput
            label={t('admin.organisations.country')}
            description={placeHint('country', t('admin.organisations.countryHint'))}
            required={requiredPlace === 'country'}
            maxLength={2}
            autoComplete="off"
            error={fieldError(errors.country)}
            {...form.register('country', { setValueAs: blankToUndefined })}
          />
          <TextInput
            label={t('admin.organisations.municipality')}
            description={placeHint('municipality', t('admin.organisations.optional'))}
            required={requiredPlace === 'municipality'}
            error={fieldError(errors.municipality)}
            {...form.register('municipality', { setValueAs: blankToUndefined })}
          />
          <TextInput
            label={t('admin.organisations.district')}
            description={placeHint('district', t('admin.organisations.optional'))}
            required={requiredPlace === 'district'}
            error={fieldError(errors.district)}
            {...form.register('district', { setValueAs: blankToUndefined })}
          />
        </SimpleGrid>
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('admin.organisations.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
