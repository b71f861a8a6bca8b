import {
  AssistanceTypeSchema,
  CreateAssistanceItemSchema,
  ReintegrationDimensionSchema,
  ReintegrationLevelSchema,
  type AssistanceType,
  type ReintegrationDimension,
  type ReintegrationLevel,
  type CreateAssistanceItemInput,
  type ReintegrationPlan,
} from '@app/contracts';
import { Button, Checkbox, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { addAssistanceItem } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { returnResolver } from '../utils/return-zod';
import { useEnumOptions } from './plan-options';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

// A new assistance item of the reintegration plan.

type ItemValues = {
  objectiveId: string;
  dimension: ReintegrationDimension | '';
  level: ReintegrationLevel | '';
  type: AssistanceType | '';
  description: string;
  provider: string;
  budgetEur: number | string;
  inKind: boolean;
  plannedOn: string;
};
const ITEM_FIELDS = ['objectiveId', 'dimension', 'level', 'type', 'description', 'provider', 'budgetEur', 'inKind', 'plannedOn'] as const;
const ITEM_DEFAULTS: ItemValues = { objectiveId: '', dimension: '', level: '', type: '', description: '', provider: '', budgetEur: '', inKind: true, plannedOn: '' };
const itemResolver = returnResolver(CreateAssistanceItemSchema, (values: ItemValues) => ({
  dimension: values.dimension || undefined,
  level: values.level || undefined,
  type: values.type || undefined,
  description: values.description,
  provider: values.provider,
  budgetEur: values.budgetEur === '' ? undefined : Number(values.budgetEur),
  inKind: values.inKind,
  ...(values.objectiveId ? { objectiveId: values.objectiveId } : {}),
  ...(values.plannedOn ? { plannedOn: values.plannedOn } : {}),
}));

export const ItemForm = ({ caseId, plan }: { caseId: string; plan: ReintegrationPlan }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const options = useEnumOptions();
  const form = useForm<ItemValues, unknown, CreateAssistanceItemInput>({ resolver: itemResolver, defaultValues: ITEM_DEFAULTS });
  const { errors } = form.formState;
  const inKind = useWatch({ control: form.control, name: 'inKind' });
  const mutation = useReturnMutation(caseId, (input: CreateAssistanceItemInput) => addAssistanceItem(caseId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.plan.itemAdded') });
        form.reset(ITEM_DEFAULTS);
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, ITEM_FIELDS, {
        vocabulary: RETURN_FIELD_ERRORS,
        limits: { description: { min: 3, max: 2000 }, provider: { min: 2, max: 200 } },
      }),
    }),
  );
  // Choosing an objective fills its dimension and level (they can still be changed).
  const chooseObjective = (objectiveId: string) => {
    form.setValue('objectiveId', objectiveId);
    const objective = plan.objectives.find((candidate) => candidate.id === objectiveId);
    if (objective) {
      form.setValue('dimension', objective.dimension);
      form.setValue('level', objective.level);
    }
  };
  const parsers = { dimension: ReintegrationDimensionSchema, level: ReintegrationLevelSchema, type: AssistanceTypeSchema };
  const select = (name: 'dimension' | 'level' | 'type', label: string, data: { value: string; label: string }[]) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select label={label} required data={data} value={field.value || null} onChange={(value) => field.onChange(parsers[name].safeParse(value).data ?? '')} onBlur={field.onBlur} ref={field.ref} name={field.name} error={fieldError(errors[name])} />
      )}
    />
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="item-form-heading" data-testid="item-form">
      <Stack gap="sm">
        <SubHeading id="item-form-heading">{t('return.plan.addItem')}</SubHeading>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, ITEM_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Controller
            control={form.control}
            name="objectiveId"
            render={({ field }) => (
              <Select
                label={t('return.plan.objective')}
                description={t('return.plan.objectiveHint')}
                clearable
                data={plan.objectives.map((objective) => ({ value: objective.id, label: objective.description.slice(0, 80) }))}
                value={field.value || null}
                onChange={(value) => chooseObjective(value ?? '')}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.objectiveId)}
              />
            )}
          />
          {select('type', t('return.plan.type'), options.types)}
          {select('dimension', t('return.plan.dimension'), options.dimensions)}
          {select('level', t('return.plan.level'), options.levels)}
        </SimpleGrid>
        <Textarea label={t('return.plan.itemDescription')} required autosize minRows={2} error={fieldError(errors.description)} data-testid="item-description" {...form.register('description')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('return.plan.provider')} description={t('return.plan.providerHint')} required error={fieldError(errors.provider)} {...form.register('provider')} />
          <Controller
            control={form.control}
            name="budgetEur"
            render={({ field }) => (
              <NumberInput
                label={t('return.plan.budget')}
                description={t('return.plan.budgetHint')}
                required
                min={0}
                max={1_000_000}
                decimalScale={2}
                step={10}
                prefix="€ "
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.budgetEur)}
              />
            )}
          />
          <TextInput type="date" label={t('return.plan.plannedOn')} error={fieldError(errors.plannedOn)} {...form.register('plannedOn')} />
        </SimpleGrid>
        <Checkbox label={t('return.plan.inKind')} description={t(inKind ? 'return.plan.inKindHint' : 'return.plan.cashHint')} {...form.register('inKind')} />
        <div>
          <Button type="submit" variant="light" loading={mutation.isPending}>
            {t('return.plan.addItemSubmit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
