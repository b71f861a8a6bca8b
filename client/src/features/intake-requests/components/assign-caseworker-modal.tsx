import { AssignCaseSchema, type AssignCaseInput, type CaseUserRef } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { intakeQueries } from '@/features/intake';
import { useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { useAssignCase } from '../api/intake-requests-api';
import { describeAssignError, serverFieldMessageKey } from '../utils/assign-errors';
import { AssignErrorAlert } from './assign-error-alert';

// The reason is optional for the server; the unit asks for one every time (who and why is on record).
const AssignFormSchema = AssignCaseSchema.required({ reason: true });
type AssignValues = z.input<typeof AssignFormSchema>;

export type AssignTarget = { caseId: string; caseNumber: string; current: CaseUserRef | null };

type AssignFormProps = { target: AssignTarget; onClose: () => void };

const AssignForm = ({ target, onClose }: AssignFormProps) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const mutation = useAssignCase();
  const directory = useQuery(intakeQueries.users('caseworker'));
  const form = useForm<AssignValues, unknown, AssignCaseInput>({
    resolver: zodResolver(AssignFormSchema, zodErrorMap),
    defaultValues: { caseworkerId: '', reason: '' },
  });
  // Caseworkers of the unit, without the one who already has the case.
  const caseworkers = (directory.data ?? []).filter((user) => user.role === 'caseworker' && user.id !== target.current?.id);
  const problem = mutation.isError ? describeAssignError(mutation.error) : null;
  const errorText = (field: 'caseworkerId' | 'reason'): string | undefined => {
    const own = fieldError(form.formState.errors[field]);
    if (own) return own;
    const key = serverFieldMessageKey(problem, field);
    return key ? t(key) : undefined;
  };

  const submit = form.handleSubmit((input) => {
    mutation.mutate(
      { caseId: target.caseId, input },
      {
        onSuccess: (assignment) => {
          notifications.show({
            color: 'green',
            message: t('intakeRequests.assign.done', { caseNumber: target.caseNumber, name: assignment.assignedCaseworker.name }),
          });
          onClose();
        },
      },
    );
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="assign-form">
      <Stack>
        <Text size="sm">
          {target.current
            ? t('intakeRequests.assign.currentIs', { name: target.current.name })
            : t('intakeRequests.assign.noneYet')}
        </Text>
        {problem && <AssignErrorAlert problem={problem} />}
        {directory.isError && <Alert color="red">{t('intakeRequests.assign.directoryFailed')}</Alert>}
        <NativeSelect
          label={t('intakeRequests.assign.fields.caseworkerId')}
          required
          data-autofocus
          data-testid="assign-caseworker"
          data={[
            { value: '', label: directory.isPending ? t('intakeRequests.assign.loadingCaseworkers') : t('intakeRequests.assign.choose') },
            ...caseworkers.map((user) => ({ value: user.id, label: user.name })),
          ]}
          error={errorText('caseworkerId')}
          {...form.register('caseworkerId')}
        />
        <Textarea
          label={t('intakeRequests.assign.fields.reason')}
          description={t('intakeRequests.assign.reasonHint')}
          required
          autosize
          minRows={2}
          data-testid="assign-reason"
          error={errorText('reason')}
          {...form.register('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="assign-confirm">
            {t('intakeRequests.assign.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

type AssignCaseworkerModalProps = { target: AssignTarget | null; onClose: () => void };

// Assign or reassign a case's caseworker. The modal unmounts its content once closed, so each
// opening starts with an empty form.
export const AssignCaseworkerModal = ({ target, onClose }: AssignCaseworkerModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? t(target.current ? 'intakeRequests.assign.titleReassign' : 'intakeRequests.assign.title', { caseNumber: target.caseNumber }) : ''}
      data-testid="assign-modal"
    >
      {target && <AssignForm key={target.caseId} target={target} onClose={onClose} />}
    </Modal>
  );
};
