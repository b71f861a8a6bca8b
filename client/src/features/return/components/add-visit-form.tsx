import { AddMonitoringVisitSchema, type AddMonitoringVisitInput } from '@app/contracts';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { addMonitoringVisit } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { todayIso } from '../utils/return-format';
import { returnResolver } from '../utils/return-zod';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

// An extra monitoring visit (e.g. for a vulnerable child).

type AddValues = { plannedOn: string; reason: string };
const ADD_FIELDS = ['plannedOn', 'reason'] as const;

export const AddVisitForm = ({ caseId, onDone }: { caseId: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const form = useForm<AddValues, unknown, AddMonitoringVisitInput>({ resolver: returnResolver(AddMonitoringVisitSchema), defaultValues: { plannedOn: '', reason: '' } });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: AddMonitoringVisitInput) => addMonitoringVisit(caseId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.monitoring.visitAdded') });
        onDone();
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, ADD_FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: { reason: { min: 3, max: 2000 } } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-visit-heading" data-testid="add-visit-form">
      <Stack gap="xs">
        <SubHeading id="add-visit-heading">{t('return.monitoring.addHeading')}</SubHeading>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, ADD_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('return.monitoring.plannedOn')} required min={todayIso()} error={fieldError(errors.plannedOn)} {...form.register('plannedOn')} />
          <TextInput label={t('return.monitoring.extraReason')} description={t('return.monitoring.extraReasonHint')} required error={fieldError(errors.reason)} {...form.register('reason')} />
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit" size="xs" loading={mutation.isPending}>
            {t('return.monitoring.addSubmit')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
