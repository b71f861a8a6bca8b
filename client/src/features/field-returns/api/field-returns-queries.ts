import type { EscalateConcernInput, RecordHandoverInput, RecordMonitoringVisitInput, UpdateAssistanceItemInput } from '@app/contracts';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  escalateFieldConcern,
  fetchFieldReturn,
  fetchFieldReturns,
  recordFieldHandover,
  recordFieldVisit,
  updateFieldItem,
  uploadFieldDocument,
  type FieldUploadFields,
  type FieldUploadOptions,
} from './field-returns-api';

// The mission's returned minors live under their own key, apart from the staff's ['cases', …]:
// a record changes the detail (state, visits, items) and the list (next visit, hand-over date).
export const fieldReturnQueries = {
  all: () => ['field-returns'] as const,
  list: () =>
    queryOptions({
      queryKey: [...fieldReturnQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => fetchFieldReturns(signal),
    }),
  detail: (caseId: string) =>
    queryOptions({
      queryKey: [...fieldReturnQueries.all(), 'detail', caseId] as const,
      queryFn: ({ signal }) => fetchFieldReturn(caseId, signal),
    }),
};

// The mission's records for one case, each reading the case again once saved. The return
// feature's forms (visit, escalation, assistance item, upload) take these as their `record`,
// `escalate`, `updateItem` and `upload` props, so they send to /api/field/returns.
export const useFieldReturnActions = (caseId: string) => {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const thenRefresh =
      <TArgs extends unknown[], TResult>(send: (...args: TArgs) => Promise<TResult>) =>
      async (...args: TArgs): Promise<TResult> => {
        const result = await send(...args);
        await queryClient.invalidateQueries({ queryKey: fieldReturnQueries.all() });
        return result;
      };
    return {
      recordHandover: thenRefresh((input: RecordHandoverInput) => recordFieldHandover(caseId, input)),
      recordVisit: (visitId: string) => thenRefresh((input: RecordMonitoringVisitInput) => recordFieldVisit(caseId, visitId, input)),
      escalate: (visitId: string) => thenRefresh((input: EscalateConcernInput) => escalateFieldConcern(caseId, visitId, input)),
      updateItem: thenRefresh((itemId: string, input: UpdateAssistanceItemInput) => updateFieldItem(caseId, itemId, input)),
      upload: thenRefresh((file: File, fields: FieldUploadFields, options: FieldUploadOptions) => uploadFieldDocument(caseId, file, fields, options)),
    };
  }, [caseId, queryClient]);
};

export type FieldReturnActions = ReturnType<typeof useFieldReturnActions>;
