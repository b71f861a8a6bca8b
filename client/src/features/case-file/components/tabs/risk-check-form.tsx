import { CreateRiskCheckSchema, RiskDecisionSchema, RiskStageSchema, type CreateRiskCheckInput } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Radio, Select, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { useCreateRiskCheck } from '../../api/create-risk-check';
import { useCaseFileErrorMessage } from '../../utils/case-file-error';

type RiskCheckFormValues = {
  stage: CreateRiskCheckInput['stage'];
  riskToMinor: string;
  riskToFamily: string;
  areaSecurity: string;
  protectionStatusConflict: boolean;
  traffickingConcern: boolean;
  decision: CreateRiskCheckInput['decision'] | '';
  mitigation: string;
};

const FIELDS = ['stage', 'riskToMinor', 'riskToFamily', 'areaSecurity', 'protectionStatusConflict', 'traffickingConcern', 'decision', 'mitigation'] as const;

// Mitigation is required when proceeding with mitigation, optional (and dropped when blank) otherwise.
const toInput = ({ mitigation, decision, ...values }: RiskCheckFormValues) => ({
  ...values,
  decision: decision || undefined,
  ...(decision === 'PROCEED_WITH_MITIGATION' || mitigation.trim() !== '' ? { mitigation } : {}),
});

const resolver = reshapedResolver(zodResolver(CreateRiskCheckSchema, zodErrorMap), toInput);

const DEFAULTS: RiskCheckFormValues = {
  stage: 'PRE_TRACING',
  riskToMinor: '',
  riskToFamily: '',
  areaSecurity: '',
  protectionStatusConflict: false,
  traffickingConcern: false,
  decision: '',
  mitigation: '',
};

export const RiskCheckForm = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const errorMessage = useCaseFileErrorMessage();
  const mutation = useCreateRiskCheck(caseId);
  const form = useForm<RiskCheckFormValues, unknown, CreateRiskCheckInput>({ resolver, defaultValues: DEFAULTS });
  const { errors } = form.formState;
  const decision = useWatch({ control: form.control, name: 'decision' });

  const submit = form.handleSubmit((input) => {
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('caseFile.riskCheckForm.recorded') });
        form.reset(DEFAULTS);
      },
      onError: (error) => {
        if (isApiError(error)) {
          applyServerFieldErrors(error, form.setError, FIELDS, {
            limits: {
              riskToMinor: { min: 3, max: 4000 },
              riskToFamily: { min: 3, max: 4000 },
              areaSecurity: { min: 3, max: 2000 },
              mitigation: { min: 3, max: 4000 },
            },
          });
        }
      },
    });
  });

  const showAlert = mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="risk-check-form-heading" data-testid="risk-check-form">
      <Stack>
        <Title order={3} size="h5" id="risk-check-form-heading">
          {t('caseFile.riskCheckForm.heading')}
        </Title>
        {showAlert && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <Controller
          control={form.control}
          name="stage"
          render={({ field }) => (
            <Select
              label={t('caseFile.riskCheckForm.stage')}
              required
              allowDeselect={false}
              data={RiskStageSchema.options.map((value) => ({ value, label: t(`caseFile.riskChecks.stages.${value}`) }))}
              value={field.value}
              onChange={(value) => field.onChange(RiskStageSchema.safeParse(value).data ?? field.value)}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              error={fieldError(errors.stage)}
              w={{ base: '100%', sm: 360 }}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Textarea
            label={t('caseFile.riskChecks.riskToMinor')}
            required
            autosize
            minRows={3}
            error={fieldError(errors.riskToMinor)}
            {...form.register('riskToMinor')}
          />
          <Textarea
            label={t('caseFile.riskChecks.riskToFamily')}
            required
            autosize
            minRows={3}
            error={fieldError(errors.riskToFamily)}
            {...form.register('riskToFamily')}
          />
          <Textarea
            label={t('caseFile.riskChecks.areaSecurity')}
            required
            autosize
            minRows={3}
            error={fieldError(errors.areaSecurity)}
            {...form.register('areaSecurity')}
          />
        </SimpleGrid>
        <Checkbox label={t('caseFile.riskCheckForm.protectionStatusConflict')} {...form.register('protectionStatusConflict')} />
        <Checkbox label={t('caseFile.riskCheckForm.traffickingConcern')} {...form.register('traffickingConcern')} />
        <Controller
          control={form.control}
          name="decision"
          render={({ field }) => (
            <Radio.Group
              label={t('caseFile.riskCheckForm.decision')}
              required
              value={field.value}
              onChange={(value) => field.onChange(RiskDecisionSchema.safeParse(value).data ?? '')}
              name={field.name}
              error={fieldError(errors.decision)}
            >
              <Stack gap="xs" mt="xs">
                {RiskDecisionSchema.options.map((value) => (
                  <Radio key={value} value={value} label={t(`caseFile.riskChecks.decisions.${value}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        <Textarea
          label={t('caseFile.riskCheckForm.mitigation')}
          description={t('caseFile.riskCheckForm.mitigationHint')}
          required={decision === 'PROCEED_WITH_MITIGATION'}
          autosize
          minRows={2}
          error={fieldError(errors.mitigation)}
          {...form.register('mitigation')}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('caseFile.riskCheckForm.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
