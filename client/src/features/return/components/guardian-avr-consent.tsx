import type { CaseDetail, PortalConsent } from '@app/contracts';
import { Alert, Button, Card, Checkbox, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { isApiError } from '@/lib/api-client';
import { useLocale } from '@/lib/i18n';
import { giveGuardianAvrConsent } from '../api/return-api';
import { returnQueries, useReturnMutation } from '../api/return-queries';
import { AVR_REQUEST_STATES, isIn } from '../utils/return-access';
import { formatDateTime } from '../utils/return-format';
import { ReturnError } from './return-error';

const avrConsent = (consents: readonly PortalConsent[], subject: PortalConsent['subject']) =>
  consents.filter((consent) => consent.scope === 'AVR_REQUEST' && consent.subject === subject && consent.withdrawnAt === null).sort((a, b) => b.givenAt.localeCompare(a.givenAt))[0] ?? null;

const Frame = ({ children }: { children: React.ReactNode }) => {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="guardian-avr-heading" data-testid="guardian-avr-consent">
      <Stack gap="sm">
        <Title order={2} size="h4" id="guardian-avr-heading">
          {t('return.guardian.heading')}
        </Title>
        {children}
      </Stack>
    </Card>
  );
};

// The guardian co-signs their ward's request to return, from their own account (domain §2, §4
// #14): once the minor's own request is recorded, the guardian confirms having heard the minor and
// supporting it. Plain language; what happens next is said.
export const GuardianAvrConsent = ({ caseId, caseDetail }: { caseId: string; caseDetail: CaseDetail }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const portalQuery = useQuery(returnQueries.portal(caseId));
  const [confirmed, setConfirmed] = useState(false);
  const [language, setLanguage] = useState('Italiano');
  const [confirmError, setConfirmError] = useState(false);
  const mutation = useReturnMutation(caseId, () => giveGuardianAvrConsent(caseId, { confirm: true, language: language.trim() || 'Italiano' }));

  if (!portalQuery.isSuccess) {
    return (
      <Frame>
        {portalQuery.isError ? <SectionError error={portalQuery.error} onRetry={() => void portalQuery.refetch()} retrying={portalQuery.isFetching} /> : <SectionSkeleton rows={2} />}
      </Frame>
    );
  }

  const consents = portalQuery.data.consents ?? [];
  const minor = avrConsent(consents, 'MINOR');
  const mine = avrConsent(consents, 'GUARDIAN');
  const open = isIn(AVR_REQUEST_STATES, caseDetail.state);

  const sign = () => {
    if (!confirmed) {
      setConfirmError(true);
      return;
    }
    mutation.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', message: t('return.guardian.signed') }) });
  };

  return (
    <Frame>
      <Text size="sm">{t('return.guardian.intro')}</Text>
      <Text size="sm" data-testid="guardian-minor-request">
        {minor ? t('return.guardian.minorAsked', { date: formatDateTime(minor.givenAt, locale) }) : t('return.guardian.minorNotYet')}
      </Text>
      {mine ? (
        <Alert color="green" data-testid="guardian-signed">
          {t('return.guardian.youSigned', { date: formatDateTime(mine.givenAt, locale) })}
        </Alert>
      ) : open && minor ? (
        <Stack gap="sm" data-testid="guardian-sign-form">
          <Checkbox
            checked={confirmed}
            onChange={(event) => {
              setConfirmed(event.currentTarget.checked);
              setConfirmError(false);
            }}
            label={t('return.guardian.confirm')}
            error={confirmError ? t('return.guardian.confirmRequired') : undefined}
          />
          <TextInput label={t('return.guardian.language')} description={t('return.guardian.languageHint')} value={language} onChange={(event) => setLanguage(event.currentTarget.value)} maxLength={40} />
          {mutation.isError && (isApiError(mutation.error) && mutation.error.code === 'CONFLICT' && !mutation.error.details?.unmet ? (
            <Alert color="orange">{t('return.guardian.alreadyOrClosed')}</Alert>
          ) : (
            <ReturnError caseId={caseId} error={mutation.error} />
          ))}
          <div>
            <Button onClick={sign} loading={mutation.isPending} data-testid="guardian-sign">
              {t('return.guardian.sign')}
            </Button>
          </div>
          <Text size="xs" c="dimmed">
            {t('return.guardian.next')}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {open ? t('return.guardian.waitMinor') : t('return.guardian.notOpen')}
        </Text>
      )}
    </Frame>
  );
};
