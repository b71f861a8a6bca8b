import { EscalateConcernSchema, type EscalateConcernInput } from '@app/contracts';
import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { escalateConcern } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { returnResolver } from '../utils/return-zod';
import { ReturnError } from './return-error';

// The escalation of a protection concern found at a visit.

type EscalateValues = { referredTo: string; note: string };
const ESCALATE_FIELDS = ['referredTo', 'note'] as const;

// `escalate`: where the referral is sent; by default IOM Rome's endpoint (the mission passes its own).
export const EscalateForm = ({ caseId, visitId, onDone, escalate }: { caseId: string; visitId: string; onDone: () => void; escalate?: (input: EscalateConcernInput) => Promise<unknown> }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const form = useForm<EscalateValues, unknown, EscalateConcernInput>({ resolver: returnResolver(EscalateConcernSchema), defaultValues: { referredTo: '', note: '' } });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: EscalateConcernInput) => (escalate ? escalate(input) : escalateConcern(caseId, visitId, input)));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.monitoring.escalated') });
        onDone();
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, ESCALATE_FIELDS, {
        vocabulary: RETURN_FIELD_ERRORS,
        limits: { referredTo: { min: 2, max: 200 }, note: { min: 3, max: 4000 } },
      }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('return.monitoring.escalate')} data-testid="visit-escalate-form">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('return.monitoring.escalateIntro')}
        </Text>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, ESCALATE_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <TextInput label={t('return.monitoring.referredTo')} description={t('return.monitoring.referredToHint')} required error={fieldError(errors.referredTo)} {...form.register('referredTo')} />
        <Textarea label={t('return.monitoring.escalationNote')} required autosize minRows={2} error={fieldError(errors.note)} {...form.register('note')} />
        <Group gap="xs">
          <Button type="submit" size="xs" color="orange" loading={mutation.isPending}>
            {t('return.monitoring.escalateSubmit')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
