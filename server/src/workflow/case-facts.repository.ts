import { Injectable } from '@nestjs/common';
import { TRACING_REPORT_KINDS, isReportDraftComplete, type ReportSections } from '@app/contracts';
import type { Executor } from '../database/db';
import type { CaseFacts } from './case-facts';

interface FactsRow {
  minor_consent_tracing: boolean;
  latest_pre_tracing_risk: CaseFacts['latestPreTracingRisk'];
  pre_tracing_risk_approved: boolean | null;
  tracing_request_sent: boolean;
  tracing_outcome: CaseFacts['tracingOutcome'];
  contact_attempts: string;
  latest_risk_decision: CaseFacts['latestRiskDecision'];
  family_consent_interview: boolean;
  family_consent_sharing: boolean;
  assessment_recorded: boolean;
  report_kind: CaseFacts['reportKind'];
  report_status: CaseFacts['reportStatus'];
  report_sections_original: ReportSections | null;
  report_sections_it: ReportSections | null;
  report_qa_result: 'PASS' | 'RETURN' | null;
  report_disclosed: boolean | null;
  durable_solution_recorded: boolean;
  consent_withdrawn: boolean;
  eighteenth_reached: boolean;
  prosieguo_until: string | null;
}

// Everything the guards read, in one round trip, from inside the caller's transaction.
@Injectable()
export class CaseFactsRepository {
  async load(executor: Executor, caseId: string, today: Date): Promise<CaseFacts> {
    const rows = await executor.query<FactsRow[]>(
      `SELECT
        EXISTS (SELECT 1 FROM consents WHERE case_id = c.id AND subject = 'MINOR' AND scope = 'TRACING' AND withdrawn_at IS NULL) AS minor_consent_tracing,
        pre.decision AS latest_pre_tracing_risk,
        pre.approved_by IS NOT NULL AS pre_tracing_risk_approved,
        EXISTS (SELECT 1 FROM tracing_requests WHERE case_id = c.id AND status <> 'CANCELLED') AS tracing_request_sent,
        (SELECT outcome FROM tracing_requests WHERE case_id = c.id AND status <> 'CANCELLED' ORDER BY sent_at DESC LIMIT 1) AS tracing_outcome,
        (SELECT count(*) FROM contact_attempts a JOIN tracing_requests t ON t.id = a.tracing_request_id WHERE t.case_id = c.id AND t.status <> 'CANCELLED') AS contact_attempts,
        (SELECT decision FROM risk_checks WHERE case_id = c.id ORDER BY created_at DESC LIMIT 1) AS latest_risk_decision,
        EXISTS (SELECT 1 FROM consents WHERE case_id = c.id AND subject = 'FAMILY_MEMBER' AND scope = 'INTERVIEW' AND withdrawn_at IS NULL) AS family_consent_interview,
        EXISTS (SELECT 1 FROM consents WHERE case_id = c.id AND subject = 'FAMILY_MEMBER' AND scope = 'SHARE_REPORT' AND withdrawn_at IS NULL) AS family_consent_sharing,
        EXISTS (SELECT 1 FROM family_assessments WHERE case_id = c.id) AS assessment_recorded,
        rep.kind AS report_kind, rep.status AS report_status, rep.sections_original AS report_sections_original,
        rep.sections_it AS report_sections_it, rep.qa_result AS report_qa_result, rep.disclosed AS report_disclosed,
        EXISTS (SELECT 1 FROM durable_solutions WHERE case_id = c.id) AS durable_solution_recorded,
        EXISTS (SELECT 1 FROM consents WHERE case_id = c.id AND subject IN ('MINOR','GUARDIAN') AND withdrawn_at IS NOT NULL) AS consent_withdrawn,
        (m.date_of_birth IS NOT NULL AND m.date_of_birth + interval '18 years' <= $2::date) AS eighteenth_reached,
        CASE WHEN m.prosieguo_until > $2::date THEN to_char(m.prosieguo_until, 'YYYY-MM-DD') END AS prosieguo_until
      FROM cases c JOIN minors m ON m.id = c.minor_id
      LEFT JOIN LATERAL (SELECT decision, approved_by FROM risk_checks WHERE case_id = c.id AND stage = 'PRE_TRACING' ORDER BY created_at DESC LIMIT 1) pre ON true
      LEFT JOIN LATERAL (
        SELECT r.kind, v.status, v.sections_original, v.sections_it, v.qa_result,
          EXISTS (SELECT 1 FROM report_disclosures d WHERE d.report_version_id = v.id) AS disclosed
        FROM reports r JOIN report_versions v ON v.report_id = r.id
        WHERE r.case_id = c.id AND r.kind = ANY($3::text[])
        ORDER BY v.created_at DESC, v.version_no DESC LIMIT 1
      ) rep ON true
      WHERE c.id = $1`,
      [caseId, today.toISOString().slice(0, 10), TRACING_REPORT_KINDS],
    );
    const row = rows[0];
    if (!row) throw new Error(`facts: case ${caseId} not found`);
    return {
      minorConsentTracing: row.minor_consent_tracing,
      latestPreTracingRisk: row.latest_pre_tracing_risk,
      preTracingRiskApproved: row.pre_tracing_risk_approved === true,
      tracingRequestSent: row.tracing_request_sent,
      tracingOutcome: row.tracing_outcome,
      contactAttempts: Number(row.contact_attempts),
      latestRiskDecision: row.latest_risk_decision,
      familyConsentInterview: row.family_consent_interview,
      familyConsentSharing: row.family_consent_sharing,
      assessmentRecorded: row.assessment_recorded,
      reportKind: row.report_kind,
      reportStatus: row.report_status,
      reportDraftReady: row.report_kind !== null && isReportDraftComplete(row.report_kind, row.report_sections_original ?? {}, row.report_sections_it ?? {}),
      reportQaPassed: row.report_qa_result === 'PASS' && ['QA_PASSED', 'APPROVED', 'RELEASED'].includes(row.report_status ?? ''),
      reportReleased: row.report_status === 'RELEASED' && row.report_disclosed === true,
      durableSolutionRecorded: row.durable_solution_recorded,
      consentWithdrawn: row.consent_withdrawn,
      eighteenthBirthdayReached: row.eighteenth_reached,
      prosieguoUntil: row.prosieguo_until,
    };
  }
}
