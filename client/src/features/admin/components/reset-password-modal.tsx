import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ResetPasswordSchema, type ResetPasswordInput, type User } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '@/components/ui/password-field';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { useResetPassword } from '../api/reset-password';

type ResetPasswordModalProps = { user: User | null; onClose: () => void };

// A one-field form, so a dialog is acceptable here (long forms never go in modals).
export const ResetPasswordModal = ({ user, onClose }: ResetPasswordModalProps) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const errorMessage = useErrorMessage();
  const mutation = useResetPassword();
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(ResetPasswordSchema, zodErrorMap),
    defaultValues: { password: '' },
  });

  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };

  const submit = form.handleSubmit(({ password }) => {
    if (!user) return;
    mutation.mutate(
      { userId: user.id, password },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('admin.users.passwordReset', { name: user.displayName }) });
          close();
        },
        onError: (error) => {
          if (isApiError(error)) {
            applyServerFieldErrors(error, form.setError, ['password'], { limits: { password: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH } } });
          }
        },
      },
    );
  });

  const handledOnFields = hasFieldErrorsFor(mutation.error, ['password']);

  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={user ? t('admin.users.resetPasswordOf', { name: user.displayName }) : t('admin.users.resetPasswordTitle')}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {mutation.isError && !handledOnFields && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
          <PasswordField
            label={t('admin.users.newPassword')}
            description={t('admin.users.passwordHint', { minimum: PASSWORD_MIN_LENGTH })}
            required
            autoComplete="new-password"
            data-autofocus
            error={fieldError(form.formState.errors.password)}
            {...form.register('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('admin.users.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
