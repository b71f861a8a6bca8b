import type { PortalCase } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { SectionError, SectionSkeleton } from '@/components/ui/query-state';
import { portalQueries } from '../api/portal-queries';

// Loads the portal's case page once for every portal tab (one audited read), with the loading and
// error states in place of the tab's content.
export const WithPortalCase = ({ caseId, children }: { caseId: string; children: (portalCase: PortalCase) => React.ReactNode }) => {
  const query = useQuery(portalQueries.case(caseId));
  if (query.isPending) return <SectionSkeleton />;
  if (query.isError && !query.data) return <SectionError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  return <>{children(query.data!)}</>;
};
