import { ReportsPanel } from '@/features/reports';
import { ReturnReportStarters } from '@/features/return';
import type { CaseTabProps } from './case-tab-props';

// The case's reports, their versions, review, approval and release (features/reports), with the
// return's part-2 reports to start (features/return).
export const ReportsTab = ({ caseId, caseDetail }: CaseTabProps) => (
  <ReportsPanel caseId={caseId} caseDetail={caseDetail} starters={(items) => <ReturnReportStarters caseDetail={caseDetail} items={items} />} />
);
