import { OrganisationListSchema, type Organisation } from '@app/contracts';
import { api } from '@/lib/api-client';

export const fetchOrganisations = async (signal?: AbortSignal): Promise<Organisation[]> =>
  (await api.get('/admin/organisations', OrganisationListSchema, signal ? { signal } : {})).items;
