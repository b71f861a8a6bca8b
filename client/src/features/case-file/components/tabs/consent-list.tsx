import type { Consent, FamilyMember } from '@app/contracts';
import { Badge, Blockquote, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/ui/detail-list';
import { EmptyState } from '@/components/ui/query-state';
import { formatInstantDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { useConsentSubject } from '../../utils/consent-subject';

type ConsentListProps = {
  consents: readonly Consent[];
  familyMembers: readonly FamilyMember[];
  canRecord: boolean;
  onWithdraw: (consent: Consent) => void;
};

const ConsentCard = ({ consent, subject, onWithdraw }: { consent: Consent; subject: string; onWithdraw: () => void }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const scope = t(`caseFile.consents.scopes.${consent.scope}`);
  const withdrawn = consent.withdrawnAt !== null;
  return (
    <Card withBorder padding="md" component="li" data-testid="consent-item">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>{scope}</Text>
            <Text size="sm">{subject}</Text>
          </div>
          <Badge color={withdrawn ? 'gray' : 'green'} variant="light" tt="none">
            {t(withdrawn ? 'caseFile.consents.withdrawnBadge' : 'caseFile.consents.validBadge')}
          </Badge>
        </Group>
        <DetailList
          items={[
            { label: t('caseFile.consents.language'), value: consent.language },
            {
              label: t('caseFile.consents.mediator'),
              value: consent.mediatorPresent ? (consent.mediatorName ?? t('common.notAvailable')) : t('caseFile.consents.noMediator'),
            },
            { label: t('caseFile.consents.informedBy'), value: consent.informedBy },
            { label: t('caseFile.consents.givenAt'), value: formatInstantDate(consent.givenAt, locale) },
            ...(consent.withdrawnAt
              ? [
                  { label: t('caseFile.consents.withdrawnAt'), value: formatInstantDate(consent.withdrawnAt, locale) },
                  { label: t('caseFile.consents.withdrawalReason'), value: consent.withdrawalReason ?? t('common.notAvailable') },
                ]
              : []),
          ]}
        />
        {consent.minorWords && (
          <div>
            <Text size="sm" c="dimmed">
              {t('caseFile.consents.minorWords')}
            </Text>
            <Blockquote p="sm" mt={4}>
              {consent.minorWords}
            </Blockquote>
          </div>
        )}
        {!withdrawn && (
          <div>
            <Button
              variant="outline"
              color="red"
              size="xs"
              onClick={onWithdraw}
              aria-label={t('caseFile.consents.withdrawLabel', { scope, subject })}
              data-testid={`withdraw-consent-${consent.id}`}
            >
              {t('caseFile.consents.withdraw')}
            </Button>
          </div>
        )}
      </Stack>
    </Card>
  );
};

export const ConsentList = ({ consents, familyMembers, canRecord, onWithdraw }: ConsentListProps) => {
  const { t } = useTranslation();
  const subjectOf = useConsentSubject(familyMembers);
  if (consents.length === 0) {
    return (
      <EmptyState testId="consents-empty">{t(canRecord ? 'caseFile.consents.empty' : 'caseFile.consents.emptyClosed')}</EmptyState>
    );
  }
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="consents">
      {consents.map((consent) => (
        <ConsentCard key={consent.id} consent={consent} subject={subjectOf(consent)} onWithdraw={() => onWithdraw(consent)} />
      ))}
    </Stack>
  );
};
