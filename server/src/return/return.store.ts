import {
  RSS_INDICATOR_KEYS,
  sustainabilityIndex,
  type AssistanceItem,
  type CounsellingSession,
  type CourtDecision,
  type CourtFile,
  type CourtHearing,
  type CourtProceeding,
  type DurableSolution,
  type Handover,
  type MonitoringVisit,
  type ReintegrationPlan,
  type ReturnReportRef,
  type SustainabilityScores,
  type TravelPlan,
} from '@app/contracts';
import type { Executor } from '../database/db';

// Reads of the part-2 records and their mapping to the contracts. Dates (date columns) are read as
// YYYY-MM-DD text: the driver would turn them into local midnights.

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export interface CounsellingRow {
  id: string;
  held_on: string;
  counsellor: string;
  language: string;
  mediator_present: boolean;
  mediator_name: string | null;
  minor_words: string;
  topics: string[];
  notes: string | null;
  created_at: Date;
}
export const COUNSELLING_SELECT = `SELECT id, to_char(held_on, 'YYYY-MM-DD') AS held_on, counsellor, language, mediator_present, mediator_name,
  minor_words, topics, notes, created_at FROM counselling_sessions`;
export const toCounselling = (r: CounsellingRow): CounsellingSession => ({
  id: r.id,
  heldOn: r.held_on,
  counsellor: r.counsellor,
  language: r.language,
  mediatorPresent: r.mediator_present,
  mediatorName: r.mediator_name,
  minorWords: r.minor_words,
  topics: r.topics,
  notes: r.notes,
  recordedAt: r.created_at.toISOString(),
});

// ---------------------------------------------------------------------------------------------
// Reintegration plan

export interface PlanRow {
  id: string;
  case_id: string;
  version: number;
  drafted_pre_departure: boolean;
  assessments_done: Partial<ReintegrationPlan['assessmentsDone']>;
  needs_and_skills: string;
  family_situation: string;
  minor_views: string;
  minor_views_language: string;
  mediator_name: string | null;
  updated_at: Date;
}
export interface ObjectiveRow {
  id: string;
  dimension: ReintegrationPlan['objectives'][number]['dimension'];
  level: ReintegrationPlan['objectives'][number]['level'];
  description: string;
}
export interface ItemRow {
  id: string;
  plan_id: string;
  objective_id: string | null;
  dimension: AssistanceItem['dimension'];
  level: AssistanceItem['level'];
  type: AssistanceItem['type'];
  description: string;
  provider: string;
  budget_eur: string;
  in_kind: boolean;
  planned_on: string | null;
  status: AssistanceItem['status'];
  delivered_on: string | null;
  note: string | null;
}
export const ITEM_SELECT = `SELECT id, plan_id, objective_id, dimension, level, type, description, provider, budget_eur::text AS budget_eur, in_kind,
  to_char(planned_on, 'YYYY-MM-DD') AS planned_on, status, to_char(delivered_on, 'YYYY-MM-DD') AS delivered_on, note
  FROM reintegration_assistance_items`;
export const toItem = (r: ItemRow): AssistanceItem => ({
  id: r.id,
  objectiveId: r.objective_id,
  dimension: r.dimension,
  level: r.level,
  type: r.type,
  description: r.description,
  provider: r.provider,
  budgetEur: Number(r.budget_eur),
  inKind: r.in_kind,
  plannedOn: r.planned_on,
  status: r.status,
  deliveredOn: r.delivered_on,
  note: r.note,
});

export interface PlanBundle {
  plan: PlanRow;
  objectives: ObjectiveRow[];
  items: ItemRow[];
  approvedVersionNo: number | null;
}

export async function loadPlan(executor: Executor, caseId: string, options: { lock?: boolean } = {}): Promise<PlanBundle | null> {
  const plan = (await executor.query<PlanRow[]>(`SELECT * FROM reintegration_plans WHERE case_id = $1${options.lock ? ' FOR UPDATE' : ''}`, [caseId]))[0];
  if (!plan) return null;
  const [objectives, items, approved] = await Promise.all([
    executor.query<ObjectiveRow[]>(`SELECT id, dimension, level, description FROM reintegration_objectives WHERE plan_id = $1 ORDER BY created_at, id`, [plan.id]),
    executor.query<ItemRow[]>(`${ITEM_SELECT} WHERE plan_id = $1 ORDER BY created_at, id`, [plan.id]),
    executor.query<{ version_no: number }[]>(
      `SELECT max(v.version_no) AS version_no FROM reports r JOIN report_versions v ON v.report_id = r.id
        WHERE r.case_id = $1 AND r.kind = 'REINTEGRATION_PLAN' AND v.status IN ('APPROVED','RELEASED')`,
      [caseId],
    ),
  ]);
  return { plan, objectives, items, approvedVersionNo: approved[0]?.version_no ?? null };
}

export const toPlan = (b: PlanBundle): ReintegrationPlan => {
  const a = b.plan.assessments_done;
  const items = b.items.map(toItem);
  return {
    id: b.plan.id,
    version: b.plan.version,
    draftedPreDeparture: b.plan.drafted_pre_departure,
    assessmentsDone: { vulnerability: a.vulnerability === true, risk: a.risk === true, family: a.family === true, skills: a.skills === true, rssBaseline: a.rssBaseline === true },
    needsAndSkills: b.plan.needs_and_skills,
    familySituation: b.plan.family_situation,
    minorViews: b.plan.minor_views,
    minorViewsLanguage: b.plan.minor_views_language,
    mediatorName: b.plan.mediator_name,
    objectives: b.objectives.map((o) => ({ id: o.id, dimension: o.dimension, level: o.level, description: o.description })),
    assistanceItems: items,
    totalBudgetEur: Math.round(items.filter((i) => i.status !== 'CANCELLED').reduce((sum, i) => sum + i.budgetEur * 100, 0)) / 100,
    approved: b.approvedVersionNo !== null,
    approvedVersionNo: b.approvedVersionNo,
    updatedAt: b.plan.updated_at.toISOString(),
  };
};

// ---------------------------------------------------------------------------------------------
// Court

export interface ProceedingRow {
  id: string;
  case_id: string;
  kind: CourtProceeding['kind'];
  court_organisation_id: string;
  court_name: string;
  docket_number: string;
  filed_by: CourtProceeding['filedBy'];
  filed_by_name: string | null;
  filed_on: string | null;
  family_assessment_report_id: string | null;
  social_services_document_id: string | null;
  reintegration_proposal: boolean;
  other_document_ids: string[];
  created_at: Date;
}
export const PROCEEDING_SELECT = `SELECT p.id, p.case_id, p.kind, p.court_organisation_id, o.name AS court_name, p.docket_number, p.filed_by, p.filed_by_name,
  to_char(p.filed_on, 'YYYY-MM-DD') AS filed_on, p.family_assessment_report_id, p.social_services_document_id, p.reintegration_proposal,
  p.other_document_ids, p.created_at
  FROM court_proceedings p JOIN organisations o ON o.id = p.court_organisation_id`;

export interface HearingRow {
  id: string;
  proceeding_id: string;
  case_id: string;
  scheduled_at: Date;
  note: string | null;
  held_at: Date | null;
  minor_heard: boolean | null;
  guardian_heard: boolean | null;
  interpreter_name: string | null;
  interpreter_language: string | null;
  notes: string | null;
}
export const toHearing = (r: HearingRow): CourtHearing => ({
  id: r.id,
  scheduledAt: r.scheduled_at.toISOString(),
  note: r.note,
  heldAt: iso(r.held_at),
  minorHeard: r.minor_heard,
  guardianHeard: r.guardian_heard,
  interpreterName: r.interpreter_name,
  interpreterLanguage: r.interpreter_language,
  notes: r.notes,
});

export interface DecisionRow {
  id: string;
  proceeding_id: string;
  case_id: string;
  outcome: CourtDecision['outcome'];
  decided_on: string;
  reasons_summary: string | null;
  decree_document_id: string | null;
  appeal_deadline: string | null;
  prosieguo_until: string | null;
  created_at: Date;
}
export const DECISION_SELECT = `SELECT id, proceeding_id, case_id, outcome, to_char(decided_on, 'YYYY-MM-DD') AS decided_on, reasons_summary, decree_document_id,
  to_char(appeal_deadline, 'YYYY-MM-DD') AS appeal_deadline, to_char(prosieguo_until, 'YYYY-MM-DD') AS prosieguo_until, created_at FROM court_decisions`;
export const toDecision = (r: DecisionRow): CourtDecision => ({
  id: r.id,
  outcome: r.outcome,
  decidedOn: r.decided_on,
  reasonsSummary: r.reasons_summary,
  decreeDocumentId: r.decree_document_id,
  appealDeadline: r.appeal_deadline,
  prosieguoUntil: r.prosieguo_until,
  recordedAt: r.created_at.toISOString(),
});

// The case's proceedings with hearings and latest decision; `courtId` narrows to one court's.
export async function loadCourtFile(executor: Executor, caseId: string, courtId: string | null): Promise<CourtFile> {
  const params: unknown[] = [caseId];
  if (courtId) params.push(courtId);
  const proceedings = await executor.query<ProceedingRow[]>(
    `${PROCEEDING_SELECT} WHERE p.case_id = $1${courtId ? ' AND p.court_organisation_id = $2' : ''} ORDER BY p.created_at, p.id`,
    params,
  );
  const ids = proceedings.map((p) => p.id);
  const [hearings, decisions, minor] = await Promise.all([
    executor.query<HearingRow[]>(`SELECT * FROM court_hearings WHERE proceeding_id = ANY($1::uuid[]) ORDER BY scheduled_at, id`, [ids]),
    executor.query<DecisionRow[]>(`${DECISION_SELECT} WHERE proceeding_id = ANY($1::uuid[]) ORDER BY created_at, id`, [ids]),
    executor.query<{ prosieguo_until: string | null }[]>(
      `SELECT to_char(m.prosieguo_until, 'YYYY-MM-DD') AS prosieguo_until FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.id = $1`,
      [caseId],
    ),
  ]);
  return {
    proceedings: proceedings.map((p): CourtProceeding => {
      const own = decisions.filter((d) => d.proceeding_id === p.id);
      return {
        id: p.id,
        kind: p.kind,
        court: { id: p.court_organisation_id, name: p.court_name },
        docketNumber: p.docket_number,
        filedBy: p.filed_by,
        filedByName: p.filed_by_name,
        filedOn: p.filed_on,
        documentsBeforeCourt: {
          familyAssessmentReportId: p.family_assessment_report_id,
          socialServicesReportDocumentId: p.social_services_document_id,
          reintegrationProposal: p.reintegration_proposal,
          otherDocumentIds: p.other_document_ids,
        },
        hearings: hearings.filter((h) => h.proceeding_id === p.id).map(toHearing),
        decision: own.length ? toDecision(own[own.length - 1]!) : null,
        createdAt: p.created_at.toISOString(),
      };
    }),
    prosieguoUntil: minor[0]?.prosieguo_until ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Travel plan, hand-over

export interface TravelPlanRow {
  id: string;
  case_id: string;
  version: number;
  receiving_caregiver_id: string;
  caregiver_name: string;
  caregiver_relationship: string;
  airport_collection: boolean;
  acceptance_consent_id: string | null;
  receiving_mission_id: string;
  mission_name: string;
  travel_document_type: TravelPlan['travelDocumentType'];
  travel_document_ready: boolean;
  travel_document_id: string | null;
  consular_contact: boolean;
  fit_to_travel: boolean;
  fitness_assessed_on: string | null;
  fitness_assessed_by: string | null;
  escort_required: boolean;
  escort_name: string | null;
  escort_role: string | null;
  escort_waived_by: string | null;
  escort_waived_by_name: string | null;
  escort_waived_at: Date | null;
  escort_waiver_reason: string | null;
  itinerary: string;
  planned_departure: Date;
  planned_departure_day: string;
  eighteenth_birthday: string | null;
  prosieguo_until: string | null;
  updated_at: Date;
}
export const TRAVEL_PLAN_SELECT = `SELECT tp.*, fm.first_name || ' ' || fm.last_name AS caregiver_name, fm.relationship AS caregiver_relationship,
  (SELECT id FROM consents WHERE case_id = tp.case_id AND subject = 'FAMILY_MEMBER' AND scope = 'RETURN_ACCEPTANCE' AND withdrawn_at IS NULL
     AND family_member_id = tp.receiving_caregiver_id ORDER BY given_at DESC, id DESC LIMIT 1) AS acceptance_consent_id,
  o.name AS mission_name, uw.display_name AS escort_waived_by_name,
  to_char(tp.fitness_assessed_on, 'YYYY-MM-DD') AS fitness_assessed_on,
  to_char(tp.planned_departure AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS planned_departure_day,
  to_char(m.date_of_birth + interval '18 years', 'YYYY-MM-DD') AS eighteenth_birthday,
  to_char(m.prosieguo_until, 'YYYY-MM-DD') AS prosieguo_until
  FROM avr_travel_plans tp JOIN family_members fm ON fm.id = tp.receiving_caregiver_id JOIN organisations o ON o.id = tp.receiving_mission_id
  JOIN cases c ON c.id = tp.case_id JOIN minors m ON m.id = c.minor_id LEFT JOIN users uw ON uw.id = tp.escort_waived_by`;
export const toTravelPlan = (r: TravelPlanRow): TravelPlan => ({
  id: r.id,
  version: r.version,
  receivingCaregiver: { id: r.receiving_caregiver_id, name: r.caregiver_name, relationship: r.caregiver_relationship },
  airportCollection: r.airport_collection,
  caregiverAcceptanceConsentId: r.acceptance_consent_id,
  receivingMission: { id: r.receiving_mission_id, name: r.mission_name },
  travelDocumentType: r.travel_document_type,
  travelDocumentReady: r.travel_document_ready,
  travelDocumentId: r.travel_document_id,
  consularContact: r.consular_contact,
  fitToTravel: r.fit_to_travel,
  fitnessAssessedOn: r.fitness_assessed_on,
  fitnessAssessedBy: r.fitness_assessed_by,
  escortRequired: r.escort_required,
  escortName: r.escort_name,
  escortRole: r.escort_role,
  escortWaiver:
    r.escort_waived_by && r.escort_waived_at
      ? { by: { id: r.escort_waived_by, displayName: r.escort_waived_by_name ?? '' }, at: r.escort_waived_at.toISOString(), reason: r.escort_waiver_reason ?? '' }
      : null,
  itinerary: r.itinerary,
  plannedDeparture: r.planned_departure.toISOString(),
  eighteenthBirthday: r.eighteenth_birthday,
  departureBeforeEighteen:
    r.eighteenth_birthday === null ||
    r.planned_departure_day < r.eighteenth_birthday ||
    (r.prosieguo_until !== null && r.planned_departure_day <= r.prosieguo_until),
  updatedAt: r.updated_at.toISOString(),
});

export async function loadTravelPlan(executor: Executor, caseId: string): Promise<TravelPlanRow | undefined> {
  return (await executor.query<TravelPlanRow[]>(`${TRAVEL_PLAN_SELECT} WHERE tp.case_id = $1`, [caseId]))[0];
}

export interface HandoverRow {
  id: string;
  arrived_at: Date;
  place: string;
  received_by_name: string;
  received_by_kind: Handover['receivedByKind'];
  received_by_family_member_id: string | null;
  protocol_document_id: string;
  signed_by: string[];
  notes: string | null;
  created_at: Date;
}
export const toHandover = (r: HandoverRow): Handover => ({
  id: r.id,
  arrivedAt: r.arrived_at.toISOString(),
  place: r.place,
  receivedByName: r.received_by_name,
  receivedByKind: r.received_by_kind,
  receivedByFamilyMemberId: r.received_by_family_member_id,
  protocolDocumentId: r.protocol_document_id,
  signedBy: r.signed_by,
  notes: r.notes,
  recordedAt: r.created_at.toISOString(),
});
export async function loadHandover(executor: Executor, caseId: string): Promise<HandoverRow | undefined> {
  return (await executor.query<HandoverRow[]>(`SELECT * FROM avr_handovers WHERE case_id = $1`, [caseId]))[0];
}

// ---------------------------------------------------------------------------------------------
// Monitoring

export interface VisitRow {
  id: string;
  case_id: string;
  seq: number;
  planned_on: string;
  month_offset: number | null;
  extra_reason: string | null;
  status: MonitoringVisit['status'];
  visited_on: string | null;
  mode: MonitoringVisit['mode'];
  officer: string | null;
  child_seen_alone: boolean | null;
  wellbeing: string | null;
  protection_concerns: string | null;
  assistance_delivered: MonitoringVisit['assistanceDelivered'];
  sustainability_scores: Record<string, number> | null;
  notes: string | null;
  cancel_reason: string | null;
  escalated_at: Date | null;
  escalated_to: string | null;
  escalation_note: string | null;
  resolved_at: Date | null;
  resolution: string | null;
  report_id: string | null;
}
export const VISIT_SELECT = `SELECT id, case_id, seq, to_char(planned_on, 'YYYY-MM-DD') AS planned_on, month_offset, extra_reason, status,
  to_char(visited_on, 'YYYY-MM-DD') AS visited_on, mode, officer, child_seen_alone, wellbeing, protection_concerns, assistance_delivered,
  sustainability_scores, notes, cancel_reason, escalated_at, escalated_to, escalation_note, resolved_at, resolution, report_id
  FROM monitoring_visits`;

const completeScores = (scores: Record<string, number> | null): SustainabilityScores | null =>
  scores && RSS_INDICATOR_KEYS.every((k) => typeof scores[k] === 'number') ? (scores as SustainabilityScores) : null;

export const toVisit = (r: VisitRow): MonitoringVisit => {
  const scores = completeScores(r.sustainability_scores);
  return {
    id: r.id,
    seq: r.seq,
    plannedOn: r.planned_on,
    monthOffset: r.month_offset,
    extraReason: r.extra_reason,
    status: r.status,
    visitedOn: r.visited_on,
    mode: r.mode,
    officer: r.officer,
    childSeenAlone: r.child_seen_alone,
    wellbeing: r.wellbeing,
    protectionConcerns: r.protection_concerns,
    assistanceDelivered: r.assistance_delivered,
    sustainabilityScores: r.sustainability_scores,
    sustainabilityIndex: scores ? sustainabilityIndex(scores) : null,
    notes: r.notes,
    cancelReason: r.cancel_reason,
    escalation:
      r.escalated_at && r.escalated_to
        ? { referredTo: r.escalated_to, note: r.escalation_note ?? '', escalatedAt: r.escalated_at.toISOString(), resolvedAt: iso(r.resolved_at), resolution: r.resolution }
        : null,
    reportId: r.report_id,
  };
};

export async function loadVisits(executor: Executor, caseId: string): Promise<VisitRow[]> {
  return executor.query<VisitRow[]>(`${VISIT_SELECT} WHERE case_id = $1 ORDER BY seq`, [caseId]);
}

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
