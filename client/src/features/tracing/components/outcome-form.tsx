import { FieldOutcomeSchema, InterviewModeSchema, RecordTracingOutcomeSchema, type RecordTracingOutcomeInput } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { useRecordOutcome } from '../api/tracing-mutations';
import { TRACING_FIELD_ERRORS } from '../utils/server-errors';
import { MutationError } from './mutation-error';

type OutcomeValues = { outcome: string; notes: string; interviewMode: string };

const FIELDS = ['outcome', 'notes', 'interviewMode'] as const;

// The interview mode belongs to a family that was found.
const toInput = (values: OutcomeValues) => ({
  outcome: values.outcome || undefined,
  notes: values.notes,
  ...(values.outcome === 'LOCATED' && values.interviewMode ? { interviewMode: values.interviewMode } : {}),
});

const resolver = reshapedResolver(zodResolver(RecordTracingOutcomeSchema, zodErrorMap), toInput);

// The outcome closes the request: LOCATED completes it (the assessment follows), anything else
// fails it. It is asked for once more before it is saved.
export const OutcomeForm = ({ requestId, attemptCount }: { requestId: string; attemptCount: number }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(TRACING_FIELD_ERRORS);
  const mutation = useRecordOutcome(requestId);
  const [pending, setPending] = useState<RecordTracingOutcomeInput | null>(null);
  const form = useForm<OutcomeValues, unknown, RecordTracingOutcomeInput>({ resolver, defaultValues: { outcome: '', notes: '', interviewMode: '' } });
  const { errors } = form.formState;
  const outcome = useWatch({ control: form.control, name: 'outcome' });

  const review = form.handleSubmit((input) => {
    mutation.reset();
    setPending(input);
  });

  const confirm = () => {
    if (!pending) return;
    mutation.mutate(pending, {
      onSuccess: (request) => {
        setPending(null);
        notifications.show({ color: 'green', message: t('tracing.outcomeForm.saved', { outcome: t(`tracing.outcome.${request.outcome ?? pending.outcome}`) }) });
      },
      onError: (error) => {
        setPending(null);
        applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: TRACING_FIELD_ERRORS, limits: { notes: { min: 3, max: 4000 } } });
      },
    });
  };

  const showAlert = mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS, TRACING_FIELD_ERRORS);

  return (
    <form onSubmit={(event) => void review(event)} noValidate aria-labelledby="outcome-form-heading" data-testid="outcome-form">
      <Stack>
        <Title order={3} size="h5" id="outcome-form-heading">
          {t('tracing.outcomeForm.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tracing.outcomeForm.intro')}
        </Text>
        {attemptCount === 0 && (
          <Alert color="yellow" data-testid="outcome-needs-attempt">
            {t('tracing.outcomeForm.needsAttempt')}
          </Alert>
        )}
        {showAlert && <MutationError error={mutation.error} conflictKey="tracing.errors.requestClosed" />}
        <Controller
          control={form.control}
          name="outcome"
          render={({ field }) => (
            <Radio.Group label={t('tracing.outcomeForm.outcome')} required value={field.value} onChange={field.onChange} name={field.name} error={fieldError(errors.outcome)}>
              <Stack mt="xs" gap="xs">
                {FieldOutcomeSchema.options.map((value) => (
                  <Radio key={value} value={value} label={t(`tracing.outcome.${value}`)} description={t(`tracing.outcomeForm.effect.${value}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        {outcome === 'LOCATED' && (
          <NativeSelect
            label={t('tracing.fields.interviewMode')}
            description={t('tracing.outcomeForm.interviewModeHint')}
            data={[
              { value: '', label: t('tracing.outcomeForm.interviewModeLater') },
              ...InterviewModeSchema.options.map((mode) => ({ value: mode, label: t(`tracing.interviewMode.${mode}`) })),
            ]}
            error={fieldError(errors.interviewMode)}
            {...form.register('interviewMode')}
          />
        )}
        <Textarea
          label={t('tracing.outcomeForm.notes')}
          description={t('tracing.outcomeForm.notesHint')}
          required
          autosize
          minRows={3}
          error={fieldError(errors.notes)}
          {...form.register('notes')}
        />
        <div>
          <Button type="submit" color="dark">
            {t('tracing.outcomeForm.review')}
          </Button>
        </div>
      </Stack>
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('tracing.outcomeForm.confirmTitle')}>
        <Stack data-testid="outcome-confirm">
          <Text>
            {pending && t('tracing.outcomeForm.confirmBody', { outcome: t(`tracing.outcome.${pending.outcome}`) })}
          </Text>
          <Text fw={600}>{t('tracing.outcomeForm.confirmWarning')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} loading={mutation.isPending}>
              {t('tracing.outcomeForm.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
};
