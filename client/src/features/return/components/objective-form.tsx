import {
  CreateReintegrationObjectiveSchema,
  ReintegrationDimensionSchema,
  ReintegrationLevelSchema,
  type ReintegrationDimension,
  type ReintegrationLevel,
  type CreateReintegrationObjectiveInput,
} from '@app/contracts';
import { Button, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { addObjective } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { returnResolver } from '../utils/return-zod';
import { useEnumOptions } from './plan-options';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

// A new objective of the reintegration plan, by dimension and level.

type ObjectiveValues = { dimension: ReintegrationDimension | ''; level: ReintegrationLevel | ''; description: string };
const OBJECTIVE_FIELDS = ['dimension', 'level', 'description'] as const;
const objectiveResolver = returnResolver(CreateReintegrationObjectiveSchema, (values: ObjectiveValues) => ({
  dimension: values.dimension || undefined,
  level: values.level || undefined,
  description: values.description,
}));
const OBJECTIVE_DEFAULTS: ObjectiveValues = { dimension: '', level: '', description: '' };

export const ObjectiveForm = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const options = useEnumOptions();
  const form = useForm<ObjectiveValues, unknown, CreateReintegrationObjectiveInput>({ resolver: objectiveResolver, defaultValues: OBJECTIVE_DEFAULTS });
  const { errors } = form.formState;
  const mutation = useReturnMutation(caseId, (input: CreateReintegrationObjectiveInput) => addObjective(caseId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.plan.objectiveAdded') });
        form.reset(OBJECTIVE_DEFAULTS);
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, OBJECTIVE_FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: { description: { min: 3, max: 2000 } } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="objective-form-heading" data-testid="objective-form">
      <Stack gap="sm">
        <SubHeading id="objective-form-heading">{t('return.plan.addObjective')}</SubHeading>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, OBJECTIVE_FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="dimension"
            render={({ field }) => (
              <Select label={t('return.plan.dimension')} required data={options.dimensions} value={field.value || null} onChange={(value) => field.onChange(ReintegrationDimensionSchema.safeParse(value).data ?? '')} onBlur={field.onBlur} ref={field.ref} name={field.name} error={fieldError(errors.dimension)} />
            )}
          />
          <Controller
            control={form.control}
            name="level"
            render={({ field }) => (
              <Select label={t('return.plan.level')} required data={options.levels} value={field.value || null} onChange={(value) => field.onChange(ReintegrationLevelSchema.safeParse(value).data ?? '')} onBlur={field.onBlur} ref={field.ref} name={field.name} error={fieldError(errors.level)} />
            )}
          />
        </SimpleGrid>
        <Textarea label={t('return.plan.objectiveDescription')} required autosize minRows={2} error={fieldError(errors.description)} data-testid="objective-description" {...form.register('description')} />
        <div>
          <Button type="submit" variant="light" loading={mutation.isPending}>
            {t('return.plan.addObjectiveSubmit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
