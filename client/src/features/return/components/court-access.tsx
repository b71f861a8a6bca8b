import { COURT_ACCESS_MAX_DAYS, GrantCourtAccessSchema, isCalendarDay, romeMidnight, type CourtAccessGrant, type GrantCourtAccessInput } from '@app/contracts';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { isApiError } from '@/lib/api-client';
import { useCurrentUser } from '@/lib/auth';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { useLocale } from '@/lib/i18n';
import { grantCourtAccess, revokeCourtAccess } from '../api/return-api';
import { returnQueries, useReturnMutation } from '../api/return-queries';
import { isSupervisor } from '../utils/return-access';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { addDays, formatDateTime, todayIso } from '../utils/return-format';
import { returnResolver } from '../utils/return-zod';
import { CourtSelect } from './court-select';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

type Values = { courtOrganisationId: string; until: string; reason: string };
const FIELDS = ['courtOrganisationId', 'until', 'reason'] as const;
// The access ends at the end of the chosen day in Italy (23:59:59 in Rome); anything unreadable is
// passed on so that validation reports it.
const endOfDay = (day: string): string => (isCalendarDay(day) ? new Date(romeMidnight(addDays(day, 1)).getTime() - 1000).toISOString() : day);
const toInput = (values: Values) => ({
  courtOrganisationId: values.courtOrganisationId || undefined,
  expiresAt: values.until ? endOfDay(values.until) : undefined,
  reason: values.reason,
});
const resolver = returnResolver(GrantCourtAccessSchema, toInput);

const GrantForm = ({ caseId, courtId }: { caseId: string; courtId: string | null }) => {
  const { t } = useTranslation();
  const today = todayIso();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const form = useForm<Values, unknown, GrantCourtAccessInput>({
    resolver,
    defaultValues: { courtOrganisationId: courtId ?? '', until: addDays(today, 90), reason: t('return.courtAccess.defaultReason') },
  });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: GrantCourtAccessInput) => grantCourtAccess(caseId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => notifications.show({ color: 'green', message: t('return.courtAccess.granted') }),
      onError: (error) => {
        applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: { reason: { min: 3, max: 1000 } } });
        // The end of the access is chosen as a day here.
        const end = isApiError(error) ? error.details?.fields?.find((field) => field.path === 'expiresAt') : undefined;
        if (end) form.setError('until', { type: 'server', message: end.code === 'in_past' || end.code === 'too_long' ? `return.fieldErrors.${end.code}` : 'validation.invalid' }, { shouldFocus: true });
      },
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="court-access-form-heading" data-testid="court-access-form">
      <Stack gap="xs">
        <SubHeading id="court-access-form-heading">{t('return.courtAccess.formHeading')}</SubHeading>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, [...FIELDS, 'expiresAt'], RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CourtSelect control={form.control} name="courtOrganisationId" error={fieldError(errors.courtOrganisationId)} />
          <TextInput type="date" label={t('return.courtAccess.until')} description={t('return.courtAccess.untilHint')} required min={addDays(today, 1)} max={addDays(today, COURT_ACCESS_MAX_DAYS - 1)} error={fieldError(errors.until)} {...form.register('until')} />
          <TextInput label={t('return.courtAccess.reason')} required error={fieldError(errors.reason)} {...form.register('reason')} />
        </SimpleGrid>
        <div>
          <Button type="submit" size="xs" loading={mutation.isPending} data-testid="court-access-grant">
            {t('return.courtAccess.grant')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};

const GrantLine = ({ caseId, grant, canRevoke }: { caseId: string; grant: CourtAccessGrant; canRevoke: boolean }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const revoke = useReturnMutation(caseId, () => revokeCourtAccess(caseId, grant.id));
  return (
    <Paper withBorder p="xs" component="li" data-testid="court-access-grant-line">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {grant.court.name}
            </Text>
            <Badge color={grant.live ? 'green' : 'gray'} variant="light" tt="none">
              {grant.live ? t('return.courtAccess.live') : t('return.courtAccess.ended')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {grant.expiresAt ? t(grant.live ? 'return.courtAccess.untilLine' : 'return.courtAccess.endedLine', { date: formatDateTime(grant.expiresAt, locale) }) : t('return.courtAccess.noEnd')}
            {grant.grantedBy ? ` · ${t('return.courtAccess.by', { name: grant.grantedBy.displayName })}` : ''}
            {grant.reason ? ` · ${grant.reason}` : ''}
          </Text>
        </Stack>
        {canRevoke && grant.live && (
          <Button
            size="xs"
            variant="default"
            loading={revoke.isPending}
            onClick={() => revoke.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', message: t('return.courtAccess.revoked') }) })}
          >
            {t('return.courtAccess.revoke')}
          </Button>
        )}
      </Group>
      {revoke.isError && <ReturnError caseId={caseId} error={revoke.error} />}
    </Paper>
  );
};

// Whether the juvenile court can see the case (the court's clerks record hearings, decisions and
// decrees only through a live grant of their own court): a supervisor gives it for a limited time.
export const CourtAccess = ({ caseId, courtId }: { caseId: string; courtId: string | null }) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const accessQuery = useQuery(returnQueries.courtAccess(caseId));
  const supervisor = isSupervisor(user.role);
  if (!accessQuery.isSuccess) {
    return accessQuery.isError ? <SectionError error={accessQuery.error} onRetry={() => void accessQuery.refetch()} retrying={accessQuery.isFetching} /> : <SectionSkeleton rows={1} />;
  }
  const grants = accessQuery.data.items;
  const live = grants.some((grant) => grant.live && (courtId === null || grant.court.id === courtId));
  return (
    <Stack gap="xs" data-testid="court-access">
      <SubHeading>{t('return.courtAccess.heading')}</SubHeading>
      <Text size="sm" c={live ? undefined : 'orange.8'} data-testid="court-access-status">
        {live ? t('return.courtAccess.canSee') : t('return.courtAccess.cannotSee')}
      </Text>
      {grants.length > 0 && (
        <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
          {grants.map((grant) => (
            <GrantLine key={grant.id} caseId={caseId} grant={grant} canRevoke={supervisor} />
          ))}
        </Stack>
      )}
      {supervisor ? (
        !live && <GrantForm caseId={caseId} courtId={courtId} />
      ) : (
        !live && (
          <Text size="xs" c="dimmed">
            {t('return.courtAccess.bySupervisor')}
          </Text>
        )
      )}
    </Stack>
  );
};
