import { ConsentsPanel } from '@/features/case-file';
import type { CaseTabProps } from './case-tab-props';

// Consents and risk checks (features/case-file).
export const ConsentsTab = ({ caseId, caseDetail }: CaseTabProps) => <ConsentsPanel caseId={caseId} caseDetail={caseDetail} />;
