import type { CaseDetail, CaseState, PortalConsent } from '@app/contracts';
import { Stack } from '@mantine/core';
import { GuardianAvrConsent } from '@/features/return';
import { ConsentsSection } from './consents-section';
import { MinorViewsSection } from './minor-views-section';
import { WithPortalCase } from './portal-case-query';

// States in which a return request is being prepared or decided (domain §4 #14–#16).
const RETURN_REQUEST_STATES: readonly CaseState[] = ['AWAITING_SOLUTION', 'AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING'];

const returnRequestMatters = (state: CaseState, consents: readonly PortalConsent[]) =>
  RETURN_REQUEST_STATES.includes(state) || consents.some((consent) => consent.scope === 'AVR_REQUEST');

// The guardian's part (domain §2): the co-signature of a return request when there is one (the
// return feature's component, issue 4), the minor's views in their own words, and the consents
// (the guardian's own to give and withdraw).
export const PortalParticipationTab = ({ caseId, caseDetail }: { caseId: string; caseDetail: CaseDetail }) => (
  <WithPortalCase caseId={caseId}>
    {(portalCase) => (
      <Stack gap="lg">
        {returnRequestMatters(caseDetail.state, portalCase.consents ?? []) && <GuardianAvrConsent caseId={caseId} caseDetail={caseDetail} />}
        <MinorViewsSection caseId={caseId} state={caseDetail.state} views={portalCase.minorViews ?? []} />
        <ConsentsSection caseId={caseId} state={caseDetail.state} consents={portalCase.consents ?? []} />
      </Stack>
    )}
  </WithPortalCase>
);
