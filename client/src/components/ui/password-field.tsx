import { PasswordInput } from '@mantine/core';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

// Mantine's visibility toggle is labelled in English; this one follows the UI language.
export const PasswordField = (props: ComponentProps<typeof PasswordInput>) => {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
      {...props}
    />
  );
};
