import { Injectable } from '@nestjs/common';
import {
  BEFORE_COURT_STATES,
  OPEN_STATES,
  type AttachDecreeInput,
  type CaseState,
  type CourtDecision,
  type CourtFile,
  type CourtHearing,
  type CourtProceeding,
  type CreateCourtProceedingInput,
  type DocumentMeta,
  type RecordCourtDecisionInput,
  type RecordHearingInput,
  type RecordProsieguoInput,
  type ScheduleHearingInput,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import type { MultipartUpload } from '../documents/multipart';
import { ReturnCaseAccess, fieldError, type ReturnCaseRef } from './return-case';
import { prepareReturnUpload, storeReturnDocument } from './return-documents';
import { DECISION_SELECT, loadCourtFile, toDecision, toHearing, type DecisionRow, type HearingRow, type ProceedingRow } from './return.store';
import { CaseChanges } from '../workflow/case-changes';

// While the petition is before the court (the filing is recorded in AVR_COUNSELLING, the case
// moves to COURT_PENDING once the court file is complete).
const PROSIEGUO_STATES: readonly CaseState[] = [...OPEN_STATES, 'ON_HOLD'];

// The juvenile court (domain §3.8; L. 47/2017 art. 8 and 13). IOM staff record the filing; the
// court's clerks (role court, with a live `court` grant of their own court on the case) schedule and
// record hearings, upload decrees and record decisions, only on their own court's proceedings.
@Injectable()
export class CourtService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly access: ReturnCaseAccess,
    private readonly audit: AuditService,
    private readonly changes: CaseChanges,
  ) {}

  // A court user sees and acts on their own court's proceedings only.
  private courtScope(user: AuthUser): string | null {
    return user.role === 'court' ? user.organisationId : null;
  }

  private async proceeding(tx: Executor, user: AuthUser, caseId: string, proceedingId: string): Promise<ProceedingRow> {
    const scope = this.courtScope(user);
    const row = (
      await tx.query<ProceedingRow[]>(
        `SELECT p.*, to_char(p.filed_on, 'YYYY-MM-DD') AS filed_on, '' AS court_name FROM court_proceedings p
          WHERE p.id = $1 AND p.case_id = $2 AND ($3::uuid IS NULL OR p.court_organisation_id = $3::uuid) FOR UPDATE`,
        [proceedingId, caseId, scope],
      )
    )[0];
    if (!row) throw notFound('Proceeding');
    return row;
  }

  private async decreeDocument(tx: Executor, caseId: string, documentId: string, path = 'decreeDocumentId') {
    const doc = await tx.query<unknown[]>(`SELECT 1 FROM documents WHERE id = $1 AND case_id = $2 AND type = 'COURT_DECREE'`, [documentId, caseId]);
    if (!doc.length) throw fieldError(path, 'not_found', 'Not a court decree (COURT_DECREE) of this case');
  }

  private requireState(c: ReturnCaseRef, states: readonly CaseState[], action: string) {
    if (!states.includes(c.state)) throw new AppError('CONFLICT', `${action} needs the case in ${states.join(', ')}; it is in ${c.state}`, { state: c.state });
  }

  // ---------------------------------------------------------------------------------------------

  async file(user: AuthUser, caseId: string, ip: string): Promise<CourtFile> {
    if (!(await this.cases.findVisibleById(user, caseId))) throw notFound('Case');
    const file = await loadCourtFile(this.db, caseId, this.courtScope(user));
    await this.audit.append({ actor: user, action: 'COURT_FILE_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return file;
  }

  private async proceedingView(tx: Executor, caseId: string, proceedingId: string): Promise<CourtProceeding> {
    return (await loadCourtFile(tx, caseId, null)).proceedings.find((p) => p.id === proceedingId)!;
  }

  // IOM records the filing of the art. 8 petition (by the guardian, social services or the Procura)
  // and the documents before the court. The court's clerks reach the case through a `court` grant
  // given by a supervisor (issue 5's court access), not through the filing.
  async createProceeding(user: AuthUser, caseId: string, input: CreateCourtProceedingInput, ip: string): Promise<CourtProceeding> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Recording the filing', BEFORE_COURT_STATES);
      if (input.filedOn > this.clock.today()) throw fieldError('filedOn', 'future', 'The filing is recorded once made');
      const fields: { path: string; code: string; message: string }[] = [];
      const court = (await tx.query<{ type: string }[]>(`SELECT type FROM organisations WHERE id = $1`, [input.courtOrganisationId]))[0];
      if (court?.type !== 'JUVENILE_COURT') fields.push({ path: 'courtOrganisationId', code: 'not_found', message: 'Not a juvenile court' });
      const released = await tx.query<unknown[]>(
        `SELECT 1 FROM reports r JOIN report_versions v ON v.report_id = r.id WHERE r.id = $1 AND r.case_id = $2 AND r.kind = 'FAMILY_ASSESSMENT' AND v.status = 'RELEASED'`,
        [input.familyAssessmentReportId, c.id],
      );
      if (!released.length) fields.push({ path: 'familyAssessmentReportId', code: 'not_released', message: 'Not a released family-assessment report of this case' });
      const ss = await tx.query<unknown[]>(`SELECT 1 FROM documents WHERE id = $1 AND case_id = $2 AND type = 'SOCIAL_SERVICES_REPORT'`, [input.socialServicesReportDocumentId, c.id]);
      if (!ss.length) fields.push({ path: 'socialServicesReportDocumentId', code: 'not_found', message: "Not a social services' report (SOCIAL_SERVICES_REPORT) of this case" });
      const plan = await tx.query<unknown[]>(`SELECT 1 FROM reintegration_plans WHERE case_id = $1`, [c.id]);
      if (!plan.length) fields.push({ path: 'reintegrationProposal', code: 'not_found', message: 'The reintegration plan (the proposal) is not written' });
      if (input.otherDocumentIds.length) {
        const others = await tx.query<{ n: string }[]>(`SELECT count(*) AS n FROM documents WHERE id = ANY($1::uuid[]) AND case_id = $2`, [input.otherDocumentIds, c.id]);
        if (Number(others[0]!.n) !== new Set(input.otherDocumentIds).size) fields.push({ path: 'otherDocumentIds', code: 'not_found', message: 'Not documents of this case' });
      }
      if (fields.length) throw new AppError('VALIDATION_FAILED', 'The filing names records that do not fit', { fields });
      const now = this.clock.now();
      const inserted = await tx.query<{ id: string }[]>(
        `INSERT INTO court_proceedings (case_id, kind, court_organisation_id, docket_number, filed_by, filed_by_name, filed_on, family_assessment_report_id,
            social_services_document_id, reintegration_proposal, other_document_ids, recorded_by, created_at)
         VALUES ($1, 'AVR_ART8', $2, $3, $4, $5, $6, $7, $8, true, $9, $10, $11) RETURNING id`,
        [c.id, input.courtOrganisationId, input.docketNumber, input.filedBy, input.filedByName, input.filedOn, input.familyAssessmentReportId,
          input.socialServicesReportDocumentId, [...new Set(input.otherDocumentIds)], user.id, now],
      );
      await this.access.record(tx, user, c.id, 'COURT_PROCEEDING_RECORDED', 'court_proceeding', inserted[0]!.id, ip, { docketNumber: input.docketNumber, filedBy: input.filedBy });
      return this.proceedingView(tx, c.id, inserted[0]!.id);
    });
  }

  async scheduleHearing(user: AuthUser, caseId: string, proceedingId: string, input: ScheduleHearingInput, ip: string): Promise<CourtHearing> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Scheduling a hearing');
      const p = await this.proceeding(tx, user, c.id, proceedingId);
      if (p.kind !== 'AVR_ART8') throw new AppError('CONFLICT', 'Hearings are recorded on the return petition');
      this.requireState(c, BEFORE_COURT_STATES, 'Scheduling a hearing');
      const now = this.clock.now();
      const inserted = await tx.query<HearingRow[]>(
        `INSERT INTO court_hearings (proceeding_id, case_id, scheduled_at, note, recorded_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
        [p.id, c.id, input.scheduledAt, input.note ?? null, user.id, now],
      );
      await this.access.record(tx, user, c.id, 'COURT_HEARING_SCHEDULED', 'court_hearing', inserted[0]!.id, ip, { scheduledAt: input.scheduledAt });
      return toHearing(inserted[0]!);
    });
  }

  async recordHearing(user: AuthUser, caseId: string, hearingId: string, input: RecordHearingInput, ip: string): Promise<CourtHearing> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Recording a hearing');
      const hearing = (await tx.query<HearingRow[]>(`SELECT * FROM court_hearings WHERE id = $1 AND case_id = $2 FOR UPDATE`, [hearingId, c.id]))[0];
      if (!hearing) throw notFound('Hearing');
      await this.proceeding(tx, user, c.id, hearing.proceeding_id);
      this.requireState(c, BEFORE_COURT_STATES, 'Recording a hearing');
      if (hearing.held_at) throw new AppError('CONFLICT', 'This hearing is already recorded');
      if (new Date(input.heldAt).getTime() > this.clock.now().getTime() + 60_000) throw fieldError('heldAt', 'future', 'A hearing is recorded once held');
      const rows = await tx.query<HearingRow[]>(
        `UPDATE court_hearings SET held_at = $2, minor_heard = $3, guardian_heard = $4, interpreter_name = $5, interpreter_language = $6, notes = $7, updated_at = $8
          WHERE id = $1 RETURNING *`,
        [hearingId, input.heldAt, input.minorHeard, input.guardianHeard, input.interpreterName ?? null, input.interpreterLanguage ?? null, input.notes ?? null, this.clock.now()],
      );
      await this.access.record(tx, user, c.id, 'COURT_HEARING_RECORDED', 'court_hearing', hearingId, ip, { minorHeard: input.minorHeard, guardianHeard: input.guardianHeard });
      return toHearing(rows[0]!);
    });
  }

  // The decree's file (type COURT_DECREE), uploaded by the court's clerk or by IOM staff.
  async uploadDecree(user: AuthUser, caseId: string, upload: MultipartUpload, ip: string): Promise<DocumentMeta> {
    const prepared = prepareReturnUpload(upload, ['COURT_DECREE']);
    if (prepared.fields.sensitivity === 'STD') prepared.fields.sensitivity = 'SPECIAL';
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Uploading a decree');
      return storeReturnDocument(tx, this.changes, user, c.id, prepared, this.clock.now(), ip);
    });
  }

  async recordDecision(user: AuthUser, caseId: string, proceedingId: string, input: RecordCourtDecisionInput, ip: string): Promise<CourtDecision> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Recording the decision');
      const p = await this.proceeding(tx, user, c.id, proceedingId);
      if (p.kind !== 'AVR_ART8') throw new AppError('CONFLICT', 'This proceeding is not the return petition');
      this.requireState(c, BEFORE_COURT_STATES, 'Recording the decision');
      if (input.decidedOn > this.clock.today()) throw fieldError('decidedOn', 'future', 'The decision is recorded once taken');
      const existing = await tx.query<unknown[]>(`SELECT 1 FROM court_decisions WHERE proceeding_id = $1`, [p.id]);
      if (existing.length) throw new AppError('CONFLICT', 'The decision on this petition is already recorded');
      if (input.decreeDocumentId) await this.decreeDocument(tx, c.id, input.decreeDocumentId);
      const inserted = await tx.query<{ id: string }[]>(
        `INSERT INTO court_decisions (proceeding_id, case_id, outcome, decided_on, reasons_summary, decree_document_id, appeal_deadline, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [p.id, c.id, input.outcome, input.decidedOn, input.reasonsSummary, input.decreeDocumentId ?? null, input.appealDeadline ?? null, user.id, this.clock.now()],
      );
      await this.access.record(tx, user, c.id, 'COURT_DECISION_RECORDED', 'court_decision', inserted[0]!.id, ip, { outcome: input.outcome, decreeAttached: Boolean(input.decreeDocumentId) });
      return toDecision((await tx.query<DecisionRow[]>(`${DECISION_SELECT} WHERE id = $1`, [inserted[0]!.id]))[0]!);
    });
  }

  async attachDecree(user: AuthUser, caseId: string, decisionId: string, input: AttachDecreeInput, ip: string): Promise<CourtDecision> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Attaching the decree');
      const decision = (await tx.query<DecisionRow[]>(`${DECISION_SELECT} WHERE id = $1 AND case_id = $2 FOR UPDATE`, [decisionId, c.id]))[0];
      if (!decision) throw notFound('Decision');
      await this.proceeding(tx, user, c.id, decision.proceeding_id);
      if (decision.decree_document_id) throw new AppError('CONFLICT', 'A decree is already attached to this decision');
      await this.decreeDocument(tx, c.id, input.decreeDocumentId);
      await tx.query(`UPDATE court_decisions SET decree_document_id = $2 WHERE id = $1`, [decisionId, input.decreeDocumentId]);
      await this.access.record(tx, user, c.id, 'COURT_DECREE_ATTACHED', 'court_decision', decisionId, ip, { documentId: input.decreeDocumentId });
      return toDecision((await tx.query<DecisionRow[]>(`${DECISION_SELECT} WHERE id = $1`, [decisionId]))[0]!);
    });
  }

  // Prosieguo amministrativo (art. 13) from the court's decree: after the 18th birthday, no later than
  // the 21st. Moves the AGED_OUT horizon (minors.prosieguo_until; guard NO_PROSIEGUO, age tasks).
  async recordProsieguo(user: AuthUser, caseId: string, input: RecordProsieguoInput, ip: string): Promise<CourtDecision> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.visible(tx, user, caseId, 'Recording a prosieguo', PROSIEGUO_STATES);
      let courtId = input.courtOrganisationId;
      if (user.role === 'court') {
        if (courtId && courtId !== user.organisationId) throw fieldError('courtOrganisationId', 'not_allowed', 'You record decrees of your own court');
        courtId = user.organisationId;
      }
      if (!courtId) throw fieldError('courtOrganisationId', 'required', 'Name the court');
      const court = (await tx.query<{ type: string }[]>(`SELECT type FROM organisations WHERE id = $1`, [courtId]))[0];
      if (court?.type !== 'JUVENILE_COURT') throw fieldError('courtOrganisationId', 'not_found', 'Not a juvenile court');
      if (input.decidedOn > this.clock.today()) throw fieldError('decidedOn', 'future', 'The decree is recorded once issued');
      await this.decreeDocument(tx, c.id, input.decreeDocumentId);
      const minor = (
        await tx.query<{ id: string; eighteenth: string | null; twentyfirst: string | null }[]>(
          `SELECT m.id, to_char(m.date_of_birth + interval '18 years', 'YYYY-MM-DD') AS eighteenth, to_char(m.date_of_birth + interval '21 years', 'YYYY-MM-DD') AS twentyfirst
            FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.id = $1 FOR UPDATE OF m`,
          [c.id],
        )
      )[0]!;
      if (!minor.eighteenth || !minor.twentyfirst) throw fieldError('prosieguoUntil', 'no_date_of_birth', "The minor's date of birth is not recorded: the 21st-birthday limit cannot be checked");
      if (input.prosieguoUntil <= minor.eighteenth) throw fieldError('prosieguoUntil', 'before_18th_birthday', `A prosieguo runs after the 18th birthday (${minor.eighteenth})`);
      if (input.prosieguoUntil > minor.twentyfirst) throw fieldError('prosieguoUntil', 'after_21st_birthday', `A prosieguo ends no later than the 21st birthday (${minor.twentyfirst})`);
      const now = this.clock.now();
      const proceedingId = (
        await tx.query<{ id: string }[]>(
          `INSERT INTO court_proceedings (case_id, kind, court_organisation_id, docket_number, recorded_by, created_at) VALUES ($1, 'PROSIEGUO_ART13', $2, $3, $4, $5) RETURNING id`,
          [c.id, courtId, input.docketNumber, user.id, now],
        )
      )[0]!.id;
      const decisionId = (
        await tx.query<{ id: string }[]>(
          `INSERT INTO court_decisions (proceeding_id, case_id, outcome, decided_on, reasons_summary, decree_document_id, prosieguo_until, recorded_by, created_at)
           VALUES ($1, $2, 'PROSIEGUO_GRANTED', $3, $4, $5, $6, $7, $8) RETURNING id`,
          [proceedingId, c.id, input.decidedOn, input.reasonsSummary ?? null, input.decreeDocumentId, input.prosieguoUntil, user.id, now],
        )
      )[0]!.id;
      await tx.query(`UPDATE minors SET prosieguo_until = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [minor.id, input.prosieguoUntil, now]);
      await this.access.record(tx, user, c.id, 'PROSIEGUO_RECORDED', 'court_decision', decisionId, ip, { prosieguoUntil: input.prosieguoUntil, docketNumber: input.docketNumber });
      return toDecision((await tx.query<DecisionRow[]>(`${DECISION_SELECT} WHERE id = $1`, [decisionId]))[0]!);
    });
  }
}
