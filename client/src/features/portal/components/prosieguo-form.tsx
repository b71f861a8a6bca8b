import { addDays, addYears, CreateProsieguoRequestSchema, type CreateProsieguoRequestInput } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { applyServerFieldErrors, hasFieldErrorsFor, zodErrorMap } from '@/lib/form-errors';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { requestProsieguo } from '../api/portal-api';
import { usePortalMutation } from '../api/portal-queries';
import { PORTAL_FIELD_ERRORS, usePortalErrorMessage, usePortalFieldError } from '../utils/portal-form-errors';
import { blankToUndefined } from '../utils/portal-format';

type Values = { reasons: string; requestedUntil: string };
const FIELDS = ['reasons', 'requestedUntil'] as const;
const toInput = (values: Values) => ({ reasons: values.reasons, requestedUntil: blankToUndefined(values.requestedUntil) });
const resolver = reshapedResolver(zodResolver(CreateProsieguoRequestSchema, zodErrorMap), toInput);
const DEFAULTS: Values = { reasons: '', requestedUntil: '' };

// The day after a YYYY-MM-DD date (the earliest end of the support: after the 18th birthday).
const dayAfter = (isoDate: string): string => addDays(isoDate, 1);
const twentyFirst = (eighteenth: string): string => addYears(eighteenth, 3);

export const ProsieguoForm = ({ caseId, eighteenthBirthday }: { caseId: string; eighteenthBirthday: string | null }) => {
  const { t } = useTranslation();
  const fieldError = usePortalFieldError();
  const errorMessage = usePortalErrorMessage();
  const mutation = usePortalMutation(caseId, (input: CreateProsieguoRequestInput) => requestProsieguo(caseId, input));
  const form = useForm<Values, unknown, CreateProsieguoRequestInput>({ resolver, defaultValues: DEFAULTS });
  const { errors } = form.formState;

  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('portal.prosieguo.form.sent') });
        form.reset(DEFAULTS);
      },
      onError: (error) => {
        if (isApiError(error)) applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: PORTAL_FIELD_ERRORS, limits: { reasons: { min: 10, max: 8000 } } });
      },
    }),
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="prosieguo-form-heading" data-testid="prosieguo-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="prosieguo-form-heading">
          {t('portal.prosieguo.form.heading')}
        </Title>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS) && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <Textarea
          label={t('portal.prosieguo.form.reasons')}
          description={t('portal.prosieguo.form.reasonsHint')}
          required
          autosize
          minRows={4}
          maxLength={8000}
          error={fieldError(errors.reasons)}
          {...form.register('reasons')}
        />
        <TextInput
          type="date"
          label={t('portal.prosieguo.form.until')}
          description={t('portal.prosieguo.form.untilHint')}
          min={eighteenthBirthday ? dayAfter(eighteenthBirthday) : undefined}
          max={eighteenthBirthday ? twentyFirst(eighteenthBirthday) : undefined}
          error={fieldError(errors.requestedUntil)}
          maw={260}
          {...form.register('requestedUntil')}
        />
        <div>
          <Button type="submit" loading={mutation.isPending} data-testid="prosieguo-submit">
            {t('portal.prosieguo.form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
