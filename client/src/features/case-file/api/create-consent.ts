import { ConsentSchema, type Consent, type CreateConsentInput } from '@app/contracts';
import { api } from '@/lib/api-client';
import { useCaseFileMutation } from './use-case-file-mutation';

export const createConsent = (caseId: string, input: CreateConsentInput): Promise<Consent> =>
  api.post(`/cases/${encodeURIComponent(caseId)}/consents`, input, ConsentSchema);

export const useCreateConsent = (caseId: string) =>
  useCaseFileMutation(caseId, (input: CreateConsentInput) => createConsent(caseId, input));
