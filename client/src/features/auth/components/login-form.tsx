import { LoginSchema, type LoginInput } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '@/components/ui/password-field';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { useLogin } from '../api/login';

type LoginFormProps = { onSuccess: () => void };

// Both fields are obviously needed: no asterisks, so the labels read exactly "Email" and "Password".
export const LoginForm = ({ onSuccess }: LoginFormProps) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const errorMessage = useErrorMessage();
  const loginMutation = useLogin();
  const form = useForm<LoginInput>({
    resolver: zodResolver(LoginSchema, zodErrorMap),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    loginMutation.mutate(values, {
      onSuccess,
      onError: (error) => {
        // Wrong credentials: keep the email, ask for the password again.
        if (isApiError(error) && error.code === 'INVALID_CREDENTIALS') form.resetField('password');
      },
    });
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-describedby={loginMutation.isError ? 'login-error' : undefined}>
      <Stack>
        {loginMutation.isError && (
          <Alert id="login-error" color="red" title={t('auth.failedTitle')}>
            {errorMessage(loginMutation.error)}
          </Alert>
        )}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          withAsterisk={false}
          error={fieldError(errors.email)}
          {...form.register('email')}
        />
        <PasswordField
          label={t('auth.password')}
          autoComplete="current-password"
          required
          withAsterisk={false}
          error={fieldError(errors.password)}
          {...form.register('password')}
        />
        <Button type="submit" loading={loginMutation.isPending} fullWidth>
          {t('auth.submit')}
        </Button>
      </Stack>
    </form>
  );
};
