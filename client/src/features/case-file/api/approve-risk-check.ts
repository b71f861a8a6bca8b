import { RiskCheckSchema, type RiskCheck } from '@app/contracts';
import { api } from '@/lib/api-client';
import { useCaseFileMutation } from './use-case-file-mutation';

// Supervisor only.
export const approveRiskCheck = (caseId: string, riskCheckId: string): Promise<RiskCheck> =>
  api.post(
    `/cases/${encodeURIComponent(caseId)}/risk-checks/${encodeURIComponent(riskCheckId)}/approve`,
    undefined,
    RiskCheckSchema,
  );

export const useApproveRiskCheck = (caseId: string) =>
  useCaseFileMutation(caseId, (riskCheckId: string) => approveRiskCheck(caseId, riskCheckId));
