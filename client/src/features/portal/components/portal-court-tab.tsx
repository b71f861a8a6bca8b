import type { CaseDetail } from '@app/contracts';
import { lazyNamed } from '@/components/ui/lazy-named';
import { useCurrentUser } from '@/lib/auth';
import { CourtDatesSection } from './court-dates-section';
import { WithPortalCase } from './portal-case-query';

// The clerk's forms are the court's own download (the tab's Suspense boundary shows the skeleton).
const CourtClerkTab = lazyNamed(() => import('./court-clerk-tab').then((m) => m.CourtClerkTab));

// The "Court" tab: a court works on its own proceedings; guardians and social services follow the
// dates and the outcome.
export const PortalCourtTab = ({ caseId, caseDetail }: { caseId: string; caseDetail: CaseDetail }) => {
  const { role } = useCurrentUser();
  if (role === 'court') return <CourtClerkTab caseId={caseId} caseDetail={caseDetail} />;
  return <WithPortalCase caseId={caseId}>{(portalCase) => <CourtDatesSection proceedings={portalCase.courtProceedings} />}</WithPortalCase>;
};
