import { isClosedState, type CaseState, type PortalConsent } from '@app/contracts';
import { Alert, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/query-state';
import { useLocale } from '@/lib/i18n';
import { withdrawGuardianConsent } from '../api/portal-api';
import { usePortalMutation } from '../api/portal-queries';
import { usePortalErrorMessage } from '../utils/portal-form-errors';
import { formatDateTime } from '../utils/portal-format';
import { GuardianConsentForm } from './guardian-consent-form';
import { PortalSection } from './portal-section';

// Withdrawing these ends the intervention (the server moves the case to WITHDRAWN).
const ENDS_CASE = new Set(['TRACING', 'DATA_PROCESSING']);

const WithdrawForm = ({ caseId, consent, onDone }: { caseId: string; consent: PortalConsent; onDone: () => void }) => {
  const { t } = useTranslation();
  const errorMessage = usePortalErrorMessage('portal.consents.withdraw.conflict');
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const mutation = usePortalMutation(caseId, (text: string) => withdrawGuardianConsent(caseId, consent.id, text));
  const scope = t(`caseFile.consents.scopes.${consent.scope}`);
  return (
    <form
      noValidate
      aria-label={t('portal.consents.withdraw.label', { scope })}
      onSubmit={(event) => {
        event.preventDefault();
        const short = reason.trim().length < 3;
        setTooShort(short);
        if (short) return;
        mutation.mutate(reason.trim(), {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('portal.consents.withdraw.done', { scope }) });
            onDone();
          },
        });
      }}
    >
      <Stack gap="xs">
        {ENDS_CASE.has(consent.scope) && (
          <Alert color="orange" title={t('portal.consents.withdraw.endsCaseTitle')}>
            {t('portal.consents.withdraw.endsCase')}
          </Alert>
        )}
        {mutation.isError && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
        <Textarea
          label={t('portal.consents.withdraw.reason')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={tooShort ? t('validation.tooShort', { minimum: 3 }) : undefined}
          data-autofocus
        />
        <Group gap="sm">
          <Button type="submit" color="red" loading={mutation.isPending}>
            {t('portal.consents.withdraw.confirm')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

const ConsentItem = ({ caseId, consent, canWithdraw }: { caseId: string; consent: PortalConsent; canWithdraw: boolean }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const [withdrawing, setWithdrawing] = useState(false);
  const withdrawn = consent.withdrawnAt !== null;
  return (
    <Stack gap={4} component="li" data-testid="portal-consent">
      <Group gap="xs">
        <Text fw={600}>{t(`caseFile.consents.scopes.${consent.scope}`)}</Text>
        <Text c="dimmed">· {consent.givenByYou ? t('portal.consents.byYou') : t(`caseFile.consents.subjects.${consent.subject}`)}</Text>
        <Badge variant="light" color={withdrawn ? 'gray' : 'green'} tt="none">
          {withdrawn ? t('caseFile.consents.withdrawnBadge') : t('caseFile.consents.validBadge')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('portal.consents.givenOn', { date: formatDateTime(consent.givenAt, locale), language: consent.language })}
        {withdrawn && ` · ${t('portal.consents.withdrawnOn', { date: formatDateTime(consent.withdrawnAt!, locale) })}`}
      </Text>
      {canWithdraw && consent.givenByYou && !withdrawn && !withdrawing && (
        <div>
          <Button variant="subtle" color="red" size="xs" onClick={() => setWithdrawing(true)} aria-label={t('portal.consents.withdraw.label', { scope: t(`caseFile.consents.scopes.${consent.scope}`) })}>
            {t('portal.consents.withdraw.button')}
          </Button>
        </div>
      )}
      {withdrawing && <WithdrawForm caseId={caseId} consent={consent} onDone={() => setWithdrawing(false)} />}
    </Stack>
  );
};

// The consents on the ward's case (the minor's and the guardian's; never who informed whom), the
// guardian's own to give, and to withdraw.
export const ConsentsSection = ({ caseId, state, consents }: { caseId: string; state: CaseState; consents: readonly PortalConsent[] }) => {
  const { t } = useTranslation();
  const open = !isClosedState(state);
  return (
    <PortalSection id="portal-consents-heading" title={t('portal.consents.heading')} intro={t('portal.consents.intro')} testId="portal-consents-section">
      {consents.length === 0 ? (
        <EmptyState testId="portal-consents-empty">{t('portal.consents.empty')}</EmptyState>
      ) : (
        <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
          {consents.map((consent) => (
            <ConsentItem key={consent.id} caseId={caseId} consent={consent} canWithdraw={open} />
          ))}
        </Stack>
      )}
      {open ? <GuardianConsentForm caseId={caseId} /> : <Text c="dimmed">{t('portal.closedNote')}</Text>}
    </PortalSection>
  );
};
