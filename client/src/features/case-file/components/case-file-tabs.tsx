import type { CaseDetail, Role } from '@app/contracts';
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CaseInbox } from '@/features/inbox';
import { PortalCourtTab, PortalDocumentsTab, PortalParticipationTab, PortalSupportTab } from '@/features/portal';
import { ReturnPanel } from '@/features/return';
import { canWorkOnCaseFile, DEFAULT_TAB, tabFromParam, tabLabelKey, tabsFor, type CaseFileTab } from '../utils/case-file-access';
import { ConsentsTab } from './tabs/consents-tab';
import { DocumentsTab } from './tabs/documents-tab';
import { FamilyTab } from './tabs/family-tab';
import { ReportsTab } from './tabs/reports-tab';
import { TimelineTab } from './tabs/timeline-tab';

const TAB_PARAM = 'tab';

type CaseFileTabsProps = {
  caseDetail: CaseDetail;
  role: Role;
  // The profile comes from the cases feature; the route composes the two.
  profile: React.ReactNode;
};

// The selected tab lives in the URL (?tab=family), so a link or a reload opens the same tab. Only
// the open tab is mounted: the file is fetched (and its read audited) when someone looks at it.
export const CaseFileTabs = ({ caseDetail, role, profile }: CaseFileTabsProps) => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = tabsFor(role, caseDetail);
  const active = tabFromParam(role, searchParams.get(TAB_PARAM), caseDetail);
  const tabProps = { caseId: caseDetail.id, caseDetail };

  const select = (value: string | null) => {
    const tab = tabFromParam(role, value, caseDetail);
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (tab === DEFAULT_TAB) next.delete(TAB_PARAM);
        else next.set(TAB_PARAM, tab);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  // External users (issue 5): the reports released to them (their inbox for this case), their
  // documents, and the portal's tabs; staff keep the working file.
  const external = !canWorkOnCaseFile(role);
  const panels: Record<CaseFileTab, React.ReactNode> = {
    profile,
    family: <FamilyTab {...tabProps} />,
    consents: <ConsentsTab {...tabProps} />,
    reports: external ? <CaseInbox caseId={caseDetail.id} /> : <ReportsTab {...tabProps} />,
    documents: external ? <PortalDocumentsTab {...tabProps} /> : <DocumentsTab {...tabProps} />,
    timeline: <TimelineTab {...tabProps} />,
    return: <ReturnPanel {...tabProps} />,
    participation: <PortalParticipationTab {...tabProps} />,
    court: <PortalCourtTab {...tabProps} />,
    support: <PortalSupportTab {...tabProps} />,
  };

  return (
    <Tabs value={active} onChange={select} keepMounted={false}>
      <Tabs.List aria-label={t('caseFile.tabs.label')}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab} value={tab} data-testid={`tab-${tab}`}>
            {t(tabLabelKey(tab))}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab} value={tab} pt="md">
          {panels[tab]}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
};
