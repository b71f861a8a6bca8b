import { PutReintegrationPlanSchema, type PutReintegrationPlanInput, type ReintegrationPlan } from '@app/contracts';
import { Alert, Button, Checkbox, Fieldset, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText } from '@/lib/form-errors';
import { putReintegrationPlan } from '../api/return-api';
import { returnQueries, useReturnMutation } from '../api/return-queries';
import { isStale, RETURN_FIELD_ERRORS } from '../utils/return-errors';
import { returnResolver } from '../utils/return-zod';
import { ReturnError } from './return-error';
import { SubHeading } from './return-section';

export const ASSESSMENTS = ['vulnerability', 'risk', 'family', 'skills', 'rssBaseline'] as const;
const TEXT_FIELDS = ['needsAndSkills', 'familySituation', 'minorViews', 'minorViewsLanguage', 'mediatorName'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

type Values = {
  draftedPreDeparture: boolean;
  assessmentsDone: Record<(typeof ASSESSMENTS)[number], boolean>;
  needsAndSkills: string;
  familySituation: string;
  minorViews: string;
  minorViewsLanguage: string;
  mediatorName: string;
};
const FIELDS = ['draftedPreDeparture', 'assessmentsDone', ...TEXT_FIELDS] as const;
const LIMITS = { needsAndSkills: { min: 3, max: 8000 }, familySituation: { min: 3, max: 8000 }, minorViews: { min: 3, max: 4000 }, minorViewsLanguage: { min: 2, max: 40 }, mediatorName: { min: 2, max: 200 } };

const toInput = (values: Values) => ({
  draftedPreDeparture: values.draftedPreDeparture,
  assessmentsDone: values.assessmentsDone,
  needsAndSkills: values.needsAndSkills,
  familySituation: values.familySituation,
  minorViews: values.minorViews,
  minorViewsLanguage: values.minorViewsLanguage,
  ...(values.mediatorName.trim() ? { mediatorName: values.mediatorName } : {}),
});
const resolver = returnResolver(PutReintegrationPlanSchema, toInput);

const valuesOf = (plan: ReintegrationPlan | null): Values => ({
  draftedPreDeparture: plan?.draftedPreDeparture ?? true,
  assessmentsDone: plan?.assessmentsDone ?? { vulnerability: false, risk: false, family: false, skills: false, rssBaseline: false },
  needsAndSkills: plan?.needsAndSkills ?? '',
  familySituation: plan?.familySituation ?? '',
  minorViews: plan?.minorViews ?? '',
  minorViewsLanguage: plan?.minorViewsLanguage ?? '',
  mediatorName: plan?.mediatorName ?? '',
});

const sameNarrative = (a: ReintegrationPlan, b: ReintegrationPlan): boolean => {
  const left = valuesOf(a);
  const right = valuesOf(b);
  return (
    left.draftedPreDeparture === right.draftedPreDeparture &&
    ASSESSMENTS.every((key) => left.assessmentsDone[key] === right.assessmentsDone[key]) &&
    TEXT_FIELDS.every((key) => left[key] === right[key])
  );
};

type PlanNarrativeFormProps = {
  caseId: string;
  // The plan as it is on the server now (null before the first save).
  plan: ReintegrationPlan | null;
  onDone: () => void;
};

// The plan's narrative: assessments done, needs and skills, family situation, the minor's views.
// Saved with the version it started from (If-Match): when someone else saved meanwhile (412) the
// user's text stays, the newer text is shown under each field that differs, and the user decides.
export const PlanNarrativeForm = ({ caseId, plan, onDone }: PlanNarrativeFormProps) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(RETURN_FIELD_ERRORS);
  const queryClient = useQueryClient();
  // The version the user started editing from.
  const [base, setBase] = useState<ReintegrationPlan | null>(plan);
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values, unknown, PutReintegrationPlanInput>({ resolver, defaultValues: valuesOf(plan) });
  const { errors } = form.formState;
  const current = useWatch({ control: form.control });
  const mutation = useReturnMutation(caseId, ({ input, version }: { input: PutReintegrationPlanInput; version: number | null }) => putReintegrationPlan(caseId, input, version));

  // Objectives and items also move the plan's version; when only they changed, the narrative the
  // user started from is still the latest one and can be saved over it.
  const newer = conflict && plan && base && plan.version !== base.version ? plan : null;
  const versionToSend = (): number | null => {
    if (!base) return plan?.version ?? null;
    if (plan && plan.version !== base.version && sameNarrative(plan, base)) return plan.version;
    return base.version;
  };

  const save = (version: number | null) =>
    form.handleSubmit((input) =>
      mutation.mutate(
        { input, version },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'green', message: t('return.plan.saved') });
            setBase(saved);
            setConflict(false);
            form.reset(valuesOf(saved));
            onDone();
          },
          onError: (error) => {
            if (isStale(error)) {
              setConflict(true);
              void queryClient.invalidateQueries({ queryKey: returnQueries.file(caseId).queryKey });
              return;
            }
            applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: RETURN_FIELD_ERRORS, limits: LIMITS });
          },
        },
      ),
    );

  const differing = newer ? TEXT_FIELDS.filter((key) => valuesOf(newer)[key] !== (current[key] ?? '')) : [];
  const newerText = (key: TextField) => (newer ? valuesOf(newer)[key] : '');

  return (
    <form onSubmit={(event) => void save(versionToSend())(event)} noValidate aria-labelledby="plan-narrative-heading" data-testid="plan-narrative-form">
      <Stack gap="sm">
        <SubHeading id="plan-narrative-heading">{t(plan ? 'return.plan.editHeading' : 'return.plan.writeHeading')}</SubHeading>
        {conflict && (
          <Alert color="orange" title={t('return.plan.conflictTitle')} data-testid="plan-conflict" role="alert">
            <Stack gap="xs">
              <Text size="sm">{newer ? t('return.plan.conflictBody') : t('return.plan.conflictReading')}</Text>
              {newer && differing.length === 0 && <Text size="sm">{t('return.plan.conflictNoText')}</Text>}
              {newer && (
                <Group gap="sm">
                  <Button size="xs" onClick={() => void save(newer.version)()} loading={mutation.isPending} data-testid="plan-save-mine">
                    {t('return.plan.saveMine')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setBase(newer);
                      setConflict(false);
                      form.reset(valuesOf(newer));
                    }}
                  >
                    {t('return.plan.takeTheirs')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        {mutation.isError && !isStale(mutation.error) && !hasFieldErrorsFor(mutation.error, FIELDS, RETURN_FIELD_ERRORS) && <ReturnError caseId={caseId} error={mutation.error} />}
        <Checkbox label={t('return.plan.draftedPreDeparture')} {...form.register('draftedPreDeparture')} />
        <Fieldset legend={t('return.plan.assessments')} variant="unstyled">
          <Text size="xs" c="dimmed">
            {t('return.plan.assessmentsHint')}
          </Text>
          <Group mt="xs">
            {ASSESSMENTS.map((key) => (
              <Checkbox key={key} label={t(`return.plan.assessmentKinds.${key}`)} {...form.register(`assessmentsDone.${key}`)} />
            ))}
          </Group>
        </Fieldset>
        {(['needsAndSkills', 'familySituation', 'minorViews'] as const).map((key) => (
          <div key={key}>
            <Textarea
              label={t(`return.plan.fields.${key}`)}
              description={t(`return.plan.hints.${key}`)}
              required
              autosize
              minRows={3}
              error={fieldError(errors[key])}
              data-testid={`plan-${key}`}
              {...form.register(key)}
            />
            {differing.includes(key) && (
              <Paper withBorder p="xs" mt={4} bg="var(--mantine-color-yellow-light)" data-testid={`plan-newer-${key}`}>
                <Text size="xs" fw={500}>
                  {t('return.plan.newerText')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {newerText(key) || t('return.plan.newerEmpty')}
                </Text>
                <Button size="xs" variant="subtle" onClick={() => form.setValue(key, newerText(key), { shouldDirty: true })}>
                  {t('return.plan.useNewer')}
                </Button>
              </Paper>
            )}
          </div>
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('return.plan.fields.minorViewsLanguage')} required error={fieldError(errors.minorViewsLanguage)} {...form.register('minorViewsLanguage')} />
          <TextInput label={t('return.plan.fields.mediatorName')} description={t('return.plan.hints.mediatorName')} error={fieldError(errors.mediatorName)} {...form.register('mediatorName')} />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} data-testid="plan-save">
            {t('return.plan.save')}
          </Button>
          {plan && (
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
};
