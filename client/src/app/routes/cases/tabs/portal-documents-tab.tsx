import { PortalDocumentsTab as Panel } from '@/features/portal';
import type { CaseTabProps } from './case-tab-props';

// The documents an external user may open on the case, and their own upload (features/portal).
export const PortalDocumentsTab = (props: CaseTabProps) => <Panel {...props} />;
