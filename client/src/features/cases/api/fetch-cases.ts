import {
  CaseDetailSchema,
  CaseFilterOptionsSchema,
  CasePageSchema,
  type CaseDetail,
  type CaseFilterOptions,
  type CasePage,
  type CaseState,
} from '@app/contracts';
import { api } from '@/lib/api-client';

// The list filters that travel in the query string: ids, codes and flags, never names.
export type FetchCasesParams = {
  state?: CaseState | undefined;
  nationality?: string | undefined;
  caseworkerId?: string | undefined;
  requestingAuthorityId?: string | undefined;
  overdue?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
};

export const fetchCases = (params: FetchCasesParams, signal?: AbortSignal): Promise<CasePage> =>
  api.get('/cases', CasePageSchema, { query: params, ...(signal ? { signal } : {}) });

// The same list searched by name: the name goes in the POST body, so it never reaches a URL or
// an access log.
export type SearchCasesParams = Omit<FetchCasesParams, 'overdue'> & { overdue?: boolean | undefined; name: string };

export const searchCases = (params: SearchCasesParams): Promise<CasePage> => api.post('/cases/search', params, CasePageSchema);

export const fetchCaseFilterOptions = (signal?: AbortSignal): Promise<CaseFilterOptions> =>
  api.get('/cases/filters', CaseFilterOptionsSchema, signal ? { signal } : {});

export const fetchCase = (caseId: string, signal?: AbortSignal): Promise<CaseDetail> =>
  api.get(`/cases/${encodeURIComponent(caseId)}`, CaseDetailSchema, signal ? { signal } : {});
