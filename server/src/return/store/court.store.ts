import type { CourtDecision, CourtFile, CourtHearing, CourtProceeding } from '@app/contracts';
import type { Executor } from '../../database/db';
import { iso } from './shared';

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
