import { ReturnPanel } from '@/features/return';
import type { CaseTabProps } from './case-tab-props';

// Durable solution, court, AVR, reintegration and monitoring (features/return).
export const ReturnTab = ({ caseId, caseDetail }: CaseTabProps) => <ReturnPanel caseId={caseId} caseDetail={caseDetail} />;
