import { Injectable } from '@nestjs/common';
import {
  RETURNED_STATES,
  romeDay,
  type AddMonitoringVisitInput,
  type EscalateConcernInput,
  type MonitoringVisit,
  type RecordMonitoringVisitInput,
  type ResolveConcernInput,
} from '@app/contracts';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Db, type Executor } from '../database/db';
import { lockPlan, lockVisit, touchPlan } from './return-locks';
import { ReturnCaseAccess, fieldError, wrongState, type ReturnCaseRef } from './return-case';
import { VISIT_SELECT, loadHandover, toVisit, type VisitRow } from './return.store';

// Post-return monitoring (domain §3.12; issue 4): extra visits, a visit's findings and the
// assistance delivered since, cancelled visits, and protection concerns escalated to child
// protection in the country of origin and resolved. Staff and the receiving mission
// (field-return.service.ts, through the *In methods) write here.
@Injectable()
export class MonitoringService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: ReturnCaseAccess,
  ) {}

  private today(): string {
    return this.clock.today();
  }

  async addVisit(user: AuthUser, caseId: string, input: AddMonitoringVisitInput, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Adding a monitoring visit', RETURNED_STATES);
      if (input.plannedOn < this.today()) throw fieldError('plannedOn', 'past', 'Plan the visit for today or later');
      const now = this.clock.now();
      const inserted = await tx.query<{ id: string }[]>(
        `INSERT INTO monitoring_visits (case_id, seq, planned_on, extra_reason, created_at, updated_at)
         VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM monitoring_visits WHERE case_id = $1), $2, $3, $4, $4) RETURNING id`,
        [c.id, input.plannedOn, input.reason, now],
      );
      await this.access.record(tx, user, c.id, 'MONITORING_VISIT_ADDED', 'monitoring_visit', inserted[0]!.id, ip, { plannedOn: input.plannedOn });
      return this.visit(tx, inserted[0]!.id);
    });
  }

  private async visit(tx: Executor, visitId: string): Promise<MonitoringVisit> {
    return toVisit((await tx.query<VisitRow[]>(`${VISIT_SELECT} WHERE id = $1`, [visitId]))[0]!);
  }

  // The findings of a planned visit, and the assistance delivered against the plan's items.
  async recordVisitIn(tx: Executor, user: AuthUser, c: ReturnCaseRef, visitId: string, input: RecordMonitoringVisitInput, ip: string): Promise<MonitoringVisit> {
    if (!RETURNED_STATES.includes(c.state)) throw wrongState('Recording a monitoring visit', RETURNED_STATES, c.state);
    const visit = await lockVisit(tx, c.id, visitId);
    if (visit.status !== 'PLANNED') throw new AppError('CONFLICT', `The visit is ${visit.status}: a recorded visit does not change`, { status: visit.status });
    if (input.visitedOn > this.today()) throw fieldError('visitedOn', 'future', 'A visit is recorded once it happened');
    const handover = await loadHandover(tx, c.id);
    if (handover && input.visitedOn < romeDay(handover.arrived_at)) throw fieldError('visitedOn', 'before_handover', 'The visit cannot be before the hand-over');
    const bundle = input.assistanceDelivered.length ? await lockPlan(tx, c.id) : null;
    const fields = input.assistanceDelivered.flatMap((a, i) => {
      const problems: { path: string; code: string; message: string }[] = [];
      if (!bundle?.items.some((item) => item.id === a.itemId)) problems.push({ path: `assistanceDelivered.${i}.itemId`, code: 'not_found', message: 'Not an item of the reintegration plan' });
      if (a.status === 'DELIVERED' && !a.deliveredOn) problems.push({ path: `assistanceDelivered.${i}.deliveredOn`, code: 'required', message: 'Give the delivery date' });
      if (a.status === 'CANCELLED' && (a.note ?? '').length < 3) problems.push({ path: `assistanceDelivered.${i}.note`, code: 'required', message: 'Say why the item is cancelled' });
      if (a.deliveredOn && a.deliveredOn > input.visitedOn) problems.push({ path: `assistanceDelivered.${i}.deliveredOn`, code: 'after_visit', message: 'Delivered after the visit?' });
      return problems;
    });
    if (fields.length) throw new AppError('VALIDATION_FAILED', 'Some assistance lines do not fit the plan', { fields });
    const now = this.clock.now();
    const delivered = input.assistanceDelivered.map((a) => ({ itemId: a.itemId, status: a.status, deliveredOn: a.deliveredOn ?? null, note: a.note ?? null }));
    await tx.query(
      `UPDATE monitoring_visits SET status = 'DONE', visited_on = $2, mode = $3, officer = $4, child_seen_alone = $5, wellbeing = $6, protection_concerns = $7,
          assistance_delivered = $8, sustainability_scores = $9, notes = $10, recorded_by = $11, updated_at = $12
        WHERE id = $1`,
      [visitId, input.visitedOn, input.mode, input.officer, input.childSeenAlone, input.wellbeing, input.protectionConcerns ?? null, JSON.stringify(delivered),
        input.sustainabilityScores ? JSON.stringify(input.sustainabilityScores) : null, input.notes ?? null, user.id, now],
    );
    for (const a of delivered) {
      await tx.query(
        `UPDATE reintegration_assistance_items SET status = $2, delivered_on = $3, note = coalesce($4, note), updated_by = $5, updated_at = $6 WHERE id = $1`,
        [a.itemId, a.status, a.status === 'DELIVERED' ? a.deliveredOn : null, a.note, user.id, now],
      );
    }
    if (bundle && delivered.length) await touchPlan(tx, bundle.plan.id, user, this.clock.now());
    await this.access.record(tx, user, c.id, 'MONITORING_VISIT_RECORDED', 'monitoring_visit', visitId, ip, {
      seq: visit.seq,
      childSeenAlone: input.childSeenAlone,
      protectionConcern: Boolean(input.protectionConcerns),
      scored: Boolean(input.sustainabilityScores),
    });
    return this.visit(tx, visitId);
  }

  async recordVisit(user: AuthUser, caseId: string, visitId: string, input: RecordMonitoringVisitInput, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => this.recordVisitIn(tx, user, await this.access.visible(tx, user, caseId, 'Recording a monitoring visit'), visitId, input, ip));
  }

  async cancelVisit(user: AuthUser, caseId: string, visitId: string, reason: string, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Cancelling a monitoring visit', RETURNED_STATES);
      const visit = await lockVisit(tx, c.id, visitId);
      if (visit.status !== 'PLANNED') throw new AppError('CONFLICT', `The visit is ${visit.status}`, { status: visit.status });
      await tx.query(`UPDATE monitoring_visits SET status = 'CANCELLED', cancel_reason = $2, updated_at = $3 WHERE id = $1`, [visitId, reason, this.clock.now()]);
      await this.access.record(tx, user, c.id, 'MONITORING_VISIT_CANCELLED', 'monitoring_visit', visitId, ip, { seq: visit.seq, reason });
      return this.visit(tx, visitId);
    });
  }

  // A protection concern found at a visit, referred to child protection in the country of origin.
  async escalateIn(tx: Executor, user: AuthUser, c: ReturnCaseRef, visitId: string, input: EscalateConcernInput, ip: string): Promise<MonitoringVisit> {
    if (!RETURNED_STATES.includes(c.state)) throw wrongState('Escalating a concern', RETURNED_STATES, c.state);
    const visit = await lockVisit(tx, c.id, visitId);
    if (visit.status !== 'DONE' || !visit.protection_concerns) throw new AppError('CONFLICT', 'Only a recorded visit with a protection concern can be escalated');
    if (visit.escalated_at) throw new AppError('CONFLICT', 'This concern is already escalated');
    await tx.query(`UPDATE monitoring_visits SET escalated_at = $2, escalated_by = $3, escalated_to = $4, escalation_note = $5, updated_at = $2 WHERE id = $1`, [
      visitId, this.clock.now(), user.id, input.referredTo, input.note,
    ]);
    await this.access.record(tx, user, c.id, 'MONITORING_CONCERN_ESCALATED', 'monitoring_visit', visitId, ip, { seq: visit.seq, referredTo: input.referredTo });
    return this.visit(tx, visitId);
  }

  async escalate(user: AuthUser, caseId: string, visitId: string, input: EscalateConcernInput, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => this.escalateIn(tx, user, await this.access.visible(tx, user, caseId, 'Escalating a concern'), visitId, input, ip));
  }

  async resolveConcern(user: AuthUser, caseId: string, visitId: string, input: ResolveConcernInput, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Resolving a concern', RETURNED_STATES);
      const visit = await lockVisit(tx, c.id, visitId);
      if (!visit.escalated_at || visit.resolved_at) throw new AppError('CONFLICT', 'No open escalated concern on this visit');
      await tx.query(`UPDATE monitoring_visits SET resolved_at = $2, resolved_by = $3, resolution = $4, updated_at = $2 WHERE id = $1`, [visitId, this.clock.now(), user.id, input.resolution]);
      await this.access.record(tx, user, c.id, 'MONITORING_CONCERN_RESOLVED', 'monitoring_visit', visitId, ip, { seq: visit.seq });
      return this.visit(tx, visitId);
    });
  }
}
