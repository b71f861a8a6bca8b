import { AcknowledgeResultSchema, InboxPageSchema, type InboxItem, type InboxPage, type InboxStatusFilter } from '@app/contracts';
import { api } from '@/lib/api-client';

export type InboxListQuery = { status: InboxStatusFilter; caseId?: string | undefined; cursor?: string | undefined; limit?: number };

// The reports released to the caller, newest first (reading the inbox is audited by the server).
export const fetchInbox = (query: InboxListQuery, signal?: AbortSignal): Promise<InboxPage> =>
  api.get('/inbox', InboxPageSchema, { query, ...(signal ? { signal } : {}) });

// Recorded once with who and when; a repeat answers the same item.
export const acknowledgeInboxItem = (disclosureId: string): Promise<InboxItem> =>
  api.post(`/inbox/${encodeURIComponent(disclosureId)}/acknowledge`, undefined, AcknowledgeResultSchema);
