import {
  CaseAssignmentSchema,
  IncomingRequestPageSchema,
  type AssignCaseInput,
  type CaseAssignment,
  type IncomingRequestPage,
} from '@app/contracts';
import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKey, caseListsKey, dashboardKey } from '@/lib/query-keys';

export const INCOMING_PAGE_SIZE = 20;

// "unassigned": only the requests still waiting for a caseworker (the supervisor's queue).
export type IncomingFilter = 'unassigned' | 'all';

// The requests sent by social services through the portal, newest first (reading them is audited).
export const fetchIncomingRequests = (
  query: { unassigned?: boolean | undefined; cursor?: string | undefined; limit: number },
  signal?: AbortSignal,
): Promise<IncomingRequestPage> => api.get('/intake/requests', IncomingRequestPageSchema, { query, ...(signal ? { signal } : {}) });

// Assign or reassign the case's caseworker (supervisor); the previous caseworker's access ends.
export const assignCase = (caseId: string, input: AssignCaseInput): Promise<CaseAssignment> =>
  api.post(`/cases/${encodeURIComponent(caseId)}/assignment`, input, CaseAssignmentSchema);

export const incomingRequestQueries = {
  all: () => ['intake-requests'] as const,
  list: (filter: IncomingFilter) =>
    infiniteQueryOptions({
      queryKey: [...incomingRequestQueries.all(), 'list', filter] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchIncomingRequests({ unassigned: filter === 'unassigned' ? true : undefined, cursor: pageParam, limit: INCOMING_PAGE_SIZE }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
};

// An assignment changes the case (its caseworker, its history), every case list, the queue of
// incoming requests and the desks.
export const useAssignCase = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, input }: { caseId: string; input: AssignCaseInput }) => assignCase(caseId, input),
    onSuccess: (assignment) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKey(assignment.caseId) }),
        queryClient.invalidateQueries({ queryKey: caseListsKey() }),
        queryClient.invalidateQueries({ queryKey: incomingRequestQueries.all() }),
        queryClient.invalidateQueries({ queryKey: dashboardKey() }),
      ]),
  });
};
