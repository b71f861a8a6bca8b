import { IdSchema } from '@app/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { data, useParams, type LoaderFunctionArgs } from 'react-router';
import { CaseFileTabs } from '@/features/case-file/components/case-file-tabs';
import { canWorkOnCaseFile } from '@/features/case-file/utils/case-file-access';
import { caseQueries } from '@/features/cases/api/case-queries';
import { CaseDetail } from '@/features/cases/components/case-detail';
import { CaseProfile } from '@/features/cases/components/case-profile';
import { CaseAssignment } from '@/features/intake-requests/components/case-assignment';
import { canSeeCases, requireRole, useCurrentUser } from '@/lib/auth';

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

// The header, the next actions and the tabs of the case file. Staff work on the file; guardians,
// social services and the court read the case (the server decides which cases they see).
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
