import { RiskCheckSchema, type CreateRiskCheckInput, type RiskCheck } from '@app/contracts';
import { api } from '@/lib/api-client';
import { useCaseFileMutation } from './use-case-file-mutation';

export const createRiskCheck = (caseId: string, input: CreateRiskCheckInput): Promise<RiskCheck> =>
  api.post(`/cases/${encodeURIComponent(caseId)}/risk-checks`, input, RiskCheckSchema);

export const useCreateRiskCheck = (caseId: string) =>
  useCaseFileMutation(caseId, (input: CreateRiskCheckInput) => createRiskCheck(caseId, input));
