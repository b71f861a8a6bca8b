import { PortalSupportTab as Panel } from '@/features/portal';
import type { CaseTabProps } from './case-tab-props';

// Continuation of support after 18, asked for by social services (features/portal).
export const PortalSupportTab = (props: CaseTabProps) => <Panel {...props} />;
