import { isClosedState, type Consent } from '@app/contracts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '@/components/ui/lazy-named';
import { SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { useCurrentUser } from '@/lib/auth';
import { caseFileQueries } from '../../api/case-file-queries';
import { canApproveRiskChecks } from '../../utils/case-file-access';
import { useConsentSubject } from '../../utils/consent-subject';
import type { CaseTabProps } from './case-tab-props';
import { ConsentList } from './consent-list';
import { RiskCheckList } from './risk-check-list';
import { WithdrawConsentModal } from './withdraw-consent-modal';

// The two forms are their own downloads, fetched while the file loads (the tab's Suspense boundary
// covers them).
const ConsentForm = lazyNamed(() => import('./consent-form').then((m) => m.ConsentForm));
const RiskCheckForm = lazyNamed(() => import('./risk-check-form').then((m) => m.RiskCheckForm));
const preloadForms = () => Promise.all([ConsentForm.preload(), RiskCheckForm.preload()]).catch(() => undefined);

type SectionProps = { id: string; testId: string; title: string; children: React.ReactNode };

const Section = ({ id, testId, title, children }: SectionProps) => (
  <Card withBorder padding="lg" component="section" aria-labelledby={id} data-testid={testId}>
    <Title order={2} size="h4" mb="sm" id={id}>
      {title}
    </Title>
    {children}
  </Card>
);

// "Consents & risk checks": the two gates before any tracing (domain §8 rules 2 and 4).
export const ConsentsPanel = ({ caseId, caseDetail }: CaseTabProps) => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const fileQuery = useQuery(caseFileQueries.file(caseId));
  useEffect(() => {
    void preloadForms();
  }, []);
  // The consent being withdrawn stays set while the dialog animates closed.
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const subjectOf = useConsentSubject(fileQuery.data?.familyMembers ?? []);
  const open = !isClosedState(caseDetail.state);

  if (!fileQuery.isSuccess) {
    return (
      <Section id="case-consents-heading" testId="consents-section" title={t('caseFile.consents.heading')}>
        {fileQuery.isError ? (
          <SectionError error={fileQuery.error} onRetry={() => void fileQuery.refetch()} retrying={fileQuery.isFetching} />
        ) : (
          <SectionSkeleton />
        )}
      </Section>
    );
  }

  const { consents, riskChecks, familyMembers } = fileQuery.data;
  return (
    <Stack gap="lg">
      <Section id="case-consents-heading" testId="consents-section" title={t('caseFile.consents.heading')}>
        <Stack gap="xl">
          <ConsentList
            consents={consents}
            familyMembers={familyMembers}
            canRecord={open}
            onWithdraw={(consent) => {
              setWithdrawing(consent);
              setWithdrawOpen(true);
            }}
          />
          {open ? <ConsentForm caseId={caseId} familyMembers={familyMembers} /> : <Text c="dimmed">{t('caseFile.errors.closed')}</Text>}
        </Stack>
      </Section>
      <Section id="case-risk-checks-heading" testId="risk-checks-section" title={t('caseFile.riskChecks.heading')}>
        <Stack gap="xl">
          <RiskCheckList caseId={caseId} riskChecks={riskChecks} canApprove={canApproveRiskChecks(user.role)} canRecord={open} />
          {open && <RiskCheckForm caseId={caseId} />}
        </Stack>
      </Section>
      <WithdrawConsentModal
        caseId={caseId}
        caseState={caseDetail.state}
        consent={withdrawing}
        opened={withdrawOpen}
        subject={withdrawing ? subjectOf(withdrawing) : ''}
        onClose={() => setWithdrawOpen(false)}
      />
    </Stack>
  );
};
