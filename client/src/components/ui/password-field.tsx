import { PasswordInput } from '@mantine/core';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

// Mantine's PasswordInput labels its visibility toggle in English and leaves aria-invalid off the
// input (it sets only data-invalid); this wrapper fixes both.
export const PasswordField = (props: ComponentProps<typeof PasswordInput>) => {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
};
