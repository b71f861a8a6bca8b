import {
  AssistanceStatusSchema,
  UpdateAssistanceItemSchema,
  type AssistanceItem,
  type AssistanceStatus,
  type UpdateAssistanceItemInput,
} from '@app/contracts';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { updateAssistanceItem } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { todayIso } from '../utils/return-format';
import { returnResolver } from '../utils/return-zod';
import { useEnumOptions } from './plan-options';
import { ReturnError } from './return-error';

// Progress of one item: delivered (with the date) or cancelled (with the reason).
type StatusValues = { status: AssistanceStatus; deliveredOn: string; note: string };
const STATUS_FIELDS = ['status', 'deliveredOn', 'note'] as const;
const statusResolver = returnResolver(UpdateAssistanceItemSchema, (values: StatusValues) => ({
  status: values.status,
  ...(values.status === 'DELIVERED' && values.deliveredOn ? { deliveredOn: values.deliveredOn } : {}),
  ...(values.note.trim() ? { note: values.note } : {}),
}));

export type UpdateItem = (itemId: string, input: UpdateAssistanceItemInput) => Promise<unknown>;

export const ItemStatusForm = ({ caseId, item, onDone, update }: { caseId: string; item: AssistanceItem; onDone: () => void; update?: UpdateItem | undefined }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const options = useEnumOptions();
  const form = useForm<StatusValues, unknown, UpdateAssistanceItemInput>({
    resolver: statusResolver,
    defaultValues: { status: item.status === 'PLANNED' ? 'DELIVERED' : item.status, deliveredOn: item.deliveredOn ?? todayIso(), note: '' },
  });
  const { errors } = form.formState;
  const status = useWatch({ control: form.control, name: 'status' });
  const mutation = useReturnMutation(caseId, (input: UpdateAssistanceItemInput) => (update ? update(item.id, input) : updateAssistanceItem(caseId, item.id, input)));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.plan.itemUpdated') });
        onDone();
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, STATUS_FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: { note: { max: 2000 } } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('return.plan.updateItemLabel', { item: item.description })} data-testid="item-status-form">
      <Stack gap="xs">
        {mutation.isError && !hasFieldErrorsFor(mutation.error, STATUS_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <Group align="flex-start" gap="xs" wrap="wrap">
          <Controller
            control={form.control}
            name="status"
            render={({ field }) => (
              <Select
                label={t('return.plan.status')}
                allowDeselect={false}
                data={options.statuses}
                value={field.value}
                onChange={(value) => field.onChange(AssistanceStatusSchema.safeParse(value).data ?? field.value)}
                ref={field.ref}
                name={field.name}
                w={170}
                error={fieldError(errors.status)}
              />
            )}
          />
          {status === 'DELIVERED' && <TextInput type="date" label={t('return.plan.deliveredOn')} required max={todayIso()} error={fieldError(errors.deliveredOn)} {...form.register('deliveredOn')} />}
          <TextInput label={t(status === 'CANCELLED' ? 'return.plan.cancelReason' : 'return.plan.note')} required={status === 'CANCELLED'} error={fieldError(errors.note)} {...form.register('note')} />
        </Group>
        <Group gap="xs">
          <Button type="submit" size="xs" loading={mutation.isPending}>
            {t('return.plan.updateItem')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
