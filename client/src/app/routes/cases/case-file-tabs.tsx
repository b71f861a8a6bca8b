import type { CaseDetail, Role } from '@app/contracts';
import { Tabs } from '@mantine/core';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SectionSkeleton } from '@/components/ui/query-state';
import { canWorkOnCaseFile } from '@/features/case-file';
import { DEFAULT_TAB, tabFromParam, tabLabelKey, tabsFor, type CaseFileTab } from './case-tabs';

// Each tab's code is its own download, fetched when the tab is first opened: the case page itself
// carries only the header, the profile and the tab list. Each tab module (./tabs) composes one or
// more features through their public index.
const lazyTab = <P extends object>(load: () => Promise<ComponentType<P>>) => lazy(() => load().then((component) => ({ default: component })));

const FamilyTab = lazyTab(() => import('./tabs/family-tab').then((m) => m.FamilyTab));
const ConsentsTab = lazyTab(() => import('./tabs/consents-tab').then((m) => m.ConsentsTab));
const ReportsTab = lazyTab(() => import('./tabs/reports-tab').then((m) => m.ReportsTab));
const DocumentsTab = lazyTab(() => import('./tabs/documents-tab').then((m) => m.DocumentsTab));
const TimelineTab = lazyTab(() => import('./tabs/timeline-tab').then((m) => m.TimelineTab));
const ReturnTab = lazyTab(() => import('./tabs/return-tab').then((m) => m.ReturnTab));
const InboxTab = lazyTab(() => import('./tabs/inbox-tab').then((m) => m.InboxTab));
const PortalDocumentsTab = lazyTab(() => import('./tabs/portal-documents-tab').then((m) => m.PortalDocumentsTab));
const PortalParticipationTab = lazyTab(() => import('./tabs/portal-participation-tab').then((m) => m.PortalParticipationTab));
const PortalCourtTab = lazyTab(() => import('./tabs/portal-court-tab').then((m) => m.PortalCourtTab));
const PortalSupportTab = lazyTab(() => import('./tabs/portal-support-tab').then((m) => m.PortalSupportTab));

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
    reports: external ? <InboxTab {...tabProps} /> : <ReportsTab {...tabProps} />,
    documents: external ? <PortalDocumentsTab {...tabProps} /> : <DocumentsTab {...tabProps} />,
    timeline: <TimelineTab {...tabProps} />,
    return: <ReturnTab {...tabProps} />,
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
          <Suspense fallback={<SectionSkeleton />}>{panels[tab]}</Suspense>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
};
