import { ReportsPanel } from '@/features/reports';
import type { CaseTabProps } from './case-tab-props';

// The case's reports, their versions, review, approval and release (features/reports).
export const ReportsTab = ({ caseId, caseDetail }: CaseTabProps) => <ReportsPanel caseId={caseId} caseDetail={caseDetail} />;
