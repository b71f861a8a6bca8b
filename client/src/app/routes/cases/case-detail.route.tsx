import { IdSchema } from '@app/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { data, useParams, type LoaderFunctionArgs } from 'react-router';
import { caseQueries } from '@/features/cases/api/case-queries';
import { CaseDetail } from '@/features/cases/components/case-detail';
import { canSeeCases, requireRole } from '@/lib/auth';

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

export const CaseDetailRoute = () => {
  const caseId = parseCaseId(useParams().caseId);
  const { data: caseRecord } = useSuspenseQuery(caseQueries.detail(caseId));
  return <CaseDetail caseRecord={caseRecord} />;
};
