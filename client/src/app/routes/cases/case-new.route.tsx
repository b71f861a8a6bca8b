import { IOM_STAFF_ROLES, type Role } from '@app/contracts';
import { Anchor, Stack } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { IntakeForm, intakeQueries } from '@/features/intake';
import { requireRole, useCurrentUser } from '@/lib/auth';

// Only IOM staff register requests (POST /api/cases).
const canRegisterCases = (role: Role): boolean => (IOM_STAFF_ROLES as readonly Role[]).includes(role);

export const caseNewLoader = (queryClient: QueryClient) => async () => {
  const user = await requireRole(queryClient, canRegisterCases);
  await Promise.all([
    queryClient.ensureQueryData(intakeQueries.organisations()),
    queryClient.ensureQueryData(intakeQueries.users('guardian')),
    ...(user.role === 'supervisor' ? [queryClient.ensureQueryData(intakeQueries.users('caseworker'))] : []),
  ]);
  return null;
};

export const CaseNewRoute = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const supervisor = user.role === 'supervisor';
  const organisations = useSuspenseQuery(intakeQueries.organisations());
  const guardians = useSuspenseQuery(intakeQueries.users('guardian'));
  // The loader has them ready for a supervisor; a caseworker registers cases for themself.
  const caseworkers = useQuery({ ...intakeQueries.users('caseworker'), enabled: supervisor });
  return (
    <Stack maw={960}>
      <Anchor component={Link} to={paths.cases()} size="sm">
        {t('intake.backToCases')}
      </Anchor>
      <PageTitle documentTitle={t('intake.title')}>{t('intake.title')}</PageTitle>
      <IntakeForm
        user={user}
        directory={{ organisations: organisations.data, guardians: guardians.data, caseworkers: supervisor ? (caseworkers.data ?? []) : null }}
      />
    </Stack>
  );
};
