import { CaseDetailSchema, CasePageSchema, type CaseDetail, type CasePage, type CaseState } from '@app/contracts';
import { api } from '@/lib/api-client';

export type FetchCasesParams = { state?: CaseState | undefined; cursor?: string | undefined; limit: number };

export const fetchCases = (params: FetchCasesParams, signal?: AbortSignal): Promise<CasePage> =>
  api.get('/cases', CasePageSchema, { query: params, ...(signal ? { signal } : {}) });

export const fetchCase = (caseId: string, signal?: AbortSignal): Promise<CaseDetail> =>
  api.get(`/cases/${encodeURIComponent(caseId)}`, CaseDetailSchema, signal ? { signal } : {});
