import { ConsentSchema, type Consent, type WithdrawConsentInput } from '@app/contracts';
import { api } from '@/lib/api-client';
import { useCaseFileMutation } from './use-case-file-mutation';

export type WithdrawConsentVariables = { consentId: string } & WithdrawConsentInput;

// The minor's or the guardian's withdrawal also moves the case to WITHDRAWN and cancels tracing.
export const withdrawConsent = (caseId: string, { consentId, reason }: WithdrawConsentVariables): Promise<Consent> =>
  api.post(
    `/cases/${encodeURIComponent(caseId)}/consents/${encodeURIComponent(consentId)}/withdraw`,
    { reason },
    ConsentSchema,
  );

export const useWithdrawConsent = (caseId: string) =>
  useCaseFileMutation(caseId, (variables: WithdrawConsentVariables) => withdrawConsent(caseId, variables));
