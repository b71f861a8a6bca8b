import { IdSchema } from '@app/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { data, useParams, type LoaderFunctionArgs } from 'react-router';
import { canWorkOnCaseFile } from '@/features/case-file';
import { CaseDetail, CaseProfile, caseQueries } from '@/features/cases';
import { CaseAssignment } from '@/features/intake-requests';
import { canSeeCases, requireRole, useCurrentUser } from '@/lib/auth';
import { CaseFileTabs } from './case-file-tabs';

// A malformed id can never name a case: answer "not found" without asking the server.
const parseCaseId = (value: string | undefined): string => {
  const parsed = IdSchema.safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
};

export const caseDetailLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await requireRole(queryClient, canSeeCases);
    await queryClient.ensureQueryData(caseQueries.detail(parseCaseId(params.caseId)));
    return null;
  };

// The case page, assembled from several features: the header and next actions (features/cases),
// the caseworker's assignment (features/intake-requests) and the tabs (./case-file-tabs). Staff
// work on the file; guardians, social services and the court read the case (the server decides
// which cases they see).
export const CaseDetailRoute = () => {
  const caseId = parseCaseId(useParams().caseId);
  const { data: caseRecord } = useSuspenseQuery(caseQueries.detail(caseId));
  const user = useCurrentUser();
  return (
    <CaseDetail caseRecord={caseRecord} canAct={canWorkOnCaseFile(user.role)} assignment={<CaseAssignment caseRecord={caseRecord} role={user.role} />}>
      <CaseFileTabs caseDetail={caseRecord} role={user.role} profile={<CaseProfile caseRecord={caseRecord} />} />
    </CaseDetail>
  );
};
