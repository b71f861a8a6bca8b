import { DisclosureReceiptListSchema, type DisclosureReceiptList } from '@app/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKey } from '@/lib/query-keys';

// Issue 5: the sender's side of the disclosure register with receipts – who first opened each
// release and who acknowledged it, when (IOM staff; reading is audited). Under the case's key, so
// refreshing the case refreshes the receipts too.
export const fetchDisclosureReceipts = (caseId: string, signal?: AbortSignal): Promise<DisclosureReceiptList> =>
  api.get(`/cases/${encodeURIComponent(caseId)}/disclosures`, DisclosureReceiptListSchema, signal ? { signal } : {});

export const disclosureReceiptQueries = {
  list: (caseId: string) =>
    queryOptions({
      queryKey: [...caseKey(caseId), 'disclosures'] as const,
      queryFn: ({ signal }) => fetchDisclosureReceipts(caseId, signal),
      staleTime: 30_000,
    }),
};
