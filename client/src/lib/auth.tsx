import {
  CASE_FILE_RELATIONS_BY_ROLE,
  CurrentUserSchema,
  EXTERNAL_ROLES,
  type CurrentUser,
  type Role,
} from '@app/contracts';
import { queryOptions, useQueryClient, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { redirect, useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { api, isApiError } from './api-client';

export const fetchCurrentUser = (signal?: AbortSignal): Promise<CurrentUser> =>
  api.get('/auth/me', CurrentUserSchema, signal ? { signal } : {});

export const authQueries = {
  all: () => ['auth'] as const,
  // The session lives in an HttpOnly cookie; an expired one shows up as a 401 on the next call,
  // which the api-client turns into a redirect, so the user never needs refetching.
  me: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'me'] as const,
      queryFn: ({ signal }) => fetchCurrentUser(signal),
      staleTime: Infinity,
    }),
};

// UI-only policies mirroring the server's: they decide what to show, the server decides what to answer.
export const canSeeCases = (role: Role): boolean => CASE_FILE_RELATIONS_BY_ROLE[role].length > 0;
export const canAdminister = (role: Role): boolean => role === 'admin';
// Issue 5: reports released to the caller (guardians, social services, courts, the ministry).
export const canReadInbox = (role: Role): boolean => (EXTERNAL_ROLES as readonly Role[]).includes(role);
// Aggregate figures: the unit's supervisor and the ministry.
export const canSeeStats = (role: Role): boolean => role === 'supervisor' || role === 'ministry';
// The audit trail, access logs and the disclosure register: the data-protection officer only.
export const canOverseeDataProtection = (role: Role): boolean => role === 'dpo';
// A new family-tracing request through the portal: social services.
export const canSendTracingRequests = (role: Role): boolean => role === 'social_services';

// Where "/" sends each role; null means the role has its own home page.
export const homePathFor = (role: Role): string | null => {
  if (canAdminister(role)) return paths.admin();
  // The ministry works on figures first (and reads its reports in the inbox); the DPO on the trails.
  if (role === 'ministry') return paths.stats();
  if (canOverseeDataProtection(role)) return paths.dpo();
  // Guardians, social services and courts start from their cases; their inbox is one click away.
  if (canSeeCases(role)) return paths.cases();
  // A mission's field officers work on the tracing requests sent to them, never on case files.
  if (role === 'field_officer') return paths.tracingRequests();
  return null;
};

// For loaders: the signed-in user, or a redirect to the login page when there is no session.
export const requireUser = async (queryClient: QueryClient): Promise<CurrentUser> => {
  try {
    return await queryClient.ensureQueryData(authQueries.me());
  } catch (error) {
    if (isApiError(error) && error.status === 401) throw redirect(paths.login());
    throw error;
  }
};

export const requireRole = async (
  queryClient: QueryClient,
  allowed: (role: Role) => boolean,
): Promise<CurrentUser> => {
  const user = await requireUser(queryClient);
  if (!allowed(user.role)) throw redirect(paths.home());
  return user;
};

export const useCurrentUser = (): CurrentUser => useSuspenseQuery(authQueries.me()).data;

export const logout = (): Promise<void> => api.postNoContent('/auth/logout');

export const useLogout = (): (() => Promise<void>) => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await logout();
    } catch {
      // The local session data is dropped either way; an expired server session is already gone.
    }
    // Leave the signed-in pages first, so that nothing still mounted refetches after the clear.
    await navigate(paths.login(), { replace: true });
    queryClient.clear();
  }, [navigate, queryClient]);
};
