import { OrganisationSchema, type CreateOrganisationInput, type Organisation } from '@app/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminQueries } from './admin-queries';

export const createOrganisation = (input: CreateOrganisationInput): Promise<Organisation> =>
  api.post('/admin/organisations', input, OrganisationSchema);

export const useCreateOrganisation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganisation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueries.organisations().queryKey }),
  });
};
