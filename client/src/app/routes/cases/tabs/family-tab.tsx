import { Stack } from '@mantine/core';
import { FamilySection } from '@/features/case-file';
import { CaseTracingPanel } from '@/features/tracing';
import type { CaseTabProps } from './case-tab-props';

// "Family & tracing": who the family is (with do-not-contact flags), then the tracing itself: the
// case's packets, the send form and the assessment with its Italian translation (the panel brings
// its own heading and cards).
export const FamilyTab = ({ caseId, caseDetail }: CaseTabProps) => (
  <Stack gap="lg">
    <FamilySection caseId={caseId} caseDetail={caseDetail} />
    <div data-testid="tracing-section">
      <CaseTracingPanel caseId={caseId} caseDetail={caseDetail} />
    </div>
  </Stack>
);
