import { isClosedState, WithdrawConsentSchema, type CaseState, type Consent, type WithdrawConsentInput } from '@app/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '@/lib/api-client';
import { applyServerFieldErrors, hasFieldErrorsFor, useFieldErrorText, zodErrorMap } from '@/lib/form-errors';
import { useWithdrawConsent } from '../../api/withdraw-consent';
import { useCaseFileErrorMessage } from '../../utils/case-file-error';

type WithdrawValues = z.input<typeof WithdrawConsentSchema>;

const FIELDS = ['reason'] as const;

// The minor's or the guardian's withdrawal ends the intervention (domain §8 rule 4): the case
// closes and open tracing is cancelled. A family member's withdrawal leaves the case open.
export const closesTheCase = (consent: Consent, caseState: CaseState): boolean =>
  consent.subject !== 'FAMILY_MEMBER' && !isClosedState(caseState);

type WithdrawFormProps = {
  caseId: string;
  caseState: CaseState;
  consent: Consent;
  subject: string;
  onClose: () => void;
};

const WithdrawForm = ({ caseId, caseState, consent, subject, onClose }: WithdrawFormProps) => {
  const { t } = useTranslation();
  const fieldError = useFieldErrorText();
  const errorMessage = useCaseFileErrorMessage();
  const mutation = useWithdrawConsent(caseId);
  const form = useForm<WithdrawValues, unknown, WithdrawConsentInput>({
    resolver: zodResolver(WithdrawConsentSchema, zodErrorMap),
    defaultValues: { reason: '' },
  });
  const closing = closesTheCase(consent, caseState);

  const submit = form.handleSubmit(({ reason }) => {
    mutation.mutate(
      { consentId: consent.id, reason },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t(closing ? 'caseFile.withdraw.doneCaseClosed' : 'caseFile.withdraw.done'),
          });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) {
            applyServerFieldErrors(error, form.setError, FIELDS, { limits: { reason: { min: 3, max: 2000 } } });
          }
        },
      },
    );
  });

  const showAlert = mutation.isError && !hasFieldErrorsFor(mutation.error, FIELDS);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="withdraw-consent-form">
      <Stack>
        <Text fw={500}>
          {t('caseFile.withdraw.which', { scope: t(`caseFile.consents.scopes.${consent.scope}`), subject })}
        </Text>
        <Alert color={closing ? 'red' : 'orange'} title={t('caseFile.withdraw.consequenceTitle')} data-testid="withdraw-consequence">
          {t(
            closing
              ? 'caseFile.withdraw.consequenceCase'
              : consent.subject === 'FAMILY_MEMBER'
                ? 'caseFile.withdraw.consequenceFamily'
                : 'caseFile.withdraw.consequenceClosed',
          )}
        </Alert>
        {showAlert && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <Textarea
          label={t('caseFile.withdraw.reason')}
          description={t('caseFile.withdraw.reasonHint')}
          required
          autosize
          minRows={3}
          data-autofocus
          data-testid="withdraw-reason"
          error={fieldError(form.formState.errors.reason)}
          {...form.register('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={mutation.isPending} data-testid="withdraw-confirm">
            {t('caseFile.withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

type WithdrawConsentModalProps = Omit<WithdrawFormProps, 'consent'> & { consent: Consent | null; opened: boolean };

// A confirmation with a short form (the reason): the modal unmounts its content once closed, so
// each opening starts afresh.
export const WithdrawConsentModal = ({ consent, opened, onClose, ...props }: WithdrawConsentModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened && consent !== null} onClose={onClose} title={t('caseFile.withdraw.title')} data-testid="withdraw-consent-modal">
      {consent && <WithdrawForm key={consent.id} consent={consent} onClose={onClose} {...props} />}
    </Modal>
  );
};
