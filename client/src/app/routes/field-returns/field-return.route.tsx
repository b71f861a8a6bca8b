import { IdSchema } from '@app/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { data, useParams, type LoaderFunctionArgs } from 'react-router';
import { canSeeFieldReturns, FieldReturnPage, fieldReturnQueries } from '@/features/field-returns';
import { requireRole } from '@/lib/auth';

// A malformed id can never name a case: answer "not found" without asking the server.
const caseIdFrom = (value: string | undefined): string => {
  const parsed = IdSchema.safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
};

export const fieldReturnLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await requireRole(queryClient, canSeeFieldReturns);
    await queryClient.ensureQueryData(fieldReturnQueries.detail(caseIdFrom(params.caseId)));
    return null;
  };

export const FieldReturnRoute = () => {
  const caseId = caseIdFrom(useParams().caseId);
  const { data: detail } = useSuspenseQuery(fieldReturnQueries.detail(caseId));
  return <FieldReturnPage key={detail.caseId} detail={detail} />;
};
