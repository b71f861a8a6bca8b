import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKey } from '@/lib/query-keys';
import { fetchCaseDocuments, uploadCaseDocument, type UploadDocumentVariables } from './documents-api';

// Under the case's key (['cases', caseId]): an upload refreshes the case, its documents and its
// timeline together.
export const documentQueries = {
  list: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'documents'] as const,
      queryFn: ({ signal }) => fetchCaseDocuments(caseId, signal),
    }),
};

export const useUploadDocument = (caseId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: UploadDocumentVariables) => uploadCaseDocument(caseId, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
};
