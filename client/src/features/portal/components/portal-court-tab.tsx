import type { CaseDetail } from '@app/contracts';
import { useCurrentUser } from '@/lib/auth';
import { CourtClerkTab } from './court-clerk-tab';
import { CourtDatesSection } from './court-dates-section';
import { WithPortalCase } from './portal-case-query';

// The "Court" tab: a court works on its own proceedings; guardians and social services follow the
// dates and the outcome.
export const PortalCourtTab = ({ caseId, caseDetail }: { caseId: string; caseDetail: CaseDetail }) => {
  const { role } = useCurrentUser();
  if (role === 'court') return <CourtClerkTab caseId={caseId} caseDetail={caseDetail} />;
  return <WithPortalCase caseId={caseId}>{(portalCase) => <CourtDatesSection proceedings={portalCase.courtProceedings} />}</WithPortalCase>;
};
