import { IdSchema } from '@app/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { data, useParams, type LoaderFunctionArgs } from 'react-router';
import { canOpenTracingRequest, canWorkInTheField, FieldRequestPage, tracingQueries } from '@/features/tracing';
import { requireRole, useCurrentUser } from '@/lib/auth';

// A malformed id can never name a request: answer "not found" without asking the server.
const parseRequestId = (value: string | undefined): string => {
  const parsed = IdSchema.safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
};

export const tracingRequestLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await requireRole(queryClient, canOpenTracingRequest);
    await queryClient.ensureQueryData(tracingQueries.detail(parseRequestId(params.tracingRequestId)));
    return null;
  };

export const TracingRequestRoute = () => {
  const requestId = parseRequestId(useParams().tracingRequestId);
  const { data: request } = useSuspenseQuery(tracingQueries.detail(requestId));
  const user = useCurrentUser();
  return <FieldRequestPage key={request.id} request={request} canAct={canWorkInTheField(user.role)} />;
};
