import { PortalParticipationTab as Panel } from '@/features/portal';
import type { CaseTabProps } from './case-tab-props';

// The guardian's part: the minor's views, consents, a return request to co-sign (features/portal).
export const PortalParticipationTab = (props: CaseTabProps) => <Panel {...props} />;
