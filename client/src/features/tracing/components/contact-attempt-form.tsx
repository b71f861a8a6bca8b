import { ContactChannelSchema, CreateContactAttemptSchema, type CreateContactAttemptInput, type TracingPacket } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { appNow } from '@/lib/clock';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { localDateTimeToIso, toLocalDateTimeInput } from '@/lib/form-values';
import { reshapedResolver } from '@/lib/reshaped-resolver';
import { useCreateContactAttempt } from '../api/tracing-mutations';
import { doNotContactIds, memberOptions } from '../utils/member-options';
import { TRACING_FIELD_ERRORS } from '../utils/server-errors';
import { MutationError } from './mutation-error';

type ContactAttemptValues = {
  attemptedAt: string;
  channel: string;
  result: string;
  familyMemberId: string;
};

const FIELDS = ['attemptedAt', 'channel', 'result', 'familyMemberId'] as const;

const toInput = (values: ContactAttemptValues) => ({
  attemptedAt: localDateTimeToIso(values.attemptedAt),
  channel: values.channel || undefined,
  result: values.result,
  ...(values.familyMemberId ? { familyMemberId: values.familyMemberId } : {}),
});

const resolver = reshapedResolver(zodResolver(CreateContactAttemptSchema, zodErrorMap), toInput);

const defaults = (): ContactAttemptValues => ({ attemptedAt: toLocalDateTimeInput(appNow()), channel: '', result: '', familyMemberId: '' });

// Every try to reach the family counts, also the unanswered calls: the outcome needs at least one.
export const ContactAttemptForm = ({ requestId, packet, sentAt }: { requestId: string; packet: TracingPacket; sentAt: string }) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText(TRACING_FIELD_ERRORS);
  const mutation = useCreateContactAttempt(requestId);
  const form = useForm<ContactAttemptValues, unknown, CreateContactAttemptInput>({ resolver, defaultValues: defaults() });
  const { errors } = form.formState;
  const blocked = doNotContactIds(packet);

  const submit = form.handleSubmit((input) => {
    // The select never offers them; this guards against anything that bypasses it.
    if (input.familyMemberId && blocked.has(input.familyMemberId)) {
      form.setError('familyMemberId', { type: 'client', message: 'tracing.fieldErrors.do_not_contact' }, { shouldFocus: true });
      return;
    }
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('tracing.attemptForm.saved') });
        form.reset(defaults());
      },
      onError: (error) => {
        applyServerFieldErrors(error, form.setError, FIELDS, { vocabulary: TRACING_FIELD_ERRORS, limits: { result: { min: 3, max: 4000 } } });
      },
    });
  });

  const showAlert = mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS, TRACING_FIELD_ERRORS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="contact-attempt-form-heading" data-testid="contact-attempt-form">
      <Stack>
        <Title order={3} size="h5" id="contact-attempt-form-heading">
          {t('tracing.attemptForm.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tracing.attemptForm.intro')}
        </Text>
        {showAlert && <MutationError error={mutation.error} conflictKey="tracing.errors.requestClosed" />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('tracing.attemptForm.attemptedAt')}
            required
            min={toLocalDateTimeInput(new Date(sentAt))}
            max={toLocalDateTimeInput(appNow())}
            error={fieldError(errors.attemptedAt)}
            {...form.register('attemptedAt')}
          />
          <NativeSelect
            label={t('tracing.attemptForm.familyMember')}
            description={t('tracing.attemptForm.familyMemberHint')}
            data={memberOptions(packet, t, { empty: t('tracing.attemptForm.noMember'), includeOthers: false })}
            error={fieldError(errors.familyMemberId)}
            {...form.register('familyMemberId')}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="channel"
          render={({ field }) => (
            <Radio.Group
              label={t('tracing.attemptForm.channel')}
              required
              value={field.value}
              onChange={field.onChange}
              name={field.name}
              error={fieldError(errors.channel)}
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
                {ContactChannelSchema.options.map((channel) => (
                  <Radio key={channel} value={channel} label={t(`tracing.channel.${channel}`)} />
                ))}
              </SimpleGrid>
            </Radio.Group>
          )}
        />
        <Textarea
          label={t('tracing.attemptForm.result')}
          description={t('tracing.attemptForm.resultHint')}
          required
          autosize
          minRows={3}
          error={fieldError(errors.result)}
          {...form.register('result')}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('tracing.attemptForm.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
