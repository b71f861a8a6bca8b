import type { CreateCaseInput, CurrentUser, MinorSearchCandidate } from '@app/contracts';
import { Alert, Button, Group, Modal, Stack, Stepper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate } from 'react-router';
import { lazyNamed } from '@/components/ui/lazy-named';
import { PageLoader } from '@/components/ui/page-loader';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { useCreateCase } from '../api/intake-api';
import {
  firstErrorField,
  INTAKE_FIELDS,
  intakeDefaults,
  intakeResolver,
  REVIEW_STEP,
  serverFieldErrors,
  STEP_FIELDS,
  stepOfField,
  type IntakeContext,
  type IntakeFieldName,
  type IntakeFormValues,
} from '../utils/intake-form';
import { useIntakeError } from '../utils/use-intake-error';
import type { IntakeDirectory } from './request-step';

// Each step is its own download; all are fetched when the form opens.
const IdentityStep = lazyNamed(() => import('./identity-step').then((m) => m.IdentityStep));
const PlacementStep = lazyNamed(() => import('./placement-step').then((m) => m.PlacementStep));
const RequestStep = lazyNamed(() => import('./request-step').then((m) => m.RequestStep));
const ReviewStep = lazyNamed(() => import('./review-step').then((m) => m.ReviewStep));
const preloadSteps = () => Promise.all([IdentityStep.preload(), PlacementStep.preload(), RequestStep.preload(), ReviewStep.preload()]).catch(() => undefined);

const STEP_KEYS = ['identity', 'placement', 'request', 'review'] as const;

type IntakeFormProps = { user: CurrentUser; directory: IntakeDirectory };

// Registering a request (domain §4 #1): who the minor is (with a check for people already
// registered), where they are, the request itself, then a review. The case opens in RECEIVED.
export const IntakeForm = ({ user, directory }: IntakeFormProps) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const mutation = useCreateCase();
  const [active, setActive] = useState(0);
  const [existingMinor, setExistingMinor] = useState<MinorSearchCandidate | null>(null);
  const [defaults] = useState(intakeDefaults);
  useEffect(() => {
    void preloadSteps();
  }, []);
  const form = useForm<IntakeFormValues, IntakeContext, CreateCaseInput>({
    resolver: intakeResolver,
    context: { requireCaseworker: user.role === 'supervisor' },
    defaultValues: defaults,
    mode: 'onTouched',
  });
  const { isDirty, errors } = form.formState;
  const error = useIntakeError(errors);

  // Focus follows the user's move: the new step's heading, or the field to fix.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useRef<IntakeFieldName | 'heading' | null>(null);
  useEffect(() => {
    const target = focusAfterRender.current;
    if (!target) return;
    focusAfterRender.current = null;
    if (target === 'heading') headingRef.current?.focus();
    else form.setFocus(target);
  });

  // Leaving with unsaved data asks first (nothing is stored in the browser: it is personal data).
  const created = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !created.current && currentLocation.pathname !== nextLocation.pathname && nextLocation.pathname !== paths.login(),
  );
  useEffect(() => {
    if (!isDirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const stepTitles = STEP_KEYS.map((key) => t(`intake.steps.${key}.title`));

  const moveTo = (step: number) => {
    focusAfterRender.current = 'heading';
    setActive(step);
  };

  const showField = (name: IntakeFieldName) => {
    const step = stepOfField(name);
    focusAfterRender.current = name;
    if (step >= 0 && step !== active) setActive(step);
    else form.setFocus(name);
  };

  const next = async () => {
    const fields = STEP_FIELDS[active];
    if (!fields) return;
    if (await form.trigger([...fields], { shouldFocus: true })) moveTo(active + 1);
  };

  const chooseExisting = (candidate: MinorSearchCandidate) => {
    setExistingMinor(candidate);
    form.setValue('existingMinorId', candidate.minorId, { shouldDirty: true });
    form.clearErrors('existingMinorId');
  };
  const clearExisting = () => {
    setExistingMinor(null);
    form.setValue('existingMinorId', '', { shouldDirty: true });
  };

  const onValid = (body: CreateCaseInput) => {
    mutation.mutate(body, {
      onSuccess: (caseRecord) => {
        created.current = true;
        notifications.show({ color: 'green', message: t('intake.created', { caseNumber: caseRecord.caseNumber }) });
        void navigate(paths.caseDetail(caseRecord.id));
      },
      onError: (failure) => {
        if (!isApiError(failure) || failure.code !== 'VALIDATION_FAILED') return;
        const fields = serverFieldErrors(failure.details?.fields ?? []);
        for (const field of fields) form.setError(field.name, { type: 'server', message: field.message });
        const first = INTAKE_FIELDS.find((name) => fields.some((field) => field.name === name));
        if (first) showField(first);
      },
    });
  };
  const onInvalid = (invalid: FieldErrors<IntakeFormValues>) => {
    const first = firstErrorField(invalid);
    if (first) showField(first);
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Enter in a field of an earlier step moves on, it never creates the case.
    if (active < REVIEW_STEP) void next();
    else void form.handleSubmit(onValid, onInvalid)(event);
  };

  const failure = mutation.error;
  const failureText = failure
    ? isApiError(failure) && failure.code === 'CONFLICT'
      ? t('intake.errors.openCaseExists')
      : errorMessage(failure)
    : null;
  const existingMinorError = error('existingMinorId');

  return (
    <form onSubmit={onSubmit} noValidate data-testid="intake-form" aria-labelledby="intake-step-heading">
      <Stack>
        <Stepper
          active={active}
          onStepClick={(step) => {
            if (step < active) moveTo(step);
          }}
          allowNextStepsSelect={false}
          size="sm"
        >
          {STEP_KEYS.map((key, index) => (
            <Stepper.Step key={key} label={stepTitles[index]} description={t(`intake.steps.${key}.description`)} />
          ))}
        </Stepper>
        <Title order={2} size="h3" id="intake-step-heading" ref={headingRef} tabIndex={-1}>
          {t('intake.stepOf', { step: active + 1, total: STEP_KEYS.length, title: stepTitles[active] })}
        </Title>
        {failureText && (
          <Alert color="red" title={t('intake.errors.notCreated')}>
            {failureText}
          </Alert>
        )}
        {existingMinorError && <Alert color="red">{existingMinorError}</Alert>}
        <Suspense fallback={<PageLoader />}>
          {active === 0 && <IdentityStep form={form} existingMinor={existingMinor} onUseExisting={chooseExisting} onClearExisting={clearExisting} />}
          {active === 1 && <PlacementStep form={form} existingMinor={existingMinor !== null} />}
          {active === 2 && <RequestStep form={form} directory={directory} />}
          {active === REVIEW_STEP && (
            <ReviewStep form={form} directory={directory} existingMinor={existingMinor} onEdit={moveTo} stepTitles={stepTitles} />
          )}
        </Suspense>
        <Group justify="space-between" mt="md">
          <div>
            {active > 0 && (
              <Button variant="default" onClick={() => moveTo(active - 1)} data-testid="intake-back">
                {t('intake.back')}
              </Button>
            )}
          </div>
          {active < REVIEW_STEP ? (
            <Button type="submit" data-testid="intake-next">
              {t('intake.next')}
            </Button>
          ) : (
            <Button type="submit" loading={mutation.isPending} data-testid="intake-submit">
              {t('intake.submit')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('intake.leave.title')}>
        <Stack>
          <Text>{t('intake.leave.body')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()}>
              {t('intake.leave.stay')}
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()}>
              {t('intake.leave.leave')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
};
