import { RecordCourtDecisionSchema, type RecordCourtDecisionInput } from '@app/contracts';
import { Alert, Button, Group, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { recordCourtDecision } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { todayIso } from '../utils/return-format';
import { returnResolver } from '../utils/return-zod';
import { DocumentPicker } from './document-picker';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

// The court's decision (and its decree, which may follow).

type DecisionValues = { outcome: 'RETURN_ORDERED' | 'RETURN_REJECTED' | ''; decidedOn: string; reasonsSummary: string; decreeDocumentId: string; appealDeadline: string };
const DECISION_FIELDS = ['outcome', 'decidedOn', 'reasonsSummary', 'decreeDocumentId', 'appealDeadline'] as const;
const decisionResolver = returnResolver(RecordCourtDecisionSchema, (values: DecisionValues) => ({
  outcome: values.outcome || undefined,
  decidedOn: values.decidedOn,
  reasonsSummary: values.reasonsSummary,
  ...(values.decreeDocumentId ? { decreeDocumentId: values.decreeDocumentId } : {}),
  ...(values.appealDeadline ? { appealDeadline: values.appealDeadline } : {}),
}));

export const DecisionForm = ({ caseId, proceedingId, canList, onDone }: { caseId: string; proceedingId: string; canList: boolean; onDone: () => void }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const form = useForm<DecisionValues, unknown, RecordCourtDecisionInput>({
    resolver: decisionResolver,
    defaultValues: { outcome: '', decidedOn: todayIso(), reasonsSummary: '', decreeDocumentId: '', appealDeadline: '' },
  });
  const { errors } = form.formState;
  const decree = useWatch({ control: form.control, name: 'decreeDocumentId' });
  const mutation = useReturnMutation(caseId, (input: RecordCourtDecisionInput) => recordCourtDecision(caseId, proceedingId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.court.decisionRecorded') });
        onDone();
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, DECISION_FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: { reasonsSummary: { min: 3, max: 4000 } } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`decision-${proceedingId}-heading`} data-testid="decision-form">
      <Stack gap="sm">
        <SubHeading id={`decision-${proceedingId}-heading`}>{t('return.court.decisionHeading')}</SubHeading>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, DECISION_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <Controller
          control={form.control}
          name="outcome"
          render={({ field }) => (
            <Radio.Group label={t('return.court.outcome')} required value={field.value} onChange={(value) => field.onChange(value === 'RETURN_ORDERED' || value === 'RETURN_REJECTED' ? value : '')} name={field.name} error={fieldError(errors.outcome)}>
              <Group mt="xs">
                <Radio value="RETURN_ORDERED" label={t('return.court.outcomes.RETURN_ORDERED')} />
                <Radio value="RETURN_REJECTED" label={t('return.court.outcomes.RETURN_REJECTED')} />
              </Group>
            </Radio.Group>
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('return.court.decidedOn')} required max={todayIso()} error={fieldError(errors.decidedOn)} {...form.register('decidedOn')} />
          <TextInput type="date" label={t('return.court.appealDeadline')} description={t('return.court.appealHint')} error={fieldError(errors.appealDeadline)} {...form.register('appealDeadline')} />
        </SimpleGrid>
        <Textarea label={t('return.court.reasonsSummary')} required autosize minRows={3} error={fieldError(errors.reasonsSummary)} data-testid="decision-reasons" {...form.register('reasonsSummary')} />
        <Controller
          control={form.control}
          name="decreeDocumentId"
          render={({ field }) => (
            <DocumentPicker
              caseId={caseId}
              label={t('return.court.decree')}
              description={t('return.court.decreeHint')}
              types={['COURT_DECREE']}
              uploadType="COURT_DECREE"
              target="decree"
              uploadLabel={t('return.court.uploadDecree')}
              defaultTitle={t('return.court.decreeTitle')}
              value={field.value}
              onChange={field.onChange}
              error={fieldError(errors.decreeDocumentId)}
              canList={canList}
              testId="decision-decree"
            />
          )}
        />
        {!decree && (
          <Alert color="yellow" p="xs">
            {t('return.court.decreeLater')}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} data-testid="decision-submit">
            {t('return.court.decisionSubmit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
