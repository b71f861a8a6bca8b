import { CreateMinorViewSchema, MinorViewContextSchema, type CreateMinorViewInput, type MinorViewContext } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { applyServerFieldErrors, hasFieldErrorsFor, zodErrorMap } from '@/lib/form-errors';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { recordMinorView } from '../api/portal-api';
import { usePortalMutation } from '../api/portal-queries';
import { PORTAL_FIELD_ERRORS, usePortalErrorMessage, usePortalFieldError } from '../utils/portal-form-errors';
import { blankToUndefined, todayIso } from '../utils/portal-format';

type Values = {
  context: MinorViewContext;
  words: string;
  language: string;
  mediatorPresent: boolean;
  mediatorName: string;
  expressedOn: string;
};

const FIELDS = ['context', 'words', 'language', 'mediatorPresent', 'mediatorName', 'expressedOn'] as const;

const toInput = (values: Values) => ({
  context: values.context,
  words: values.words,
  language: values.language,
  mediatorPresent: values.mediatorPresent,
  expressedOn: values.expressedOn,
  ...(values.mediatorPresent ? { mediatorName: blankToUndefined(values.mediatorName) } : {}),
});

const resolver = reshapedResolver(zodResolver(CreateMinorViewSchema, zodErrorMap), toInput);

const defaults = (): Values => ({ context: 'GENERAL', words: '', language: '', mediatorPresent: false, mediatorName: '', expressedOn: todayIso() });

// The guardian records what the minor said, in the minor's own words, with the language and any
// mediator (domain §8 rule 12); the guardian is recorded as the person who relayed them.
export const MinorViewForm = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const fieldError = usePortalFieldError();
  const errorMessage = usePortalErrorMessage();
  const mutation = usePortalMutation(caseId, (input: CreateMinorViewInput) => recordMinorView(caseId, input));
  const form = useForm<Values, unknown, CreateMinorViewInput>({ resolver, defaultValues: defaults() });
  const { errors } = form.formState;
  const mediatorPresent = useWatch({ control: form.control, name: 'mediatorPresent' });

  const submit = form.handleSubmit((input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('portal.views.recorded') });
        form.reset(defaults());
      },
      onError: (error) => {
        if (isApiError(error)) applyServerFieldErrors(error, form.setError, FIELDS, {
          vocabulary: PORTAL_FIELD_ERRORS,
          limits: { words: { min: 3, max: 4000 }, language: { min: 2, max: 40 }, mediatorName: { min: 2, max: 120 } },
        });
      },
    }),
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="minor-view-form-heading" data-testid="minor-view-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="minor-view-form-heading">
          {t('portal.views.form.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('portal.views.form.intro')}
        </Text>
        {mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS) && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <NativeSelect
          label={t('portal.views.form.context')}
          required
          data={MinorViewContextSchema.options.map((value) => ({ value, label: t(`portal.views.contexts.${value}`) }))}
          error={fieldError(errors.context)}
          {...form.register('context')}
        />
        <Textarea
          label={t('portal.views.form.words')}
          description={t('portal.views.form.wordsHint')}
          required
          autosize
          minRows={4}
          maxLength={4000}
          error={fieldError(errors.words)}
          {...form.register('words')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('portal.views.form.language')}
            description={t('portal.views.form.languageHint')}
            required
            autoComplete="off"
            maxLength={40}
            error={fieldError(errors.language)}
            {...form.register('language')}
          />
          <TextInput type="date" label={t('portal.views.form.expressedOn')} required max={todayIso()} error={fieldError(errors.expressedOn)} {...form.register('expressedOn')} />
        </SimpleGrid>
        <Checkbox label={t('portal.views.form.mediatorPresent')} {...form.register('mediatorPresent')} />
        {mediatorPresent && (
          <TextInput label={t('portal.views.form.mediatorName')} required autoComplete="off" maxLength={120} error={fieldError(errors.mediatorName)} {...form.register('mediatorName')} />
        )}
        <div>
          <Button type="submit" loading={mutation.isPending} data-testid="minor-view-submit">
            {t('portal.views.form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
