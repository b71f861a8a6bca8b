import {
  CreateUserSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES_BY_ORGANISATION_TYPE,
  RoleSchema,
  type CreateUserInput,
  type Organisation,
  type Role,
} from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PasswordField } from '@/components/ui/password-field';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { applyServerFieldErrors, fieldMessage, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { useCreateUser } from '../api/create-user';

type UserFormValues = z.input<typeof CreateUserSchema>;

const FIELDS = ['email', 'displayName', 'role', 'organisationId', 'password'] as const;

const rolesFor = (organisation: Organisation | undefined): readonly Role[] =>
  organisation ? ROLES_BY_ORGANISATION_TYPE[organisation.type] : [];

export const UserForm = ({ organisations }: { organisations: readonly Organisation[] }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const errorMessage = useErrorMessage();
  const mutation = useCreateUser();
  const form = useForm<UserFormValues, unknown, CreateUserInput>({
    resolver: zodResolver(CreateUserSchema, zodErrorMap),
    defaultValues: { email: '', displayName: '', password: '' },
  });
  const { errors } = form.formState;
  const organisationId = useWatch({ control: form.control, name: 'organisationId' });
  const allowedRoles = rolesFor(organisations.find((organisation) => organisation.id === organisationId));

  const submit = form.handleSubmit((values) => {
    mutation.mutate(values, {
      onSuccess: (user) => {
        notifications.show({ color: 'green', message: t('admin.users.created', { name: user.displayName }) });
        form.reset();
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        if (error.code === 'CONFLICT') {
          form.setError('email', { type: 'server', message: fieldMessage('validation.emailTaken') }, { shouldFocus: true });
          return;
        }
        applyServerFieldErrors(error, form.setError, FIELDS, {
          limits: { password: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }, displayName: { min: 2, max: 120 }, email: { max: 254 } },
        });
      },
    });
  });

  const handledOnFields =
    (isApiError(mutation.error) && mutation.error.code === 'CONFLICT') || hasFieldErrorsFor(mutation.error, FIELDS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="user-form-heading">
      <Stack>
        <Title order={3} size="h4" id="user-form-heading">
          {t('admin.users.createHeading')}
        </Title>
        {mutation.isError && !handledOnFields && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.users.displayName')}
            required
            autoComplete="off"
            error={fieldError(errors.displayName)}
            {...form.register('displayName')}
          />
          <TextInput
            label={t('admin.users.email')}
            type="email"
            required
            autoComplete="off"
            error={fieldError(errors.email)}
            {...form.register('email')}
          />
          <Controller
            control={form.control}
            name="organisationId"
            render={({ field }) => (
              <Select
                label={t('admin.users.organisation')}
                required
                searchable
                data={organisations.map((organisation) => ({
                  value: organisation.id,
                  label: `${organisation.name} (${t(`organisationTypes.${organisation.type}`)})`,
                }))}
                value={field.value ?? null}
                onChange={(value) => {
                  field.onChange(value ?? undefined);
                  // Keep the role only if the new organisation type allows it; a single choice is made for the user.
                  const roles = rolesFor(organisations.find((organisation) => organisation.id === value));
                  const currentRole = form.getValues('role');
                  if (roles.length === 1) form.setValue('role', roles[0] as Role);
                  else if (currentRole && !roles.includes(currentRole)) form.resetField('role');
                }}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.organisationId)}
              />
            )}
          />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label={t('admin.users.role')}
                description={t('admin.users.roleHint')}
                required
                disabled={allowedRoles.length === 0}
                data={allowedRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                value={field.value ?? null}
                onChange={(value) => field.onChange(RoleSchema.safeParse(value).data)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.role)}
              />
            )}
          />
          <PasswordField
            label={t('admin.users.password')}
            description={t('admin.users.passwordHint', { minimum: PASSWORD_MIN_LENGTH })}
            required
            autoComplete="new-password"
            error={fieldError(errors.password)}
            {...form.register('password')}
          />
        </SimpleGrid>
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('admin.users.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
