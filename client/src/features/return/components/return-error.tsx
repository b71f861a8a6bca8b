import { GUARD_SUPPLIER, type GuardCode, type Role } from '@app/contracts';
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { caseKey } from '@/lib/query-keys';
import { isStale, unmetOf } from '../utils/return-errors';

const suppliersOf = (code: string): readonly Role[] => (GUARD_SUPPLIER as Partial<Record<string, Role[]>>)[code] ?? [];

// The roles that can supply a missing step, in words ("Operatore OIM, Tutore").
export const useRoleList = () => {
  const { t } = useTranslation();
  return (roles: readonly Role[]) => roles.map((role) => t(`roles.${role}`)).join(', ');
};

// A list of missing steps as the server named them (422 or 409 details.unmet), with who supplies each.
export const UnmetList = ({ unmet }: { unmet: readonly { code: string; message: string }[] }) => {
  const { t } = useTranslation();
  const roleList = useRoleList();
  return (
    <List size="sm">
      {unmet.map((item) => {
        const roles = suppliersOf(item.code as GuardCode);
        return (
          <List.Item key={item.code}>
            {t(`guards.${item.code}`, { defaultValue: item.message })}
            {roles.length > 0 && ` — ${t('return.checklist.suppliedBy', { roles: roleList(roles) })}`}
          </List.Item>
        );
      })}
    </List>
  );
};

// What went wrong with a step of the return, in plain words: a newer version (412, with a way to
// reload), missing steps (422, or 409 with the step that must come first), a case that moved on or
// a record already there (409), or the generic message for the error code. Field errors are shown
// on the fields instead. Announced and focusable.
export const ReturnError = ({ caseId, error, testId = 'return-error' }: { caseId: string; error: unknown; testId?: string }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const reload = () => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
  const reloadButton = (
    <Button size="xs" variant="default" onClick={reload}>
      {t('return.errors.reload')}
    </Button>
  );

  if (isStale(error)) {
    return (
      <Alert color="orange" title={t('return.errors.staleTitle')} data-testid={testId} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('return.errors.stale')}</Text>
          {reloadButton}
        </Stack>
      </Alert>
    );
  }
  const unmet = unmetOf(error);
  if (unmet.length > 0) {
    return (
      <Alert color="orange" title={t('return.errors.unmetTitle')} data-testid={testId} role="alert">
        <UnmetList unmet={unmet} />
      </Alert>
    );
  }
  if (isApiError(error) && error.code === 'CONFLICT') {
    const state = typeof error.details?.state === 'string' ? error.details.state : null;
    return (
      <Alert color="red" data-testid={testId} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{state ? t('return.errors.wrongState', { state: t(`states.${state}`) }) : t('return.errors.conflict')}</Text>
          {reloadButton}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="red" data-testid={testId} role="alert">
      {errorMessage(error)}
    </Alert>
  );
};
