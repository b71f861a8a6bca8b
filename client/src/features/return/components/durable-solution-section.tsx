import { DurableSolutionTypeSchema, RecordDurableSolutionSchema, type DurableSolutionType, type RecordDurableSolutionInput, type ReturnFile } from '@app/contracts';
import { Badge, Blockquote, Button, Checkbox, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { formatCalendarDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { recordDurableSolution } from '../api/return-api';
import { useReturnMutation } from '../api/return-queries';
import { DURABLE_SOLUTION_STATES, RETURNED_STATES, isIn } from '../utils/return-access';
import { RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { todayIso } from '../utils/return-format';
import { returnResolver } from '../utils/return-zod';
import { ReturnError } from './return-error';
import { ReturnSection, SubHeading, type SectionProps } from './return-section';

type Values = {
  solution: DurableSolutionType | '';
  decidedBy: string;
  decisionRef: string;
  decidedOn: string;
  courtDecisionId: string;
  minorViews: string;
  minorViewsLanguage: string;
  mediatorPresent: boolean;
  mediatorName: string;
  viewsRelayedBy: string;
  optionsConsidered: DurableSolutionType[];
  biaRef: string;
};
const FIELDS = ['solution', 'decidedBy', 'decisionRef', 'decidedOn', 'courtDecisionId', 'minorViews', 'minorViewsLanguage', 'mediatorPresent', 'mediatorName', 'viewsRelayedBy', 'optionsConsidered', 'biaRef'] as const;
const LIMITS = { decidedBy: { min: 2, max: 200 }, decisionRef: { min: 2, max: 200 }, minorViews: { min: 3, max: 4000 }, minorViewsLanguage: { min: 2, max: 40 }, mediatorName: { min: 2, max: 200 }, viewsRelayedBy: { min: 2, max: 200 }, biaRef: { max: 200 } };

const toInput = (values: Values) => ({
  solution: values.solution || undefined,
  decidedBy: values.decidedBy,
  decisionRef: values.decisionRef,
  decidedOn: values.decidedOn,
  minorViews: values.minorViews,
  minorViewsLanguage: values.minorViewsLanguage,
  mediatorPresent: values.mediatorPresent,
  optionsConsidered: values.optionsConsidered,
  ...(values.courtDecisionId && values.solution === 'RETURN_AVR' ? { courtDecisionId: values.courtDecisionId } : {}),
  ...(values.mediatorPresent ? { mediatorName: values.mediatorName } : {}),
  ...(values.viewsRelayedBy.trim() ? { viewsRelayedBy: values.viewsRelayedBy } : {}),
  ...(values.biaRef.trim() ? { biaRef: values.biaRef } : {}),
});
const resolver = returnResolver(RecordDurableSolutionSchema, toInput);

const SolutionForm = ({ caseId, returned, file, onDone }: { caseId: string; returned: boolean; file: ReturnFile; onDone: () => void }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  // The court's decision ordering the return, with its decree: what a return rests on.
  const orders = file.court.proceedings.flatMap((proceeding) =>
    proceeding.decision && proceeding.decision.outcome === 'RETURN_ORDERED' && proceeding.decision.decreeDocumentId ? [{ proceeding, decision: proceeding.decision }] : [],
  );
  // A returned minor's case closes on the court's return; a local one is decided in Italy.
  const choices: readonly DurableSolutionType[] = returned ? ['RETURN_AVR'] : DurableSolutionTypeSchema.options.filter((value) => value !== 'RETURN_AVR');
  const form = useForm<Values, unknown, RecordDurableSolutionInput>({
    resolver,
    defaultValues: {
      solution: returned ? 'RETURN_AVR' : '',
      decidedBy: returned ? (orders[0]?.proceeding.court.name ?? '') : '',
      decisionRef: returned ? (orders[0]?.proceeding.docketNumber ?? '') : '',
      decidedOn: returned ? (orders[0]?.decision.decidedOn ?? todayIso()) : todayIso(),
      courtDecisionId: orders[0]?.decision.id ?? '',
      minorViews: '',
      minorViewsLanguage: '',
      mediatorPresent: false,
      mediatorName: '',
      viewsRelayedBy: '',
      optionsConsidered: returned ? ['RETURN_AVR'] : [],
      biaRef: '',
    },
  });
  const { errors } = form.formState;
  const [solution, mediatorPresent] = useWatch({ control: form.control, name: ['solution', 'mediatorPresent'] });
  const mutation = useReturnMutation(caseId, (input: RecordDurableSolutionInput) => recordDurableSolution(caseId, input));
  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('return.solution.recorded') });
        onDone();
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: LIMITS }),
    }),
  );
  const optionData = DurableSolutionTypeSchema.options.map((value) => ({ value, label: t(`return.solution.types.${value}`) }));
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="solution-form-heading" data-testid="solution-form">
      <Stack gap="sm">
        <SubHeading id="solution-form-heading">{t('return.solution.formHeading')}</SubHeading>
        <Text size="sm" c="dimmed">
          {t(returned ? 'return.solution.formIntroReturn' : 'return.solution.formIntroLocal')}
        </Text>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="solution"
            render={({ field }) => (
              <Select
                label={t('return.solution.solution')}
                required
                allowDeselect={false}
                data={choices.map((value) => ({ value, label: t(`return.solution.types.${value}`) }))}
                value={field.value || null}
                onChange={(value) => {
                  const chosen = DurableSolutionTypeSchema.safeParse(value).data;
                  field.onChange(chosen ?? '');
                  // The chosen solution is among those considered.
                  const considered = form.getValues('optionsConsidered');
                  if (chosen && !considered.includes(chosen)) form.setValue('optionsConsidered', [...considered, chosen]);
                }}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.solution)}
              />
            )}
          />
          <Controller
            control={form.control}
            name="optionsConsidered"
            render={({ field }) => (
              <MultiSelect
                label={t('return.solution.options')}
                description={t('return.solution.optionsHint')}
                required
                data={optionData}
                value={field.value}
                onChange={(values) => field.onChange(values.flatMap((value) => DurableSolutionTypeSchema.safeParse(value).data ?? []))}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                maxValues={5}
                error={fieldError(errors.optionsConsidered as Parameters<typeof fieldError>[0])}
              />
            )}
          />
          <TextInput label={t('return.solution.decidedBy')} description={t(returned ? 'return.solution.decidedByCourt' : 'return.solution.decidedByLocal')} required error={fieldError(errors.decidedBy)} {...form.register('decidedBy')} />
          <TextInput label={t('return.solution.decisionRef')} description={t('return.solution.decisionRefHint')} required error={fieldError(errors.decisionRef)} {...form.register('decisionRef')} />
          <TextInput type="date" label={t('return.solution.decidedOn')} required max={todayIso()} error={fieldError(errors.decidedOn)} {...form.register('decidedOn')} />
          {solution === 'RETURN_AVR' && (
            <Controller
              control={form.control}
              name="courtDecisionId"
              render={({ field }) => (
                <Select
                  label={t('return.solution.courtDecision')}
                  description={orders.length === 0 ? t('return.solution.noCourtOrder') : undefined}
                  required
                  data={orders.map(({ proceeding, decision }) => ({ value: decision.id, label: `${proceeding.court.name} · ${proceeding.docketNumber}` }))}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={fieldError(errors.courtDecisionId)}
                />
              )}
            />
          )}
        </SimpleGrid>
        <Textarea label={t('return.solution.minorViews')} description={t('return.solution.minorViewsHint')} required autosize minRows={3} error={fieldError(errors.minorViews)} data-testid="solution-minor-views" {...form.register('minorViews')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('return.common.language')} required error={fieldError(errors.minorViewsLanguage)} {...form.register('minorViewsLanguage')} />
          <TextInput label={t('return.solution.viewsRelayedBy')} description={t('return.solution.viewsRelayedByHint')} error={fieldError(errors.viewsRelayedBy)} {...form.register('viewsRelayedBy')} />
          <TextInput label={t('return.solution.biaRef')} description={t('return.solution.biaRefHint')} error={fieldError(errors.biaRef)} {...form.register('biaRef')} />
        </SimpleGrid>
        <Checkbox label={t('return.common.mediatorPresent')} {...form.register('mediatorPresent')} />
        {mediatorPresent && <TextInput label={t('return.common.mediatorName')} required error={fieldError(errors.mediatorName)} {...form.register('mediatorName')} />}
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} data-testid="solution-submit">
            {t('return.solution.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

// The durable-solution decision (domain §3.9): who decided (the court for a return; social
// services and the guardian for a solution in Italy), the reference, the minor's views, the
// options considered. Every case closed with a solution has one.
export const DurableSolutionSection = ({ caseId, caseDetail, file, collapsed = false }: SectionProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const canRecord = isIn(DURABLE_SOLUTION_STATES, caseDetail.state);
  const returned = isIn(RETURNED_STATES, caseDetail.state);
  const solutions = file.durableSolutions;
  if (solutions.length === 0 && !canRecord) return null;
  return (
    <ReturnSection collapsed={collapsed}
      id="solution"
      title={t('return.sections.solution')}
      intro={t('return.solution.intro')}
      aside={
        canRecord && !adding ? (
          <Button variant="light" onClick={() => setAdding(true)} data-testid="solution-add">
            {t('return.solution.add')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="sm">
        {solutions.length === 0 ? (
          <EmptyState testId="solution-empty">{t(returned ? 'return.solution.emptyReturned' : 'return.solution.empty')}</EmptyState>
        ) : (
          solutions.map((solution) => (
            <Paper withBorder p="sm" key={solution.id} data-testid="durable-solution">
              <Stack gap={4}>
                <Group gap="xs">
                  <Badge color="green" variant="light" tt="none">
                    {t(`return.solution.types.${solution.solution}`)}
                  </Badge>
                  <Text size="sm">{t('return.solution.decidedLine', { by: solution.decidedBy, ref: solution.decisionRef, date: formatCalendarDate(solution.decidedOn, locale) })}</Text>
                </Group>
                <Blockquote p="sm" cite={t('return.request.citeMinor', { language: solution.minorViewsLanguage })}>
                  {solution.minorViews}
                </Blockquote>
                {solution.viewsRelayedBy && <Text size="sm">{t('return.solution.relayedLine', { name: solution.viewsRelayedBy })}</Text>}
                {solution.mediatorPresent && solution.mediatorName && <Text size="sm">{t('return.common.mediator', { name: solution.mediatorName })}</Text>}
                <Text size="sm" c="dimmed">
                  {t('return.solution.consideredLine', { options: solution.optionsConsidered.map((option) => t(`return.solution.types.${option}`)).join(', ') })}
                </Text>
              </Stack>
            </Paper>
          ))
        )}
        {canRecord && adding && <SolutionForm caseId={caseId} returned={returned} file={file} onDone={() => setAdding(false)} />}
      </Stack>
    </ReturnSection>
  );
};
