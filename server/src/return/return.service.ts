import { Injectable } from '@nestjs/common';
import {
  AVR_REQUEST_STATES,
  COUNSELLING_STATES,
  DURABLE_SOLUTION_STATES,
  PLAN_STATES,
  RETURNED_STATES,
  DEFAULT_MONITORING_MONTHS,
  RETURN_REPORT_STATES,
  type AssistanceItem,
  type Consent,
  type CounsellingSession,
  type CreateAssistanceItemInput,
  type CreateCounsellingSessionInput,
  type CreateReintegrationObjectiveInput,
  type DurableSolution,
  type GuardianAvrConsentInput,
  type PutReintegrationPlanInput,
  type RecordAvrRequestInput,
  type RecordDurableSolutionInput,
  type ReintegrationPlan,
  type Report,
  type ReturnFile,
  type StartReturnReportInput,
  type UpdateAssistanceItemInput,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { toConsent, type ConsentRow } from '../case-file/case-file.mapper';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import type { DraftPrefill } from '../reports/report-drafting';
import { ReportsService } from '../reports/reports.service';
import { parseLockVersion } from '../reports/report-actions';
import { ReturnCaseAccess, fieldError, stale, wrongState, type ReturnCaseRef } from './return-case';
import { prefillHandoverProtocol, prefillMonitoringReport, prefillOperationalNote, prefillReintegrationPlan } from './return-report-prefill';
import {
  COUNSELLING_SELECT,
  DECISION_SELECT,
  DURABLE_SELECT,
  ITEM_SELECT,
  PROCEEDING_SELECT,
  loadCourtFile,
  loadHandover,
  loadPlan,
  loadReturnReports,
  loadTravelPlan,
  loadVisits,
  toCounselling,
  toDurable,
  toHandover,
  toItem,
  toPlan,
  toTravelPlan,
  toVisit,
  type CounsellingRow,
  type DecisionRow,
  type DurableRow,
  type ItemRow,
  type ProceedingRow,
} from './return.store';
import { lockPlan, lockVisit, touchPlan } from './return-locks';

// Where each step of the return can be recorded (domain §4 transitions 14–21).

const CONSENT_COLUMNS = `id, subject, family_member_id, scope, language, mediator_present, mediator_name, informed_by, minor_words, given_at, withdrawn_at, withdrawal_reason`;


// The minor's request and the guardian's consent, counselling, the reintegration plan, the travel
// plan, the hand-over, monitoring and the durable-solution decision. Every write locks the case,
// writes a history row and an audit event, and brings the tasks up to date, in one transaction.
@Injectable()
export class ReturnService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly access: ReturnCaseAccess,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Reading (IOM staff)

  async returnFile(user: AuthUser, caseId: string, ip: string): Promise<ReturnFile> {
    const row = await this.cases.findVisibleById(user, caseId);
    if (!row) throw notFound('Case');
    const consent = (subject: 'MINOR' | 'GUARDIAN') =>
      this.db.query<ConsentRow[]>(`SELECT ${CONSENT_COLUMNS} FROM consents WHERE case_id = $1 AND subject = $2 AND scope = 'AVR_REQUEST' ORDER BY given_at DESC, id DESC LIMIT 1`, [
        caseId,
        subject,
      ]);
    const [minorRequest, guardianConsent, counselling, plan, court, travel, handover, visits, durable, reports, ages] = await Promise.all([
      consent('MINOR'),
      consent('GUARDIAN'),
      this.db.query<CounsellingRow[]>(`${COUNSELLING_SELECT} WHERE case_id = $1 ORDER BY held_on, created_at`, [caseId]),
      loadPlan(this.db, caseId),
      loadCourtFile(this.db, caseId, null),
      loadTravelPlan(this.db, caseId),
      loadHandover(this.db, caseId),
      loadVisits(this.db, caseId),
      this.db.query<DurableRow[]>(`${DURABLE_SELECT} WHERE case_id = $1 ORDER BY created_at, id`, [caseId]),
      loadReturnReports(this.db, caseId),
      this.db.query<{ eighteenth: string | null; prosieguo_until: string | null }[]>(
        `SELECT to_char(m.date_of_birth + interval '18 years', 'YYYY-MM-DD') AS eighteenth, to_char(m.prosieguo_until, 'YYYY-MM-DD') AS prosieguo_until
          FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.id = $1`,
        [caseId],
      ),
    ]);
    await this.audit.append({ actor: user, action: 'RETURN_FILE_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return {
      caseId,
      eighteenthBirthday: ages[0]?.eighteenth ?? null,
      prosieguoUntil: ages[0]?.prosieguo_until ?? null,
      avrRequest: { minorRequest: minorRequest[0] ? toConsent(minorRequest[0]) : null, guardianConsent: guardianConsent[0] ? toConsent(guardianConsent[0]) : null },
      counsellingSessions: counselling.map(toCounselling),
      reintegrationPlan: plan ? toPlan(plan) : null,
      court,
      travelPlan: travel ? toTravelPlan(travel) : null,
      handover: handover ? toHandover(handover) : null,
      monitoringVisits: visits.map(toVisit),
      durableSolutions: durable.map(toDurable),
      reports,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The minor's voluntary request and the guardian's consent (§4 #14)

  async recordAvrRequest(user: AuthUser, caseId: string, input: RecordAvrRequestInput, ip: string): Promise<Consent> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Recording the return request', AVR_REQUEST_STATES);
      const rows = await tx.query<ConsentRow[]>(
        `INSERT INTO consents (case_id, subject, scope, language, mediator_present, mediator_name, informed_by, minor_words, given_at, recorded_by)
         VALUES ($1, 'MINOR', 'AVR_REQUEST', $2, $3, $4, $5, $6, $7, $8) RETURNING ${CONSENT_COLUMNS}`,
        [c.id, input.language, input.mediatorPresent, input.mediatorName ?? null, input.informedBy, input.minorWords, input.givenAt, user.id],
      );
      await this.access.record(tx, user, c.id, 'AVR_REQUEST_RECORDED', 'consent', rows[0]!.id, ip, { subject: 'MINOR', scope: 'AVR_REQUEST' });
      return toConsent(rows[0]!);
    });
  }

  // The guardian co-signs the minor's request from their own account (their ward's case only).
  async guardianConsent(user: AuthUser, caseId: string, input: GuardianAvrConsentInput, ip: string): Promise<Consent> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Consenting to the return request', AVR_REQUEST_STATES);
      const existing = await tx.query<{ subject: string }[]>(
        `SELECT subject FROM consents WHERE case_id = $1 AND scope = 'AVR_REQUEST' AND withdrawn_at IS NULL AND subject IN ('MINOR','GUARDIAN')`,
        [c.id],
      );
      if (!existing.some((e) => e.subject === 'MINOR')) {
        throw new AppError('CONFLICT', "The minor's own request to return is not recorded yet: the guardian co-signs it", {
          unmet: [{ code: 'AVR_MINOR_REQUEST', message: "The minor's voluntary request to return is not recorded" }],
        });
      }
      if (existing.some((e) => e.subject === 'GUARDIAN')) throw new AppError('CONFLICT', 'Your consent to the return request is already recorded');
      const rows = await tx.query<ConsentRow[]>(
        `INSERT INTO consents (case_id, subject, scope, language, mediator_present, informed_by, given_at, recorded_by)
         VALUES ($1, 'GUARDIAN', 'AVR_REQUEST', $2, false, $3, $4, $5) RETURNING ${CONSENT_COLUMNS}`,
        [c.id, input.language, user.displayName, this.clock.now(), user.id],
      );
      await this.access.record(tx, user, c.id, 'AVR_GUARDIAN_CONSENT_RECORDED', 'consent', rows[0]!.id, ip, { subject: 'GUARDIAN', scope: 'AVR_REQUEST' });
      return toConsent(rows[0]!);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Counselling (§4 #15)

  async addCounselling(user: AuthUser, caseId: string, input: CreateCounsellingSessionInput, ip: string): Promise<CounsellingSession> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Recording counselling', COUNSELLING_STATES);
      if (input.heldOn > this.clock.today()) throw fieldError('heldOn', 'future', 'A session is recorded once held');
      const inserted = await tx.query<{ id: string }[]>(
        `INSERT INTO counselling_sessions (case_id, held_on, counsellor, language, mediator_present, mediator_name, minor_words, topics, notes, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [c.id, input.heldOn, input.counsellor, input.language, input.mediatorPresent, input.mediatorName ?? null, input.minorWords, input.topics, input.notes ?? null, user.id, this.clock.now()],
      );
      await this.access.record(tx, user, c.id, 'COUNSELLING_RECORDED', 'counselling_session', inserted[0]!.id, ip);
      return toCounselling((await tx.query<CounsellingRow[]>(`${COUNSELLING_SELECT} WHERE id = $1`, [inserted[0]!.id]))[0]!);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reintegration plan (§3.11)

  async putPlan(user: AuthUser, caseId: string, input: PutReintegrationPlanInput, ifMatch: string | undefined, ip: string): Promise<ReintegrationPlan> {
    const expected = parseLockVersion(ifMatch);
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Writing the reintegration plan', PLAN_STATES);
      const existing = await loadPlan(tx, c.id, { lock: true });
      if (existing && expected !== undefined && expected !== existing.plan.version) throw stale('reintegration plan', existing.plan.version);
      const now = this.clock.now();
      const values = [JSON.stringify(input.assessmentsDone), input.needsAndSkills, input.familySituation, input.minorViews, input.minorViewsLanguage, input.mediatorName ?? null, input.draftedPreDeparture];
      let planId: string;
      if (existing) {
        planId = existing.plan.id;
        await tx.query(
          `UPDATE reintegration_plans SET assessments_done = $2, needs_and_skills = $3, family_situation = $4, minor_views = $5, minor_views_language = $6,
              mediator_name = $7, drafted_pre_departure = $8, version = version + 1, updated_by = $9, updated_at = $10 WHERE id = $1`,
          [planId, ...values, user.id, now],
        );
      } else {
        planId = (
          await tx.query<{ id: string }[]>(
            `INSERT INTO reintegration_plans (case_id, assessments_done, needs_and_skills, family_situation, minor_views, minor_views_language, mediator_name,
                drafted_pre_departure, created_by, created_at, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $10) RETURNING id`,
            [c.id, ...values, user.id, now],
          )
        )[0]!.id;
      }
      await this.access.record(tx, user, c.id, existing ? 'REINTEGRATION_PLAN_UPDATED' : 'REINTEGRATION_PLAN_WRITTEN', 'reintegration_plan', planId, ip);
      return toPlan((await loadPlan(tx, c.id))!);
    });
  }

  async addObjective(user: AuthUser, caseId: string, input: CreateReintegrationObjectiveInput, ip: string): Promise<ReintegrationPlan> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Adding an objective', PLAN_STATES);
      const { plan } = await lockPlan(tx, c.id);
      const inserted = await tx.query<{ id: string }[]>(
        `INSERT INTO reintegration_objectives (plan_id, dimension, level, description, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [plan.id, input.dimension, input.level, input.description, user.id, this.clock.now()],
      );
      await touchPlan(tx, plan.id, user, this.clock.now());
      await this.access.record(tx, user, c.id, 'REINTEGRATION_OBJECTIVE_ADDED', 'reintegration_objective', inserted[0]!.id, ip, { dimension: input.dimension, level: input.level });
      return toPlan((await loadPlan(tx, c.id))!);
    });
  }

  async addItem(user: AuthUser, caseId: string, input: CreateAssistanceItemInput, ip: string): Promise<ReintegrationPlan> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Adding an assistance item', PLAN_STATES);
      const { plan, objectives } = await lockPlan(tx, c.id);
      if (input.objectiveId && !objectives.some((o) => o.id === input.objectiveId)) throw fieldError('objectiveId', 'not_found', 'Not an objective of this plan');
      const now = this.clock.now();
      const inserted = await tx.query<{ id: string }[]>(
        `INSERT INTO reintegration_assistance_items (plan_id, objective_id, dimension, level, type, description, provider, budget_eur, in_kind, planned_on, created_by, created_at, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11, $12) RETURNING id`,
        [plan.id, input.objectiveId ?? null, input.dimension, input.level, input.type, input.description, input.provider, input.budgetEur, input.inKind, input.plannedOn ?? null, user.id, now],
      );
      await touchPlan(tx, plan.id, user, this.clock.now());
      await this.access.record(tx, user, c.id, 'REINTEGRATION_ITEM_ADDED', 'reintegration_item', inserted[0]!.id, ip, { type: input.type, budgetEur: input.budgetEur, inKind: input.inKind });
      return toPlan((await loadPlan(tx, c.id))!);
    });
  }

  // Shared with the receiving mission (field-return.service.ts): the case is already resolved and locked.
  async updateItemIn(tx: Executor, user: AuthUser, c: ReturnCaseRef, itemId: string, input: UpdateAssistanceItemInput, ip: string): Promise<AssistanceItem> {
    if (!PLAN_STATES.includes(c.state)) throw wrongState('Updating an assistance item', PLAN_STATES, c.state);
    if (input.deliveredOn && input.deliveredOn > this.clock.today()) throw fieldError('deliveredOn', 'future', 'An item is delivered on a past day or today');
    const { plan, items } = await lockPlan(tx, c.id);
    if (!items.some((i) => i.id === itemId)) throw notFound('Assistance item');
    await tx.query(
      `UPDATE reintegration_assistance_items SET status = $2, delivered_on = $3, note = coalesce($4, note), updated_by = $5, updated_at = $6 WHERE id = $1`,
      [itemId, input.status, input.status === 'DELIVERED' ? input.deliveredOn : null, input.note ?? null, user.id, this.clock.now()],
    );
    await touchPlan(tx, plan.id, user, this.clock.now());
    await this.access.record(tx, user, c.id, 'REINTEGRATION_ITEM_UPDATED', 'reintegration_item', itemId, ip, { status: input.status });
    return toItem((await tx.query<ItemRow[]>(`${ITEM_SELECT} WHERE id = $1`, [itemId]))[0]!);
  }

  async updateItem(user: AuthUser, caseId: string, itemId: string, input: UpdateAssistanceItemInput, ip: string): Promise<AssistanceItem> {
    return this.db.transaction(async (tx) => this.updateItemIn(tx, user, await this.access.visible(tx, user, caseId, 'Updating an assistance item'), itemId, input, ip));
  }

  // ---------------------------------------------------------------------------------------------
  // Durable-solution decision (§3.9)

  async recordDurableSolution(user: AuthUser, caseId: string, input: RecordDurableSolutionInput, ip: string): Promise<DurableSolution> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Recording the durable solution', DURABLE_SOLUTION_STATES);
      if (input.decidedOn > this.clock.today()) throw fieldError('decidedOn', 'future', 'The decision is recorded once taken');
      const returned = RETURNED_STATES.includes(c.state);
      if (returned && input.solution !== 'RETURN_AVR') throw fieldError('solution', 'not_allowed', 'A returned minor’s case closes on the return ordered by the court (RETURN_AVR)');
      if (!returned && input.solution === 'RETURN_AVR') {
        throw fieldError('solution', 'not_allowed', 'A return is recorded as the durable solution once the court ordered it and the child was handed over');
      }
      if (input.courtDecisionId) {
        const decision = await tx.query<unknown[]>(
          `SELECT 1 FROM court_decisions WHERE id = $1 AND case_id = $2 AND outcome = 'RETURN_ORDERED' AND decree_document_id IS NOT NULL`,
          [input.courtDecisionId, c.id],
        );
        if (!decision.length) throw fieldError('courtDecisionId', 'not_found', 'Not a decision of this case ordering the return, with its decree');
      }
      const inserted = await tx.query<{ id: string }[]>(
        `INSERT INTO durable_solutions (case_id, solution, decided_by, decision_ref, decided_on, court_decision_id, minor_views, minor_views_language, mediator_present,
            mediator_name, views_relayed_by, options_considered, bia_ref, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [c.id, input.solution, input.decidedBy, input.decisionRef, input.decidedOn, input.courtDecisionId ?? null, input.minorViews, input.minorViewsLanguage, input.mediatorPresent,
          input.mediatorName ?? null, input.viewsRelayedBy ?? null, input.optionsConsidered, input.biaRef ?? null, user.id, this.clock.now()],
      );
      await this.access.record(tx, user, c.id, 'DURABLE_SOLUTION_RECORDED', 'durable_solution', inserted[0]!.id, ip, { solution: input.solution });
      return toDurable((await tx.query<DurableRow[]>(`${DURABLE_SELECT} WHERE id = $1`, [inserted[0]!.id]))[0]!);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reports of part 2 through the composer (ADR 0006)

  async startReport(user: AuthUser, caseId: string, input: StartReturnReportInput, ip: string): Promise<Report> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Starting this report', RETURN_REPORT_STATES[input.kind]);
      let existing: string | null = null;
      let prefill: DraftPrefill;
      let visitId: string | null = null;
      switch (input.kind) {
        case 'REINTEGRATION_PLAN': {
          const bundle = await lockPlan(tx, c.id);
          const visits = await tx.query<{ month_offset: number }[]>(`SELECT month_offset FROM monitoring_visits WHERE case_id = $1 AND month_offset IS NOT NULL ORDER BY seq`, [c.id]);
          prefill = prefillReintegrationPlan({ ...bundle, monitoringMonths: visits.length ? visits.map((v) => v.month_offset) : DEFAULT_MONITORING_MONTHS });
          break;
        }
        case 'AVR_OPERATIONAL_NOTE': {
          const travel = await loadTravelPlan(tx, c.id);
          if (!travel) throw new AppError('CONFLICT', 'Write the travel plan first');
          const proceeding = (await tx.query<ProceedingRow[]>(`${PROCEEDING_SELECT} WHERE p.case_id = $1 AND p.kind = 'AVR_ART8' ORDER BY p.created_at DESC LIMIT 1`, [c.id]))[0] ?? null;
          const decision = proceeding
            ? ((await tx.query<DecisionRow[]>(`${DECISION_SELECT} WHERE proceeding_id = $1 ORDER BY created_at DESC LIMIT 1`, [proceeding.id]))[0] ?? null)
            : null;
          prefill = prefillOperationalNote({ travel, proceeding, decision });
          break;
        }
        case 'HANDOVER_PROTOCOL': {
          const handover = await loadHandover(tx, c.id);
          if (!handover) throw new AppError('CONFLICT', 'The hand-over is not recorded');
          const travel = await loadTravelPlan(tx, c.id);
          prefill = prefillHandoverProtocol(handover, travel?.escort_required ? { name: travel.escort_name, role: travel.escort_role } : null);
          break;
        }
        case 'MONITORING_REPORT': {
          const visit = await lockVisit(tx, c.id, input.monitoringVisitId!);
          if (visit.status !== 'DONE') throw new AppError('CONFLICT', 'A monitoring report follows a recorded visit');
          const items = await tx.query<ItemRow[]>(`${ITEM_SELECT} WHERE plan_id = (SELECT id FROM reintegration_plans WHERE case_id = $1)`, [c.id]);
          prefill = prefillMonitoringReport(visit, items);
          existing = visit.report_id;
          visitId = visit.id;
          break;
        }
      }
      if (input.kind !== 'MONITORING_REPORT') {
        existing = (await tx.query<{ id: string }[]>(`SELECT id FROM reports WHERE case_id = $1 AND kind = $2 ORDER BY created_at LIMIT 1`, [c.id, input.kind]))[0]?.id ?? null;
      }
      const report = await this.reports.startReturnVersion(tx, user, c.id, input.kind, existing, prefill, { fromRecords: input.fromRecords, ip });
      if (visitId && !existing) await tx.query(`UPDATE monitoring_visits SET report_id = $2 WHERE id = $1`, [visitId, report.id]);
      return report;
    });
  }
}
