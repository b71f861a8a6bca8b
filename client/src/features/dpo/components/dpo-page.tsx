import { IdSchema } from '@app/contracts';
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { AccessLogSection } from './access-log-section';
import { AuditTrailSection } from './audit-trail-section';
import { ChainVerificationSection } from './chain-verification-section';
import { DisclosureRegisterSection } from './disclosure-register-section';

export const DPO_TABS = ['audit', 'access-log', 'disclosures', 'verification'] as const;
export type DpoTab = (typeof DPO_TABS)[number];

export const dpoTabFrom = (value: string | null): DpoTab => DPO_TABS.find((tab) => tab === value) ?? 'audit';

// The data-protection officer's oversight (domain §8 rules 6 and 7): the audit trail, one case's
// access log, the disclosure register and the chain's verification; never a case's content. The
// open tab lives in the URL; only it is mounted, so each read (itself audited) is one the DPO chose.
export const DpoPage = () => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = dpoTabFrom(searchParams.get('tab'));
  const caseId = IdSchema.safeParse(searchParams.get('caseId')).data;

  const select = (value: string | null) => setSearchParams(new URLSearchParams({ tab: dpoTabFrom(value) }), { replace: true });

  return (
    <>
      <PageTitle documentTitle={t('dpo.title')}>{t('dpo.title')}</PageTitle>
      <Tabs value={tab} onChange={select} keepMounted={false}>
        <Tabs.List aria-label={t('dpo.tabs.label')} mb="md">
          {DPO_TABS.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`dpo-tab-${value}`}>
              {t(`dpo.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="audit">
          <AuditTrailSection />
        </Tabs.Panel>
        <Tabs.Panel value="access-log">
          <AccessLogSection caseId={caseId} onPick={(id) => setSearchParams(new URLSearchParams({ tab: 'access-log', caseId: id }), { replace: true })} />
        </Tabs.Panel>
        <Tabs.Panel value="disclosures">
          <DisclosureRegisterSection />
        </Tabs.Panel>
        <Tabs.Panel value="verification">
          <ChainVerificationSection />
        </Tabs.Panel>
      </Tabs>
    </>
  );
};
