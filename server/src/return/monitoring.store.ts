import { Injectable } from '@nestjs/common';
import { romeDay, type AssistanceStatus, type MonitoringVisit, type RecordMonitoringVisitInput } from '@app/contracts';
import type { Executor } from '../database/db';
import { lockPlan, lockVisit, touchPlan } from './return-locks';
import { VISIT_SELECT, loadHandover, toVisit, type VisitRow } from './return.store';

// What a visit's findings write: the visit, and each line of assistance it reports.
export interface VisitFindings {
  visitedOn: string;
  mode: RecordMonitoringVisitInput['mode'];
  officer: string;
  childSeenAlone: boolean;
  wellbeing: string;
  protectionConcerns: string | null;
  sustainabilityScores: RecordMonitoringVisitInput['sustainabilityScores'] | null;
  notes: string | null;
  delivered: { itemId: string; status: AssistanceStatus; deliveredOn: string | null; note: string | null }[];
}

// The SQL of post-return monitoring (issue 17: services hold the rules, stores the statements).
// MonitoringService depends on this abstract class, so its rules run against an in-memory store in
// monitoring.service.spec.ts and against PostgreSQL everywhere else.
export abstract class MonitoringStore {
  // A visit of the case, locked for the transaction (404 for another case's visit).
  abstract lockVisit(tx: Executor, caseId: string, visitId: string): Promise<VisitRow>;
  abstract visit(tx: Executor, visitId: string): Promise<MonitoringVisit>;
  // The hand-over's calendar day in Italy, if the hand-over is recorded.
  abstract handoverDay(tx: Executor, caseId: string): Promise<string | null>;
  // The plan's id and its items' ids, locked (409 naming the missing plan when there is none).
  abstract lockPlanItems(tx: Executor, caseId: string): Promise<{ planId: string; itemIds: string[] }>;
  abstract addExtraVisit(tx: Executor, caseId: string, plannedOn: string, reason: string, now: Date): Promise<string>;
  // The visit's findings, the items' new status, and a new version of the plan when items moved.
  abstract recordFindings(tx: Executor, visitId: string, planId: string | null, findings: VisitFindings, userId: string, now: Date): Promise<void>;
  abstract cancelVisit(tx: Executor, visitId: string, reason: string, now: Date): Promise<void>;
  abstract escalate(tx: Executor, visitId: string, userId: string, referredTo: string, note: string, now: Date): Promise<void>;
  abstract resolve(tx: Executor, visitId: string, userId: string, resolution: string, now: Date): Promise<void>;
}

@Injectable()
export class PgMonitoringStore extends MonitoringStore {
  lockVisit(tx: Executor, caseId: string, visitId: string): Promise<VisitRow> {
    return lockVisit(tx, caseId, visitId);
  }

  async visit(tx: Executor, visitId: string): Promise<MonitoringVisit> {
    return toVisit((await tx.query<VisitRow[]>(`${VISIT_SELECT} WHERE id = $1`, [visitId]))[0]!);
  }

  async handoverDay(tx: Executor, caseId: string): Promise<string | null> {
    const handover = await loadHandover(tx, caseId);
    return handover ? romeDay(handover.arrived_at) : null;
  }

  async lockPlanItems(tx: Executor, caseId: string): Promise<{ planId: string; itemIds: string[] }> {
    const bundle = await lockPlan(tx, caseId);
    return { planId: bundle.plan.id, itemIds: bundle.items.map((item) => item.id) };
  }

  async addExtraVisit(tx: Executor, caseId: string, plannedOn: string, reason: string, now: Date): Promise<string> {
    const inserted = await tx.query<{ id: string }[]>(
      `INSERT INTO monitoring_visits (case_id, seq, planned_on, extra_reason, created_at, updated_at)
       VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM monitoring_visits WHERE case_id = $1), $2, $3, $4, $4) RETURNING id`,
      [caseId, plannedOn, reason, now],
    );
    return inserted[0]!.id;
  }

  async recordFindings(tx: Executor, visitId: string, planId: string | null, f: VisitFindings, userId: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE monitoring_visits SET status = 'DONE', visited_on = $2, mode = $3, officer = $4, child_seen_alone = $5, wellbeing = $6, protection_concerns = $7,
          assistance_delivered = $8, sustainability_scores = $9, notes = $10, recorded_by = $11, updated_at = $12
        WHERE id = $1`,
      [visitId, f.visitedOn, f.mode, f.officer, f.childSeenAlone, f.wellbeing, f.protectionConcerns, JSON.stringify(f.delivered),
        f.sustainabilityScores ? JSON.stringify(f.sustainabilityScores) : null, f.notes, userId, now],
    );
    for (const a of f.delivered) {
      await tx.query(
        `UPDATE reintegration_assistance_items SET status = $2, delivered_on = $3, note = coalesce($4, note), updated_by = $5, updated_at = $6 WHERE id = $1`,
        [a.itemId, a.status, a.status === 'DELIVERED' ? a.deliveredOn : null, a.note, userId, now],
      );
    }
    if (planId && f.delivered.length) await touchPlan(tx, planId, { id: userId }, now);
  }

  async cancelVisit(tx: Executor, visitId: string, reason: string, now: Date): Promise<void> {
    await tx.query(`UPDATE monitoring_visits SET status = 'CANCELLED', cancel_reason = $2, updated_at = $3 WHERE id = $1`, [visitId, reason, now]);
  }

  async escalate(tx: Executor, visitId: string, userId: string, referredTo: string, note: string, now: Date): Promise<void> {
    await tx.query(`UPDATE monitoring_visits SET escalated_at = $2, escalated_by = $3, escalated_to = $4, escalation_note = $5, updated_at = $2 WHERE id = $1`, [
      visitId, now, userId, referredTo, note,
    ]);
  }

  async resolve(tx: Executor, visitId: string, userId: string, resolution: string, now: Date): Promise<void> {
    await tx.query(`UPDATE monitoring_visits SET resolved_at = $2, resolved_by = $3, resolution = $4, updated_at = $2 WHERE id = $1`, [visitId, now, userId, resolution]);
  }
}
