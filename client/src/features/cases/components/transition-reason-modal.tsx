import { TransitionRequestSchema, type AvailableTransition } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ApiError } from '@/lib/api-client';
import { applyServerFieldErrors, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';

// The same rule as the server's: a reason of 3 to 2000 characters, here required.
const ReasonSchema = TransitionRequestSchema.pick({ reason: true }).required();
type ReasonValues = z.input<typeof ReasonSchema>;

const FIELDS = ['reason'] as const;

type TransitionReasonModalProps = {
  transition: AvailableTransition | null;
  opened: boolean;
  title: string;
  pending: boolean;
  onClose: () => void;
  onSubmit: (reason: string, onReasonRejected: (error: ApiError) => void) => void;
};

const ReasonForm = ({ pending, onClose, onSubmit }: Omit<TransitionReasonModalProps, 'transition' | 'title' | 'opened'>) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const form = useForm<ReasonValues, unknown, z.output<typeof ReasonSchema>>({
    resolver: zodResolver(ReasonSchema, zodErrorMap),
    defaultValues: { reason: '' },
  });

  const submit = form.handleSubmit(({ reason }) => {
    onSubmit(reason, (error) =>
      applyServerFieldErrors(error, form.setError, FIELDS, { limits: { reason: { min: 3, max: 2000 } } }),
    );
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="transition-reason-form">
      <Stack>
        <Text size="sm">{t('caseFile.reasonModal.intro')}</Text>
        <Textarea
          label={t('caseFile.reasonModal.reason')}
          description={t('caseFile.reasonModal.reasonHint')}
          required
          autosize
          minRows={3}
          data-autofocus
          data-testid="transition-reason"
          error={fieldError(form.formState.errors.reason)}
          {...form.register('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="transition-reason-confirm">
            {t('caseFile.reasonModal.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

// Steps that need a written reason (guard REASON_GIVEN) ask for it before firing. Mantine's
// modal traps the focus, starts on the text box, closes on Escape and returns to the button.
// The modal unmounts its content once closed, so each opening starts with an empty reason.
export const TransitionReasonModal = ({ transition, opened, title, ...formProps }: TransitionReasonModalProps) => (
  <Modal opened={opened && transition !== null} onClose={formProps.onClose} title={title} data-testid="transition-reason-modal">
    {transition && <ReasonForm key={`${transition.id}-${transition.to}`} {...formProps} />}
  </Modal>
);
