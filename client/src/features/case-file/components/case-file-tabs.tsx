import type { CaseDetail, Role } from '@app/contracts';
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DEFAULT_TAB, tabFromParam, tabsFor, type CaseFileTab } from '../utils/case-file-access';
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
  const tabs = tabsFor(role);
  const active = tabFromParam(role, searchParams.get(TAB_PARAM));
  const tabProps = { caseId: caseDetail.id, caseDetail };

  const select = (value: string | null) => {
    const tab = tabFromParam(role, value);
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

  const panels: Record<CaseFileTab, React.ReactNode> = {
    profile,
    family: <FamilyTab {...tabProps} />,
    consents: <ConsentsTab {...tabProps} />,
    reports: <ReportsTab {...tabProps} />,
    documents: <DocumentsTab {...tabProps} />,
    timeline: <TimelineTab {...tabProps} />,
  };

  return (
    <Tabs value={active} onChange={select} keepMounted={false}>
      <Tabs.List aria-label={t('caseFile.tabs.label')}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab} value={tab} data-testid={`tab-${tab}`}>
            {t(`caseFile.tabs.${tab}`)}
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
