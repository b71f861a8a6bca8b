import { PortalCourtTab as Panel } from '@/features/portal';
import type { CaseTabProps } from './case-tab-props';

// The "Court" tab: a court works on its own proceedings; guardians and social services follow the
// dates and the outcome (features/portal).
export const PortalCourtTab = (props: CaseTabProps) => <Panel {...props} />;
