import {
  CaseDetailSchema,
  DirectoryOrganisationListSchema,
  DirectoryUserListSchema,
  MinorSearchResponseSchema,
  type CaseDetail,
  type CreateCaseInput,
  type DirectoryOrganisation,
  type DirectoryUser,
  type MinorSearchResponse,
} from '@app/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKey, caseListsKey, dashboardKey } from '@/lib/query-keys';

export type DirectoryUserRole = 'guardian' | 'caseworker';

export const fetchDirectoryOrganisations = async (signal?: AbortSignal): Promise<DirectoryOrganisation[]> =>
  (await api.get('/directory/organisations', DirectoryOrganisationListSchema, signal ? { signal } : {})).items;

export const fetchDirectoryUsers = async (role: DirectoryUserRole, signal?: AbortSignal): Promise<DirectoryUser[]> =>
  (await api.get('/directory/users', DirectoryUserListSchema, { query: { role }, ...(signal ? { signal } : {}) })).items;

// The duplicate check: the name travels in the POST body only, never in a URL.
export type MinorSearchInput = { name: string; dateOfBirth?: string; dobIsDefaultJan1?: boolean; limit: number };

export const searchMinors = (input: MinorSearchInput): Promise<MinorSearchResponse> =>
  api.post('/minors/search', input, MinorSearchResponseSchema);

export const createCase = (input: CreateCaseInput): Promise<CaseDetail> => api.post('/cases', input, CaseDetailSchema);

export const intakeQueries = {
  all: () => ['intake'] as const,
  organisations: () =>
    queryOptions({
      queryKey: [...intakeQueries.all(), 'directory', 'organisations'] as const,
      queryFn: ({ signal }) => fetchDirectoryOrganisations(signal),
      staleTime: 5 * 60_000,
    }),
  users: (role: DirectoryUserRole) =>
    queryOptions({
      queryKey: [...intakeQueries.all(), 'directory', 'users', role] as const,
      queryFn: ({ signal }) => fetchDirectoryUsers(role, signal),
      staleTime: 5 * 60_000,
    }),
  // Names are part of the cache key in memory only; nothing here reaches a URL or storage.
  duplicates: (input: MinorSearchInput | undefined) =>
    queryOptions({
      queryKey: [...intakeQueries.all(), 'duplicates', input] as const,
      queryFn: () => searchMinors(input as MinorSearchInput),
      enabled: input !== undefined,
      staleTime: 60_000,
      gcTime: 60_000,
      placeholderData: keepPreviousData,
    }),
};

export const useCreateCase = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: async (created) => {
      // The new case's page opens without a request (the same entry as the cases feature's detail query).
      queryClient.setQueryData<CaseDetail>(caseKey(created.id), created);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseListsKey() }),
        queryClient.invalidateQueries({ queryKey: dashboardKey() }),
      ]);
    },
  });
};
