import type { ReleaseReportInput, Report, ReportQaInput, UpdateReportDraftInput } from '@app/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKey } from '@/lib/query-keys';
import { approveReport, releaseReport, reviewReport, saveReportDraft, startReport, submitReport } from './reports-api';

// Each action can move the case (REPORT_DRAFTING → REPORT_QA → REPORT_APPROVED → REPORT_SENT):
// afterwards the case (its state and next steps), its reports and its timeline are read again.
const useReportMutation = <TInput>(caseId: string, mutationFn: (input: TInput) => Promise<Report>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
};

type Target = { reportId: string; lockVersion: number };

export const useStartReport = (caseId: string) => useReportMutation(caseId, () => startReport(caseId));

export const useSaveReportDraft = (caseId: string) =>
  useReportMutation(caseId, ({ reportId, lockVersion, input }: Target & { input: UpdateReportDraftInput }) =>
    saveReportDraft(reportId, lockVersion, input),
  );

export const useSubmitReport = (caseId: string) =>
  useReportMutation(caseId, ({ reportId, lockVersion }: Target) => submitReport(reportId, lockVersion));

export const useReviewReport = (caseId: string) =>
  useReportMutation(caseId, ({ reportId, lockVersion, input }: Target & { input: ReportQaInput }) =>
    reviewReport(reportId, lockVersion, input),
  );

export const useApproveReport = (caseId: string) =>
  useReportMutation(caseId, ({ reportId, lockVersion }: Target) => approveReport(reportId, lockVersion));

export const useReleaseReport = (caseId: string) =>
  useReportMutation(caseId, ({ reportId, lockVersion, input }: Target & { input: ReleaseReportInput }) =>
    releaseReport(reportId, lockVersion, input),
  );
