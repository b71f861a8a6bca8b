import { Injectable } from '@nestjs/common';
import {
  DEFAULT_MONITORING_MONTHS,
  TRAVEL_PLAN_STATES,
  addMonths,
  romeDay,
  type CaseState,
  type Handover,
  type PutTravelPlanInput,
  type RecordHandoverInput,
  type TravelPlan,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Db, type Executor } from '../database/db';
import { parseLockVersion } from '../reports/report-actions';
import { CaseTransitionService } from '../workflow/case-transition.service';
import { ReturnCaseAccess, fieldError, stale, wrongState, type ReturnCaseRef } from './return-case';
import { loadHandover, loadTravelPlan, toHandover, toTravelPlan } from './return.store';

// The journey home (domain §3.10, §4 #18–#19): the AVR travel plan, whose every requirement is a
// guard of COURT_APPROVED → AVR_PREPARATION, and the hand-over (arrival, who received the child,
// the signed protocol), which schedules monitoring and moves the case to HANDED_OVER. The
// receiving mission records the hand-over through recordHandoverIn (field-return.service.ts).
@Injectable()
export class TravelService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: ReturnCaseAccess,
    private readonly transitions: CaseTransitionService,
    private readonly audit: AuditService,
  ) {}

  async putTravelPlan(user: AuthUser, caseId: string, input: PutTravelPlanInput, ifMatch: string | undefined, ip: string): Promise<TravelPlan> {
    const expected = parseLockVersion(ifMatch);
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Writing the travel plan', TRAVEL_PLAN_STATES);
      const existing = (
        await tx.query<{ id: string; version: number; escort_required: boolean; escort_waived_by: string | null; escort_waived_at: Date | null; escort_waiver_reason: string | null }[]>(
          `SELECT id, version, escort_required, escort_waived_by, escort_waived_at, escort_waiver_reason FROM avr_travel_plans WHERE case_id = $1 FOR UPDATE`,
          [c.id],
        )
      )[0];
      if (existing && expected !== undefined && expected !== existing.version) throw stale('travel plan', existing.version);

      const fields: { path: string; code: string; message: string }[] = [];
      const caregiver = (await tx.query<{ do_not_contact: boolean }[]>(`SELECT do_not_contact FROM family_members WHERE id = $1 AND case_id = $2`, [input.receivingCaregiverId, c.id]))[0];
      if (!caregiver) fields.push({ path: 'receivingCaregiverId', code: 'not_found', message: 'Not a family member of this case' });
      else if (caregiver.do_not_contact) fields.push({ path: 'receivingCaregiverId', code: 'do_not_contact', message: 'A relative flagged "do not contact" cannot receive the child' });
      const mission = (await tx.query<{ type: string }[]>(`SELECT type FROM organisations WHERE id = $1`, [input.receivingMissionId]))[0];
      if (mission?.type !== 'IOM_MISSION') fields.push({ path: 'receivingMissionId', code: 'not_found', message: 'Not an IOM mission' });
      if (input.travelDocumentId) {
        const doc = await tx.query<unknown[]>(`SELECT 1 FROM documents WHERE id = $1 AND case_id = $2 AND type IN ('TRAVEL_DOC','ID_DOC')`, [input.travelDocumentId, c.id]);
        if (!doc.length) fields.push({ path: 'travelDocumentId', code: 'not_found', message: 'Not a travel or identity document of this case' });
      }
      if (fields.length) throw new AppError('VALIDATION_FAILED', 'The travel plan names records that do not fit', { fields });

      // The escort is on by default; turning it off is a supervisor's reasoned decision, kept until
      // a supervisor (or anyone) turns the escort back on.
      let waiver: { by: string | null; at: Date | null; reason: string | null } = { by: null, at: null, reason: null };
      let waived = false;
      const keepsWaiver = existing && !existing.escort_required && existing.escort_waived_by !== null;
      if (!input.escortRequired) {
        if (keepsWaiver && (user.role !== 'supervisor' || input.escortWaiverReason === existing.escort_waiver_reason)) {
          waiver = { by: existing.escort_waived_by, at: existing.escort_waived_at, reason: existing.escort_waiver_reason };
        } else {
          if (user.role !== 'supervisor') {
            throw new AppError('FORBIDDEN', 'Only a supervisor can let the child travel without an escort', { firedBy: ['supervisor'], fields: [{ path: 'escortRequired', code: 'supervisor_only', message: 'Only a supervisor can turn the escort off' }] });
          }
          waiver = { by: user.id, at: this.clock.now(), reason: input.escortWaiverReason! };
          waived = true;
        }
      }
      const now = this.clock.now();
      const values = [
        input.receivingCaregiverId, input.airportCollection, input.receivingMissionId, input.travelDocumentType, input.travelDocumentReady, input.travelDocumentId ?? null,
        input.consularContact, input.fitToTravel, input.fitnessAssessedOn ?? null, input.fitnessAssessedBy ?? null, input.escortRequired,
        input.escortRequired ? (input.escortName ?? null) : null, input.escortRequired ? (input.escortRole ?? null) : null, waiver.by, waiver.at, waiver.reason,
        input.itinerary, input.plannedDeparture,
      ];
      let planId: string;
      if (existing) {
        planId = existing.id;
        await tx.query(
          `UPDATE avr_travel_plans SET receiving_caregiver_id = $2, airport_collection = $3, receiving_mission_id = $4, travel_document_type = $5, travel_document_ready = $6,
              travel_document_id = $7, consular_contact = $8, fit_to_travel = $9, fitness_assessed_on = $10, fitness_assessed_by = $11, escort_required = $12,
              escort_name = $13, escort_role = $14, escort_waived_by = $15, escort_waived_at = $16, escort_waiver_reason = $17, itinerary = $18, planned_departure = $19,
              version = version + 1, updated_by = $20, updated_at = $21
            WHERE id = $1`,
          [planId, ...values, user.id, now],
        );
      } else {
        planId = (
          await tx.query<{ id: string }[]>(
            `INSERT INTO avr_travel_plans (case_id, receiving_caregiver_id, airport_collection, receiving_mission_id, travel_document_type, travel_document_ready,
                travel_document_id, consular_contact, fit_to_travel, fitness_assessed_on, fitness_assessed_by, escort_required, escort_name, escort_role,
                escort_waived_by, escort_waived_at, escort_waiver_reason, itinerary, planned_departure, created_by, created_at, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $20, $21) RETURNING id`,
            [c.id, ...values, user.id, now],
          )
        )[0]!.id;
      }
      await this.access.record(tx, user, c.id, existing ? 'TRAVEL_PLAN_UPDATED' : 'TRAVEL_PLAN_RECORDED', 'travel_plan', planId, ip, {
        escortRequired: input.escortRequired,
        plannedDeparture: input.plannedDeparture,
      });
      if (waived) {
        await this.audit.append({ actor: user, action: 'ESCORT_WAIVED', entityType: 'travel_plan', entityId: planId, caseId: c.id, detail: { reason: waiver.reason }, ip }, tx);
      }
      return toTravelPlan((await loadTravelPlan(tx, c.id))!);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Hand-over (§4 #19): arrival, who received the child, the signed protocol; schedules monitoring
  // and moves IN_TRANSIT → HANDED_OVER in the same transaction.

  async recordHandoverIn(tx: Executor, user: AuthUser, c: ReturnCaseRef, input: RecordHandoverInput, ip: string): Promise<Handover> {
    if (c.state !== 'IN_TRANSIT') throw wrongState('Recording the hand-over', ['IN_TRANSIT'], c.state);
    if (await loadHandover(tx, c.id)) throw new AppError('CONFLICT', 'The hand-over is already recorded');
    const now = this.clock.now();
    if (new Date(input.arrivedAt).getTime() > now.getTime() + 60_000) throw fieldError('arrivedAt', 'future', 'The arrival is confirmed once it happened');
    const fields: { path: string; code: string; message: string }[] = [];
    const protocol = await tx.query<unknown[]>(`SELECT 1 FROM documents WHERE id = $1 AND case_id = $2 AND type = 'HANDOVER_PROTOCOL'`, [input.protocolDocumentId, c.id]);
    if (!protocol.length) fields.push({ path: 'protocolDocumentId', code: 'not_found', message: 'Not a hand-over protocol (HANDOVER_PROTOCOL) of this case' });
    if (input.receivedByFamilyMemberId) {
      const member = await tx.query<unknown[]>(`SELECT 1 FROM family_members WHERE id = $1 AND case_id = $2`, [input.receivedByFamilyMemberId, c.id]);
      if (!member.length) fields.push({ path: 'receivedByFamilyMemberId', code: 'not_found', message: 'Not a family member of this case' });
    }
    if (fields.length) throw new AppError('VALIDATION_FAILED', 'The hand-over names records that do not fit', { fields });
    const inserted = await tx.query<{ id: string }[]>(
      `INSERT INTO avr_handovers (case_id, arrived_at, place, received_by_name, received_by_kind, received_by_family_member_id, protocol_document_id, signed_by, notes, recorded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [c.id, input.arrivedAt, input.place, input.receivedByName, input.receivedByKind, input.receivedByFamilyMemberId ?? null, input.protocolDocumentId, input.signedBy, input.notes ?? null, user.id, now],
    );
    const months = [...new Set(input.monitoringMonths ?? DEFAULT_MONITORING_MONTHS)].sort((a, b) => a - b);
    // Calendar months from the hand-over's day in Italy, by the function the MONITORING_COMPLETED
    // guard and the demo seed count with (31 Aug + 6 months = 28/29 Feb).
    const handoverDay = romeDay(new Date(input.arrivedAt));
    await tx.query(
      `INSERT INTO monitoring_visits (case_id, seq, planned_on, month_offset, created_at, updated_at)
       SELECT $1, x.ord, x.day, x.m, $2, $2 FROM unnest($3::int[], $4::date[]) WITH ORDINALITY AS x(m, day, ord)`,
      [c.id, now, months, months.map((m) => addMonths(handoverDay, m))],
    );
    await this.access.record(tx, user, c.id, 'HANDOVER_RECORDED', 'handover', inserted[0]!.id, ip, { receivedByKind: input.receivedByKind, monitoringMonths: months });
    await this.follow(tx, user, c, 'HANDED_OVER', ip);
    return toHandover((await loadHandover(tx, c.id))!);
  }

  async recordHandover(user: AuthUser, caseId: string, input: RecordHandoverInput, ip: string): Promise<Handover> {
    return this.db.transaction(async (tx) => this.recordHandoverIn(tx, user, await this.access.visible(tx, user, caseId, 'Recording the hand-over'), input, ip));
  }

  // Fires the case transition that follows a record, checking the machine's guards against the facts
  // inside this transaction.
  private async follow(tx: Executor, user: AuthUser, c: ReturnCaseRef, to: CaseState, ip: string) {
    await this.transitions.fire(tx, user, c, to, ip);
  }
}
