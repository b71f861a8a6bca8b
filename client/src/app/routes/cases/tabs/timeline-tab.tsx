import { TimelinePanel } from '@/features/timeline';
import type { CaseTabProps } from './case-tab-props';

// The case's history, newest first, with "load more" (features/timeline).
export const TimelineTab = ({ caseId, caseDetail }: CaseTabProps) => <TimelinePanel caseId={caseId} caseDetail={caseDetail} />;
