import { UserPageSchema } from '@app/contracts';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export type UserPage = z.infer<typeof UserPageSchema>;
export type FetchUsersParams = { organisationId?: string | undefined; cursor?: string | undefined; limit: number };

export const fetchUsers = (params: FetchUsersParams, signal?: AbortSignal): Promise<UserPage> =>
  api.get('/admin/users', UserPageSchema, { query: params, ...(signal ? { signal } : {}) });
