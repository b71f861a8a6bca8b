import { RecordHearingSchema, type RecordHearingInput } from '@app/contracts';
import { Button, Checkbox, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { appNow } from '@/lib/clock';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/lib/form-values';
import { recordHearing } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { returnResolver } from '../utils/return-zod';
import { ReturnError } from './return-error';

// A scheduled hearing, as it was held.

type HearingValues = { heldAt: string; minorHeard: boolean; guardianHeard: boolean; interpreterName: string; interpreterLanguage: string; notes: string };
const HEARING_FIELDS = ['heldAt', 'minorHeard', 'guardianHeard', 'interpreterName', 'interpreterLanguage', 'notes'] as const;
const hearingResolver = returnResolver(RecordHearingSchema, (values: HearingValues) => ({
  heldAt: localDateTimeToIso(values.heldAt),
  minorHeard: values.minorHeard,
  guardianHeard: values.guardianHeard,
  ...(values.interpreterName.trim() ? { interpreterName: values.interpreterName } : {}),
  ...(values.interpreterLanguage.trim() ? { interpreterLanguage: values.interpreterLanguage } : {}),
  ...(values.notes.trim() ? { notes: values.notes } : {}),
}));

export const RecordHearingForm = ({ caseId, hearingId, scheduledAt, onDone }: { caseId: string; hearingId: string; scheduledAt: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const now = appNow();
  const initial = new Date(scheduledAt) < now ? toLocalDateTimeInput(new Date(scheduledAt)) : toLocalDateTimeInput(now);
  const form = useForm<HearingValues, unknown, RecordHearingInput>({
    resolver: hearingResolver,
    defaultValues: { heldAt: initial, minorHeard: true, guardianHeard: true, interpreterName: '', interpreterLanguage: '', notes: '' },
  });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: RecordHearingInput) => recordHearing(caseId, hearingId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.hearingRecorded') });
        onDone();
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, HEARING_FIELDS, {
        vocabulary: RETURN_FIELD_ERRORS,
        limits: { interpreterName: { min: 2, max: 200 }, interpreterLanguage: { min: 2, max: 40 }, notes: { max: 4000 } },
      }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('return.court.recordHearing')} data-testid="hearing-record-form">
      <Stack gap="xs">
        {mutation.isError && !hasFieldErrorsFor(mutation.error, HEARING_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <TextInput type="datetime-local" label={t('return.court.heldAt')} required max={toLocalDateTimeInput(now)} error={fieldError(errors.heldAt)} {...form.register('heldAt')} />
        <Group>
          <Checkbox label={t('return.court.minorHeard')} {...form.register('minorHeard')} />
          <Checkbox label={t('return.court.guardianHeard')} {...form.register('guardianHeard')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('return.court.interpreterName')} error={fieldError(errors.interpreterName)} {...form.register('interpreterName')} />
          <TextInput label={t('return.court.interpreterLanguage')} error={fieldError(errors.interpreterLanguage)} {...form.register('interpreterLanguage')} />
        </Group>
        <Textarea label={t('return.court.hearingNotes')} autosize minRows={2} error={fieldError(errors.notes)} {...form.register('notes')} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={mutation.isPending} data-testid="hearing-record-submit">
            {t('return.court.recordHearingSubmit')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
