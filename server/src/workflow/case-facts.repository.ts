import { Injectable } from '@nestjs/common';
import { MIN_MONITORING_MONTHS, TRACING_REPORT_KINDS, addMonths, isReportDraftComplete, romeDay, type ReportSections } from '@app/contracts';
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
  durable_solution_type: CaseFacts['durableSolutionType'];
  avr_minor_request: boolean;
  avr_guardian_consent: boolean;
  family_assessment_released: boolean;
  counselling_sessions: string;
  plan_recorded: boolean;
  plan_objectives: string | null;
  plan_items: string | null;
  plan_items_open: string | null;
  plan_approved: boolean;
  proceeding_filed: boolean;
  court_file_family_assessment: boolean | null;
  court_file_social_services_report: boolean | null;
  court_file_reintegration_proposal: boolean | null;
  minor_heard: boolean | null;
  guardian_heard: boolean | null;
  court_decision: CaseFacts['courtDecision'];
  decree_attached: boolean | null;
  pre_return_risk: CaseFacts['preReturnRisk'];
  pre_return_risk_approved: boolean | null;
  consular_risk: CaseFacts['consularRisk'];
  consular_risk_approved: boolean | null;
  travel_plan_recorded: boolean;
  caregiver_accepted: boolean | null;
  airport_collection: boolean | null;
  travel_document_ready: boolean | null;
  consular_contact: boolean | null;
  fit_to_travel: boolean | null;
  escort_required: boolean | null;
  escort_named: boolean | null;
  escort_waived: boolean | null;
  receiving_mission: boolean | null;
  planned_departure: string | null;
  eighteenth_birthday: string | null;
  handover_protocol_signed: boolean | null;
  arrival_confirmed: boolean;
  monitoring_scheduled: string;
  monitoring_pending: string;
  monitoring_done: string;
  handover_day: string | null;
  last_visit_on: string | null;
  final_scores_recorded: boolean | null;
  open_escalations: string;
}

// Part 2 (issue 4), in the same round trip: the return request, counselling, the reintegration
// plan, the latest art. 8 proceeding with its hearings and decision, the return risk checks, the
// travel plan, the hand-over and the monitoring visits.
const PART_2_COLUMNS = `,
        (SELECT solution FROM durable_solutions WHERE case_id = c.id ORDER BY created_at DESC, id DESC LIMIT 1) AS durable_solution_type,
        EXISTS (SELECT 1 FROM consents WHERE case_id = c.id AND subject = 'MINOR' AND scope = 'AVR_REQUEST' AND withdrawn_at IS NULL) AS avr_minor_request,
        EXISTS (SELECT 1 FROM consents WHERE case_id = c.id AND subject = 'GUARDIAN' AND scope = 'AVR_REQUEST' AND withdrawn_at IS NULL) AS avr_guardian_consent,
        EXISTS (SELECT 1 FROM reports r JOIN report_versions v ON v.report_id = r.id
                 WHERE r.case_id = c.id AND r.kind = 'FAMILY_ASSESSMENT' AND v.status = 'RELEASED'
                   AND EXISTS (SELECT 1 FROM report_disclosures d WHERE d.report_version_id = v.id)) AS family_assessment_released,
        (SELECT count(*) FROM counselling_sessions WHERE case_id = c.id) AS counselling_sessions,
        plan.id IS NOT NULL AS plan_recorded,
        (SELECT count(*) FROM reintegration_objectives WHERE plan_id = plan.id) AS plan_objectives,
        (SELECT count(*) FROM reintegration_assistance_items WHERE plan_id = plan.id) AS plan_items,
        (SELECT count(*) FROM reintegration_assistance_items WHERE plan_id = plan.id AND status IN ('PLANNED','IN_PROGRESS')) AS plan_items_open,
        EXISTS (SELECT 1 FROM reports r JOIN report_versions v ON v.report_id = r.id
                 WHERE r.case_id = c.id AND r.kind = 'REINTEGRATION_PLAN' AND v.status IN ('APPROVED','RELEASED')) AS plan_approved,
        pr.id IS NOT NULL AS proceeding_filed,
        (pr.family_assessment_report_id IS NOT NULL AND EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = pr.family_assessment_report_id AND v.status = 'RELEASED')) AS court_file_family_assessment,
        (pr.social_services_document_id IS NOT NULL) AS court_file_social_services_report,
        (pr.reintegration_proposal AND plan.id IS NOT NULL) AS court_file_reintegration_proposal,
        EXISTS (SELECT 1 FROM court_hearings h WHERE h.proceeding_id = pr.id AND h.minor_heard) AS minor_heard,
        EXISTS (SELECT 1 FROM court_hearings h WHERE h.proceeding_id = pr.id AND h.guardian_heard) AS guardian_heard,
        dec.outcome AS court_decision,
        (dec.decree_document_id IS NOT NULL AND EXISTS (SELECT 1 FROM documents d WHERE d.id = dec.decree_document_id AND d.type = 'COURT_DECREE' AND d.case_id = c.id)) AS decree_attached,
        ret.decision AS pre_return_risk, ret.approved_by IS NOT NULL AS pre_return_risk_approved,
        con.decision AS consular_risk, con.approved_by IS NOT NULL AS consular_risk_approved,
        tp.id IS NOT NULL AS travel_plan_recorded,
        EXISTS (SELECT 1 FROM consents WHERE case_id = c.id AND subject = 'FAMILY_MEMBER' AND scope = 'RETURN_ACCEPTANCE' AND withdrawn_at IS NULL
                   AND family_member_id = tp.receiving_caregiver_id) AS caregiver_accepted,
        tp.airport_collection, tp.travel_document_ready, tp.consular_contact, tp.fit_to_travel, tp.escort_required,
        (tp.escort_name IS NOT NULL AND tp.escort_role IS NOT NULL) AS escort_named,
        (tp.escort_waived_by IS NOT NULL) AS escort_waived,
        (tp.receiving_mission_id IS NOT NULL) AS receiving_mission,
        to_char(tp.planned_departure AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS planned_departure,
        to_char(m.date_of_birth + interval '18 years', 'YYYY-MM-DD') AS eighteenth_birthday,
        EXISTS (SELECT 1 FROM documents d WHERE d.id = ho.protocol_document_id AND d.type = 'HANDOVER_PROTOCOL' AND d.case_id = c.id) AS handover_protocol_signed,
        ho.id IS NOT NULL AS arrival_confirmed,
        (SELECT count(*) FROM monitoring_visits WHERE case_id = c.id) AS monitoring_scheduled,
        (SELECT count(*) FROM monitoring_visits WHERE case_id = c.id AND status = 'PLANNED') AS monitoring_pending,
        (SELECT count(*) FROM monitoring_visits WHERE case_id = c.id AND status = 'DONE') AS monitoring_done,
        to_char(ho.arrived_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS handover_day,
        (SELECT to_char(max(visited_on), 'YYYY-MM-DD') FROM monitoring_visits WHERE case_id = c.id AND status = 'DONE') AS last_visit_on,
        (SELECT sustainability_scores IS NOT NULL FROM monitoring_visits WHERE case_id = c.id AND status = 'DONE' ORDER BY visited_on DESC, seq DESC LIMIT 1) AS final_scores_recorded,
        (SELECT count(*) FROM monitoring_visits WHERE case_id = c.id AND escalated_at IS NOT NULL AND resolved_at IS NULL) AS open_escalations`;

const PART_2_JOINS = `
      LEFT JOIN reintegration_plans plan ON plan.case_id = c.id
      LEFT JOIN LATERAL (SELECT * FROM court_proceedings WHERE case_id = c.id AND kind = 'AVR_ART8' ORDER BY created_at DESC, id DESC LIMIT 1) pr ON true
      LEFT JOIN LATERAL (SELECT outcome, decree_document_id FROM court_decisions WHERE proceeding_id = pr.id ORDER BY created_at DESC, id DESC LIMIT 1) dec ON true
      LEFT JOIN LATERAL (SELECT decision, approved_by FROM risk_checks WHERE case_id = c.id AND stage = 'PRE_RETURN' ORDER BY created_at DESC, id DESC LIMIT 1) ret ON true
      LEFT JOIN LATERAL (SELECT decision, approved_by FROM risk_checks WHERE case_id = c.id AND stage = 'PRE_CONTACT_CONSULATE' ORDER BY created_at DESC, id DESC LIMIT 1) con ON true
      LEFT JOIN avr_travel_plans tp ON tp.case_id = c.id
      LEFT JOIN avr_handovers ho ON ho.case_id = c.id`;

// Everything the guards read, in one round trip, from inside the caller's transaction.
@Injectable()
export class CaseFactsRepository {
  // `now`: the app's clock; the rules read its calendar day in Italy.
  async load(executor: Executor, caseId: string, now: Date): Promise<CaseFacts> {
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
        CASE WHEN m.prosieguo_until > $2::date THEN to_char(m.prosieguo_until, 'YYYY-MM-DD') END AS prosieguo_until${PART_2_COLUMNS}
      FROM cases c JOIN minors m ON m.id = c.minor_id
      LEFT JOIN LATERAL (SELECT decision, approved_by FROM risk_checks WHERE case_id = c.id AND stage = 'PRE_TRACING' ORDER BY created_at DESC LIMIT 1) pre ON true
      LEFT JOIN LATERAL (
        SELECT r.kind, v.status, v.sections_original, v.sections_it, v.qa_result,
          EXISTS (SELECT 1 FROM report_disclosures d WHERE d.report_version_id = v.id) AS disclosed
        FROM reports r JOIN report_versions v ON v.report_id = r.id
        WHERE r.case_id = c.id AND r.kind = ANY($3::text[])
        ORDER BY v.created_at DESC, v.version_no DESC LIMIT 1
      ) rep ON true${PART_2_JOINS}
      WHERE c.id = $1`,
      [caseId, romeDay(now), TRACING_REPORT_KINDS],
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
      durableSolutionType: row.durable_solution_type,
      avrMinorRequest: row.avr_minor_request,
      avrGuardianConsent: row.avr_guardian_consent,
      familyAssessmentReleased: row.family_assessment_released,
      counsellingSessions: Number(row.counselling_sessions),
      planRecorded: row.plan_recorded,
      planObjectives: Number(row.plan_objectives ?? 0),
      planItems: Number(row.plan_items ?? 0),
      planItemsOpen: Number(row.plan_items_open ?? 0),
      planApproved: row.plan_approved,
      proceedingFiled: row.proceeding_filed,
      courtFileFamilyAssessment: row.court_file_family_assessment === true,
      courtFileSocialServicesReport: row.court_file_social_services_report === true,
      courtFileReintegrationProposal: row.court_file_reintegration_proposal === true,
      minorHeard: row.minor_heard === true,
      guardianHeard: row.guardian_heard === true,
      courtDecision: row.court_decision,
      decreeAttached: row.decree_attached === true,
      preReturnRisk: row.pre_return_risk,
      preReturnRiskApproved: row.pre_return_risk_approved === true,
      consularRisk: row.consular_risk,
      consularRiskApproved: row.consular_risk_approved === true,
      travelPlanRecorded: row.travel_plan_recorded,
      caregiverAccepted: row.caregiver_accepted === true,
      airportCollection: row.airport_collection === true,
      travelDocumentReady: row.travel_document_ready === true,
      consularContact: row.consular_contact === true,
      fitToTravel: row.fit_to_travel === true,
      escortRequired: row.escort_required !== false,
      escortNamed: row.escort_named === true,
      escortWaived: row.escort_waived === true,
      receivingMission: row.receiving_mission === true,
      plannedDeparture: row.planned_departure,
      eighteenthBirthday: row.eighteenth_birthday,
      handoverProtocolSigned: row.handover_protocol_signed === true,
      arrivalConfirmed: row.arrival_confirmed,
      monitoringScheduled: Number(row.monitoring_scheduled),
      monitoringPending: Number(row.monitoring_pending),
      monitoringDone: Number(row.monitoring_done),
      // Counted in calendar months by the same function that schedules the visits (and the demo
      // seed): 31 Aug + 6 months = 28/29 Feb.
      monitoringSpanMet: row.handover_day !== null && row.last_visit_on !== null && row.last_visit_on >= addMonths(row.handover_day, MIN_MONITORING_MONTHS),
      finalScoresRecorded: row.final_scores_recorded === true,
      openEscalations: Number(row.open_escalations),
    };
  }
}
