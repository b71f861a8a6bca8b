import type { DurableSolution, ReturnReportRef } from '@app/contracts';
import type { Executor } from '../../database/db';

// ---------------------------------------------------------------------------------------------
// Durable solutions, report references

export interface DurableRow {
  id: string;
  solution: DurableSolution['solution'];
  decided_by: string;
  decision_ref: string;
  decided_on: string;
  court_decision_id: string | null;
  minor_views: string;
  minor_views_language: string;
  mediator_present: boolean;
  mediator_name: string | null;
  views_relayed_by: string | null;
  options_considered: DurableSolution['optionsConsidered'];
  bia_ref: string | null;
  created_at: Date;
}
export const DURABLE_SELECT = `SELECT id, solution, decided_by, decision_ref, to_char(decided_on, 'YYYY-MM-DD') AS decided_on, court_decision_id, minor_views,
  minor_views_language, mediator_present, mediator_name, views_relayed_by, options_considered, bia_ref, created_at FROM durable_solutions`;
export const toDurable = (r: DurableRow): DurableSolution => ({
  id: r.id,
  solution: r.solution,
  decidedBy: r.decided_by,
  decisionRef: r.decision_ref,
  decidedOn: r.decided_on,
  courtDecisionId: r.court_decision_id,
  minorViews: r.minor_views,
  minorViewsLanguage: r.minor_views_language,
  mediatorPresent: r.mediator_present,
  mediatorName: r.mediator_name,
  viewsRelayedBy: r.views_relayed_by,
  optionsConsidered: r.options_considered,
  biaRef: r.bia_ref,
  recordedAt: r.created_at.toISOString(),
});

export async function loadReturnReports(executor: Executor, caseId: string): Promise<ReturnReportRef[]> {
  const rows = await executor.query<
    { id: string; kind: ReturnReportRef['kind']; visit_id: string | null; version_no: number; status: string; approved: boolean; released: boolean }[]
  >(
    `SELECT r.id, r.kind, (SELECT id FROM monitoring_visits WHERE report_id = r.id) AS visit_id, lv.version_no, lv.status,
        EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = r.id AND v.status IN ('APPROVED','RELEASED')) AS approved,
        EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = r.id AND v.status = 'RELEASED') AS released
      FROM reports r
      JOIN LATERAL (SELECT version_no, status FROM report_versions WHERE report_id = r.id ORDER BY version_no DESC LIMIT 1) lv ON true
      WHERE r.case_id = $1 AND r.kind IN ('REINTEGRATION_PLAN','AVR_OPERATIONAL_NOTE','HANDOVER_PROTOCOL','MONITORING_REPORT')
      ORDER BY r.created_at, r.id`,
    [caseId],
  );
  return rows.map((r) => ({
    reportId: r.id,
    kind: r.kind,
    monitoringVisitId: r.visit_id,
    latestVersionNo: r.version_no,
    latestStatus: r.status,
    approved: r.approved,
    released: r.released,
  }));
}
