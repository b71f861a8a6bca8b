import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchOrganisations } from './fetch-organisations';
import { fetchUsers } from './fetch-users';

export type UserListFilters = { organisationId?: string | undefined };

export const USER_PAGE_SIZE = 50;

export const adminQueries = {
  all: () => ['admin'] as const,
  organisations: () =>
    queryOptions({
      queryKey: [...adminQueries.all(), 'organisations'] as const,
      queryFn: ({ signal }) => fetchOrganisations(signal),
    }),
  userLists: () => [...adminQueries.all(), 'users', 'list'] as const,
  users: (filters: UserListFilters) =>
    infiniteQueryOptions({
      queryKey: [...adminQueries.userLists(), filters] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchUsers({ organisationId: filters.organisationId, cursor: pageParam, limit: USER_PAGE_SIZE }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
};
