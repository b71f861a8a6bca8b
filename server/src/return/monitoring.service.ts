import { Injectable } from '@nestjs/common';
import {
  RETURNED_STATES,
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
import { MonitoringStore } from './monitoring.store';
import { ReturnCaseAccess, fieldError, wrongState, type ReturnCaseRef } from './return-case';

// Post-return monitoring (domain §3.12; issue 4): extra visits, a visit's findings and the
// assistance delivered since, cancelled visits, and protection concerns escalated to child
// protection in the country of origin and resolved. Staff and the receiving mission
// (field-return.service.ts, through the *In methods) write here. The rules are here; the SQL is
// in MonitoringStore (unit-tested against an in-memory store: monitoring.service.spec.ts).
@Injectable()
export class MonitoringService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: ReturnCaseAccess,
    private readonly store: MonitoringStore,
  ) {}

  async addVisit(user: AuthUser, caseId: string, input: AddMonitoringVisitInput, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Adding a monitoring visit', RETURNED_STATES);
      if (input.plannedOn < this.clock.today()) throw fieldError('plannedOn', 'past', 'Plan the visit for today or later');
      const id = await this.store.addExtraVisit(tx, c.id, input.plannedOn, input.reason, this.clock.now());
      await this.access.record(tx, user, c.id, 'MONITORING_VISIT_ADDED', 'monitoring_visit', id, ip, { plannedOn: input.plannedOn });
      return this.store.visit(tx, id);
    });
  }

  // The findings of a planned visit, and the assistance delivered against the plan's items.
  async recordVisitIn(tx: Executor, user: AuthUser, c: ReturnCaseRef, visitId: string, input: RecordMonitoringVisitInput, ip: string): Promise<MonitoringVisit> {
    if (!RETURNED_STATES.includes(c.state)) throw wrongState('Recording a monitoring visit', RETURNED_STATES, c.state);
    const visit = await this.store.lockVisit(tx, c.id, visitId);
    if (visit.status !== 'PLANNED') throw new AppError('CONFLICT', `The visit is ${visit.status}: a recorded visit does not change`, { status: visit.status });
    if (input.visitedOn > this.clock.today()) throw fieldError('visitedOn', 'future', 'A visit is recorded once it happened');
    const handoverDay = await this.store.handoverDay(tx, c.id);
    if (handoverDay && input.visitedOn < handoverDay) throw fieldError('visitedOn', 'before_handover', 'The visit cannot be before the hand-over');
    const plan = input.assistanceDelivered.length ? await this.store.lockPlanItems(tx, c.id) : null;
    const fields = input.assistanceDelivered.flatMap((a, i) => {
      const problems: { path: string; code: string; message: string }[] = [];
      if (!plan?.itemIds.includes(a.itemId)) problems.push({ path: `assistanceDelivered.${i}.itemId`, code: 'not_found', message: 'Not an item of the reintegration plan' });
      if (a.status === 'DELIVERED' && !a.deliveredOn) problems.push({ path: `assistanceDelivered.${i}.deliveredOn`, code: 'required', message: 'Give the delivery date' });
      if (a.status === 'CANCELLED' && (a.note ?? '').length < 3) problems.push({ path: `assistanceDelivered.${i}.note`, code: 'required', message: 'Say why the item is cancelled' });
      if (a.deliveredOn && a.deliveredOn > input.visitedOn) problems.push({ path: `assistanceDelivered.${i}.deliveredOn`, code: 'after_visit', message: 'Delivered after the visit?' });
      return problems;
    });
    if (fields.length) throw new AppError('VALIDATION_FAILED', 'Some assistance lines do not fit the plan', { fields });
    await this.store.recordFindings(tx, visitId, plan?.planId ?? null, {
      visitedOn: input.visitedOn,
      mode: input.mode,
      officer: input.officer,
      childSeenAlone: input.childSeenAlone,
      wellbeing: input.wellbeing,
      protectionConcerns: input.protectionConcerns ?? null,
      sustainabilityScores: input.sustainabilityScores ?? null,
      notes: input.notes ?? null,
      delivered: input.assistanceDelivered.map((a) => ({ itemId: a.itemId, status: a.status, deliveredOn: a.deliveredOn ?? null, note: a.note ?? null })),
    }, user.id, this.clock.now());
    await this.access.record(tx, user, c.id, 'MONITORING_VISIT_RECORDED', 'monitoring_visit', visitId, ip, {
      seq: visit.seq,
      childSeenAlone: input.childSeenAlone,
      protectionConcern: Boolean(input.protectionConcerns),
      scored: Boolean(input.sustainabilityScores),
    });
    return this.store.visit(tx, visitId);
  }

  async recordVisit(user: AuthUser, caseId: string, visitId: string, input: RecordMonitoringVisitInput, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => this.recordVisitIn(tx, user, await this.access.visible(tx, user, caseId, 'Recording a monitoring visit'), visitId, input, ip));
  }

  async cancelVisit(user: AuthUser, caseId: string, visitId: string, reason: string, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Cancelling a monitoring visit', RETURNED_STATES);
      const visit = await this.store.lockVisit(tx, c.id, visitId);
      if (visit.status !== 'PLANNED') throw new AppError('CONFLICT', `The visit is ${visit.status}`, { status: visit.status });
      await this.store.cancelVisit(tx, visitId, reason, this.clock.now());
      await this.access.record(tx, user, c.id, 'MONITORING_VISIT_CANCELLED', 'monitoring_visit', visitId, ip, { seq: visit.seq, reason });
      return this.store.visit(tx, visitId);
    });
  }

  // A protection concern found at a visit, referred to child protection in the country of origin.
  async escalateIn(tx: Executor, user: AuthUser, c: ReturnCaseRef, visitId: string, input: EscalateConcernInput, ip: string): Promise<MonitoringVisit> {
    if (!RETURNED_STATES.includes(c.state)) throw wrongState('Escalating a concern', RETURNED_STATES, c.state);
    const visit = await this.store.lockVisit(tx, c.id, visitId);
    if (visit.status !== 'DONE' || !visit.protection_concerns) throw new AppError('CONFLICT', 'Only a recorded visit with a protection concern can be escalated');
    if (visit.escalated_at) throw new AppError('CONFLICT', 'This concern is already escalated');
    await this.store.escalate(tx, visitId, user.id, input.referredTo, input.note, this.clock.now());
    await this.access.record(tx, user, c.id, 'MONITORING_CONCERN_ESCALATED', 'monitoring_visit', visitId, ip, { seq: visit.seq, referredTo: input.referredTo });
    return this.store.visit(tx, visitId);
  }

  async escalate(user: AuthUser, caseId: string, visitId: string, input: EscalateConcernInput, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => this.escalateIn(tx, user, await this.access.visible(tx, user, caseId, 'Escalating a concern'), visitId, input, ip));
  }

  async resolveConcern(user: AuthUser, caseId: string, visitId: string, input: ResolveConcernInput, ip: string): Promise<MonitoringVisit> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Resolving a concern', RETURNED_STATES);
      const visit = await this.store.lockVisit(tx, c.id, visitId);
      if (!visit.escalated_at || visit.resolved_at) throw new AppError('CONFLICT', 'No open escalated concern on this visit');
      await this.store.resolve(tx, visitId, user.id, input.resolution, this.clock.now());
      await this.access.record(tx, user, c.id, 'MONITORING_CONCERN_RESOLVED', 'monitoring_visit', visitId, ip, { seq: visit.seq });
      return this.store.visit(tx, visitId);
    });
  }
}
