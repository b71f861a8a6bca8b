import { DocumentsPanel } from '@/features/documents';
import type { CaseTabProps } from './case-tab-props';

// The case's documents: list, download, upload with progress (features/documents).
export const DocumentsTab = ({ caseId, caseDetail }: CaseTabProps) => <DocumentsPanel caseId={caseId} caseDetail={caseDetail} />;
