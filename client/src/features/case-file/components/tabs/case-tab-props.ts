import type { CaseDetail } from '@app/contracts';

// What every tab of the case file receives. The case is already loaded (the header needs it);
// a tab fetches only its own data, under the key ['cases', caseId, …].
export type CaseTabProps = {
  caseId: string;
  caseDetail: CaseDetail;
};
