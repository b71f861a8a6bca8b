import type { CaseDetail } from '@app/contracts';

// What every tab of the case page receives. The case is already loaded (the header needs it);
// a tab fetches only its own data, under the case's key (caseKey(caseId), lib/query-keys.ts).
export type CaseTabProps = {
  caseId: string;
  caseDetail: CaseDetail;
};
