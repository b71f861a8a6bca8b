import { CaseInbox } from '@/features/inbox';
import type { CaseTabProps } from './case-tab-props';

// External users' "Reports" tab: the reports released to them for this case (features/inbox).
export const InboxTab = ({ caseId }: CaseTabProps) => <CaseInbox caseId={caseId} />;
