import { CaseTracingPanel } from '@/features/tracing';
import type { CaseTabProps } from './case-tab-props';

// The tracing part of the "Family & tracing" tab: the case's packets, the send form and the
// assessment with its Italian translation (the panel brings its own heading and cards).
export const TracingSection = ({ caseId, caseDetail }: CaseTabProps) => (
  <div data-testid="tracing-section">
    <CaseTracingPanel caseId={caseId} caseDetail={caseDetail} />
  </div>
);
