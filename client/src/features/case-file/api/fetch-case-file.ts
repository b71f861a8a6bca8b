import { CaseFileSchema, type CaseFile } from '@app/contracts';
import { api } from '@/lib/api-client';

// Staff only (the server answers 403 to anyone else, and audits every read).
export const fetchCaseFile = (caseId: string, signal?: AbortSignal): Promise<CaseFile> =>
  api.get(`/cases/${encodeURIComponent(caseId)}/file`, CaseFileSchema, signal ? { signal } : {});
