import { RSS_INDICATOR_KEYS, sustainabilityIndex, type MonitoringVisit, type SustainabilityScores } from '@app/contracts';
import type { Executor } from '../../database/db';
import { iso } from './shared';

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
