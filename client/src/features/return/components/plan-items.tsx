import {
  AssistanceStatusSchema,
  AssistanceTypeSchema,
  CreateAssistanceItemSchema,
  CreateReintegrationObjectiveSchema,
  ReintegrationDimensionSchema,
  ReintegrationLevelSchema,
  UpdateAssistanceItemSchema,
  type AssistanceItem,
  type AssistanceType,
  type ReintegrationDimension,
  type ReintegrationLevel,
  type AssistanceStatus,
  type CreateAssistanceItemInput,
  type CreateReintegrationObjectiveInput,
  type ReintegrationPlan,
  type UpdateAssistanceItemInput,
} from '@app/contracts';
import { Badge, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/features/case-file/components/query-state';
import { formatCalendarDate } from '@/lib/format';
import { returnResolver } from '../utils/return-zod';
import { useLocale } from '@/lib/i18n';
import { addAssistanceItem, addObjective, updateAssistanceItem } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { applyReturnFieldErrors, hasReturnFieldErrors, useReturnFieldErrorText } from '../utils/return-errors';
import { formatEuro, todayIso } from '../utils/return-format';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

const STATUS_COLOR: Record<AssistanceStatus, string> = { PLANNED: 'gray', IN_PROGRESS: 'blue', DELIVERED: 'green', CANCELLED: 'red' };

export const AssistanceStatusBadge = ({ status }: { status: AssistanceStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" tt="none">
      {t(`return.plan.statuses.${status}`)}
    </Badge>
  );
};

// ---------------------------------------------------------------------------------------------
// Objectives by dimension and level

type ObjectiveValues = { dimension: ReintegrationDimension | ''; level: ReintegrationLevel | ''; description: string };
const OBJECTIVE_FIELDS = ['dimension', 'level', 'description'] as const;
const objectiveResolver = returnResolver(CreateReintegrationObjectiveSchema, (values: ObjectiveValues) => ({
  dimension: values.dimension || undefined,
  level: values.level || undefined,
  description: values.description,
}));
const OBJECTIVE_DEFAULTS: ObjectiveValues = { dimension: '', level: '', description: '' };

const useEnumOptions = () => {
  const { t } = useTranslation();
  return {
    dimensions: ReintegrationDimensionSchema.options.map((value) => ({ value, label: t(`return.plan.dimensions.${value}`) })),
    levels: ReintegrationLevelSchema.options.map((value) => ({ value, label: t(`return.plan.levels.${value}`) })),
    types: AssistanceTypeSchema.options.map((value) => ({ value, label: t(`return.plan.types.${value}`) })),
    statuses: AssistanceStatusSchema.options.map((value) => ({ value, label: t(`return.plan.statuses.${value}`) })),
  };
};

export const ObjectiveForm = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const fieldError = useReturnFieldErrorText();
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
      onError: (error) => applyReturnFieldErrors(error, form.setError, OBJECTIVE_FIELDS, { description: { min: 3, max: 2000 } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="objective-form-heading" data-testid="objective-form">
      <Stack gap="sm">
        <SubHeading id="objective-form-heading">{t('return.plan.addObjective')}</SubHeading>
        {mutation.isError && !hasReturnFieldErrors(mutation.error, OBJECTIVE_FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
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

export const ObjectiveList = ({ plan }: { plan: Pick<ReintegrationPlan, 'objectives'> }) => {
  const { t } = useTranslation();
  if (plan.objectives.length === 0) return <EmptyState testId="objectives-empty">{t('return.plan.noObjectives')}</EmptyState>;
  return (
    <Stack gap="sm" data-testid="objectives">
      {ReintegrationDimensionSchema.options.map((dimension) => {
        const objectives = plan.objectives.filter((objective) => objective.dimension === dimension);
        if (objectives.length === 0) return null;
        return (
          <div key={dimension}>
            <Text fw={600} size="sm">
              {t(`return.plan.dimensions.${dimension}`)}
            </Text>
            <Stack component="ul" gap={4} m={0} pl="md">
              {objectives.map((objective) => (
                <Text component="li" size="sm" key={objective.id} data-testid="objective">
                  {objective.description}{' '}
                  <Badge variant="outline" color="gray" tt="none" size="sm">
                    {t(`return.plan.levels.${objective.level}`)}
                  </Badge>
                </Text>
              ))}
            </Stack>
          </div>
        );
      })}
    </Stack>
  );
};

// ---------------------------------------------------------------------------------------------
// Assistance items

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
  const fieldError = useReturnFieldErrorText();
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
      onError: (error) => applyReturnFieldErrors(error, form.setError, ITEM_FIELDS, { description: { min: 3, max: 2000 }, provider: { min: 2, max: 200 } }),
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
        {mutation.isError && !hasReturnFieldErrors(mutation.error, ITEM_FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
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

// Progress of one item: delivered (with the date) or cancelled (with the reason).
type StatusValues = { status: AssistanceStatus; deliveredOn: string; note: string };
const STATUS_FIELDS = ['status', 'deliveredOn', 'note'] as const;
const statusResolver = returnResolver(UpdateAssistanceItemSchema, (values: StatusValues) => ({
  status: values.status,
  ...(values.status === 'DELIVERED' && values.deliveredOn ? { deliveredOn: values.deliveredOn } : {}),
  ...(values.note.trim() ? { note: values.note } : {}),
}));

type UpdateItem = (itemId: string, input: UpdateAssistanceItemInput) => Promise<unknown>;

const ItemStatusForm = ({ caseId, item, onDone, update }: { caseId: string; item: AssistanceItem; onDone: () => void; update?: UpdateItem | undefined }) => {
  const { t } = useTranslation();
  const fieldError = useReturnFieldErrorText();
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
      onError: (error) => applyReturnFieldErrors(error, form.setError, STATUS_FIELDS, { note: { max: 2000 } }),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('return.plan.updateItemLabel', { item: item.description })} data-testid="item-status-form">
      <Stack gap="xs">
        {mutation.isError && !hasReturnFieldErrors(mutation.error, STATUS_FIELDS) && <ReturnError caseId={caseId} error={mutation.error} />}
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

type ItemTableProps = {
  caseId: string;
  plan: Pick<ReintegrationPlan, 'objectives' | 'assistanceItems' | 'totalBudgetEur'>;
  canUpdate: boolean;
  // Where a status change is sent; by default IOM Rome's endpoint (the mission passes its own).
  updateItem?: UpdateItem;
};

export const ItemTable = ({ caseId, plan, canUpdate, updateItem }: ItemTableProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  if (plan.assistanceItems.length === 0) return <EmptyState testId="items-empty">{t('return.plan.noItems')}</EmptyState>;
  const objectiveOf = (id: string | null) => plan.objectives.find((objective) => objective.id === id)?.description;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" data-testid="assistance-items">
        <Table.Caption>{t('return.plan.itemsCaption', { count: plan.assistanceItems.length, total: formatEuro(plan.totalBudgetEur, locale) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('return.plan.columns.item')}</Table.Th>
            <Table.Th scope="col">{t('return.plan.columns.dimension')}</Table.Th>
            <Table.Th scope="col">{t('return.plan.columns.provider')}</Table.Th>
            <Table.Th scope="col">{t('return.plan.columns.budget')}</Table.Th>
            <Table.Th scope="col">{t('return.plan.columns.planned')}</Table.Th>
            <Table.Th scope="col">{t('return.plan.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.assistanceItems.map((item) => (
            <Table.Tr key={item.id} data-testid="assistance-item">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`return.plan.types.${item.type}`)}
                </Text>
                <Text size="sm">{item.description}</Text>
                {item.objectiveId && (
                  <Text size="xs" c="dimmed">
                    {t('return.plan.forObjective', { objective: objectiveOf(item.objectiveId) ?? '' })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`return.plan.dimensions.${item.dimension}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`return.plan.levels.${item.level}`)}
                </Text>
              </Table.Td>
              <Table.Td>{item.provider}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatEuro(item.budgetEur, locale)}</Text>
                <Text size="xs" c="dimmed">
                  {t(item.inKind ? 'return.plan.inKindShort' : 'return.plan.cashShort')}
                </Text>
              </Table.Td>
              <Table.Td>{item.plannedOn ? formatCalendarDate(item.plannedOn, locale) : t('common.notAvailable')}</Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <AssistanceStatusBadge status={item.status} />
                  {item.deliveredOn && <Text size="xs">{t('return.plan.deliveredOnDate', { date: formatCalendarDate(item.deliveredOn, locale) })}</Text>}
                  {item.note && (
                    <Text size="xs" c="dimmed">
                      {item.note}
                    </Text>
                  )}
                  {canUpdate &&
                    (editing === item.id ? (
                      <ItemStatusForm caseId={caseId} item={item} onDone={() => setEditing(null)} update={updateItem} />
                    ) : (
                      <Button size="xs" variant="subtle" onClick={() => setEditing(item.id)} aria-label={t('return.plan.updateItemLabel', { item: item.description })}>
                        {t('return.plan.updateStatus')}
                      </Button>
                    ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
