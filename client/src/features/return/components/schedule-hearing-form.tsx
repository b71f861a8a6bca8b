import { ScheduleHearingSchema, type ScheduleHearingInput } from '@app/contracts';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { localDateTimeToIso } from '@/lib/form-values';
import { scheduleHearing } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { returnResolver } from '../utils/return-zod';
import { ReturnError } from './return-error';

// A hearing of the proceeding, scheduled.

type ScheduleValues = { scheduledAt: string; note: string };
const SCHEDULE_FIELDS = ['scheduledAt', 'note'] as const;
const scheduleResolver = returnResolver(ScheduleHearingSchema, (values: ScheduleValues) => ({
  scheduledAt: localDateTimeToIso(values.scheduledAt),
  ...(values.note.trim() ? { note: values.note } : {}),
}));

export const ScheduleHearingForm = ({ caseId, proceedingId, onDone }: { caseId: string; proceedingId: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const form = useForm<ScheduleValues, unknown, ScheduleHearingInput>({ resolver: scheduleResolver, defaultValues: { scheduledAt: '', note: '' } });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: ScheduleHearingInput) => scheduleHearing(caseId, proceedingId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.hearingScheduled') });
        onDone();
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, SCHEDULE_FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: { note: { max: 2000 } } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('return.court.scheduleHearing')} data-testid="hearing-schedule-form">
      <Stack gap="xs">
        {mutation.isError && !hasFieldErrorsFor(mutation.error, SCHEDULE_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <Group align="flex-start" grow>
          <TextInput type="datetime-local" label={t('return.court.scheduledAt')} required error={fieldError(errors.scheduledAt)} {...form.register('scheduledAt')} />
          <TextInput label={t('return.court.hearingNote')} error={fieldError(errors.note)} {...form.register('note')} />
        </Group>
        <Group gap="xs">
          <Button type="submit" size="xs" loading={mutation.isPending}>
            {t('return.court.scheduleSubmit')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
