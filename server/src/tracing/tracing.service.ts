import { Injectable } from '@nestjs/common';
import {
  TRACING_SENDABLE_STATES,
  TRACING_DEFAULT_SLA_DAYS,
  TRACING_MAX_SLA_DAYS,
  type CaseTracing,
  type ContactAttempt,
  type CreateContactAttemptInput,
  type CreateFamilyConsentInput,
  type CreateTracingRequestInput,
  type FamilyConsent,
  type FieldError,
  type RecordTracingOutcomeInput,
  type TracingRequestDetail,
  type TracingRequestListQuery,
  type TracingRequestPage,
  addRomeDays,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { CasesRepository } from '../cases/cases.repository';
import { recomputeTasks } from '../tasks/task-recompute';
import { Db, type Executor } from '../database/db';
import { CaseTransitionService } from '../workflow/case-transition.service';
import { buildTracingPacket } from './tracing-packet';
import {
  isOpenStatus,
  toAssessment,
  toContactAttempt,
  toFamilyConsent,
  toTracingRequestDetail,
  toTracingSummary,
  type AssessmentRow,
  type Audience,
  type ContactAttemptRow,
  type FamilyConsentRow,
  type TracingRequestRow,
  type TracingSummaryRow,
} from './tracing.mapper';
import { DAY_MS, ensureFieldMissionGrant, insertTracingRequest, loadPacketSources, missingPreconditions } from './tracing.store';
import { ASSESSMENT_COLUMNS, ASSESSMENT_FROM, CONSENT_COLUMNS, TracingRequests, fieldError, invalid, unmet } from './tracing-requests';

export { createTracingRequestForSeed, type SeedTracingRequest } from './tracing.store';
export { parseAssessmentIfMatch } from './assessment.service';





@Injectable()
export class TracingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly transitions: CaseTransitionService,
    private readonly audit: AuditService,
    private readonly requests: TracingRequests,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // IOM Rome: send a packet

  async create(user: AuthUser, caseId: string, input: CreateTracingRequestInput, ip: string): Promise<TracingRequestDetail> {
    return this.db.transaction(async (tx) => {
      // The case row stays locked until commit: a consent withdrawal or a transition on the same
      // case waits, so the checks below hold when the packet is written.
      const row = await this.requests.visibleCase(tx, user, caseId, { lock: true });
      if (!TRACING_SENDABLE_STATES.includes(row.state)) {
        throw new AppError('CONFLICT', `A tracing packet can be sent only when the case is ready for tracing or tracing is in progress (the case is ${row.state})`, { state: row.state });
      }
      const sources = await loadPacketSources(tx, caseId);
      const missing = missingPreconditions(sources);
      if (missing.length || !sources.consent || !sources.riskCheck) {
        throw new AppError('TRANSITION_NOT_ALLOWED', 'The tracing packet cannot leave: preconditions are missing', { unmet: missing });
      }

      const now = this.clock.now();
      const problems: FieldError[] = [];
      const mission = await this.resolveMission(tx, input, problems);
      const members = new Map(sources.familyMembers.map((m) => [m.id, m]));
      input.targetMemberIds.forEach((id, i) => {
        const member = members.get(id);
        if (!member) problems.push(fieldError(`targetMemberIds.${i}`, 'not_found', 'Not a family member of this case'));
        else if (member.do_not_contact) problems.push(fieldError(`targetMemberIds.${i}`, 'do_not_contact', `${member.relationship} is flagged "do not contact"`));
      });
      let dueAt = addRomeDays(now, TRACING_DEFAULT_SLA_DAYS);
      if (input.dueAt !== undefined) {
        dueAt = new Date(input.dueAt);
        if (dueAt.getTime() <= now.getTime()) problems.push(fieldError('dueAt', 'not_in_future', 'The due date must be in the future'));
        else if (dueAt.getTime() > now.getTime() + TRACING_MAX_SLA_DAYS * DAY_MS) problems.push(fieldError('dueAt', 'too_far', `At most ${TRACING_MAX_SLA_DAYS} days ahead`));
      }
      if (problems.length || !mission) throw invalid('The tracing request cannot be sent as written', problems);

      const packet = buildTracingPacket({
        generatedAt: now,
        targetCountry: mission.targetCountry,
        minor: sources.minor,
        familyMembers: sources.familyMembers,
        targetMemberIds: input.targetMemberIds,
        questions: input.questions,
        safetyNotes: input.safetyNotes ?? null,
        consent: sources.consent,
        riskCheck: sources.riskCheck,
      });
      const created = await insertTracingRequest(tx, {
        caseId,
        missionId: mission.id,
        targetCountry: mission.targetCountry,
        packet,
        consentId: sources.consent.id,
        riskCheckId: sources.riskCheck.id,
        targetMemberIds: input.targetMemberIds,
        sentAt: now,
        dueAt,
        sentBy: user.id,
      });
      if (await ensureFieldMissionGrant(tx, caseId, mission.id, user.id, now)) {
        await this.audit.append({ actor: user, action: 'CASE_GRANT_CREATED', entityType: 'case', entityId: caseId, caseId, detail: { relation: 'field_mission', organisationId: mission.id }, ip }, tx);
      }
      await this.requests.record(tx, user, caseId, 'TRACING_REQUEST_SENT', 'tracing_request', created.id, ip, {
        missionId: mission.id,
        targetCountry: mission.targetCountry,
        targetMemberCount: input.targetMemberIds.length,
        dueAt: dueAt.toISOString(),
        packetSha256: created.sha256,
      });

      if (row.state === 'READY_FOR_TRACING') {
        // The request now exists in this transaction, so start_tracing's guard holds; the policy
        // is asked anyway so the move obeys the same table as a manual one.
        await this.transitions.fire(tx, user, row, 'TRACING_IN_PROGRESS', ip);
      } else {
        // The mission's due date is a deadline of the case (the transition recomputes on its own).
        await recomputeTasks(tx, caseId, now);
      }
      const [saved] = await this.requests.requestsOf(tx, 't.id = $1', [created.id]);
      return this.requests.detail(tx, saved!, 'staff');
    });
  }

  private async resolveMission(tx: Executor, input: CreateTracingRequestInput, problems: FieldError[]): Promise<{ id: string; targetCountry: string } | undefined> {
    if (input.missionId) {
      const rows = await tx.query<{ id: string; country: string | null }[]>(`SELECT id, country FROM organisations WHERE id = $1 AND type = 'IOM_MISSION'`, [input.missionId]);
      const mission = rows[0];
      if (!mission) {
        problems.push(fieldError('missionId', 'not_found', 'No IOM mission with this id'));
        return undefined;
      }
      const targetCountry = input.targetCountry ?? mission.country?.trim();
      if (!targetCountry) {
        problems.push(fieldError('targetCountry', 'required', 'The mission has no country: name the target country'));
        return undefined;
      }
      return { id: mission.id, targetCountry };
    }
    const country = input.targetCountry!;
    const rows = await tx.query<{ id: string }[]>(`SELECT id FROM organisations WHERE type = 'IOM_MISSION' AND country = $1 ORDER BY name, id LIMIT 2`, [country]);
    if (rows.length === 0) {
      problems.push(fieldError('targetCountry', 'no_mission', `No IOM mission is registered for ${country}: name the mission that covers it`));
      return undefined;
    }
    if (rows.length > 1) {
      problems.push(fieldError('missionId', 'ambiguous', `More than one IOM mission covers ${country}: name the mission`));
      return undefined;
    }
    return { id: rows[0]!.id, targetCountry: country };
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  async listForMission(user: AuthUser, query: TracingRequestListQuery): Promise<TracingRequestPage> {
    const params: unknown[] = [query.limit + 1];
    const where = [this.requests.fieldScope(user, params)];
    if (query.status) {
      params.push(query.status);
      where.push(`t.status = $${params.length}`);
    }
    if (query.cursor) {
      const [sentAt, id] = decodeCursor(query.cursor, 2);
      if (Number.isNaN(Date.parse(sentAt!)) || !/^[0-9a-f-]{36}$/i.test(id!)) {
        throw invalid('Invalid cursor', [fieldError('query.cursor', 'invalid_cursor', 'Invalid cursor')]);
      }
      params.push(sentAt, id);
      where.push(`(t.sent_at, t.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await this.db.query<(TracingSummaryRow & { sent_at_key: string })[]>(
      `SELECT t.id, t.case_id, t.status, t.target_country, t.sent_at, t.due_at, t.outcome, t.cancelled_at,
              t.packet #>> '{minor,firstName}' AS minor_first_name, t.packet #>> '{minor,lastName}' AS minor_last_name,
              CASE WHEN jsonb_typeof(t.packet -> 'targetMembers') = 'array' THEN jsonb_array_length(t.packet -> 'targetMembers') END AS target_member_count,
              (SELECT count(*) FROM contact_attempts a WHERE a.tracing_request_id = t.id) AS contact_attempt_count,
              to_char(t.sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sent_at_key
         FROM tracing_requests t
        WHERE ${where.join(' AND ')} ORDER BY t.sent_at DESC, t.id DESC LIMIT $1`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const now = this.clock.now();
    return {
      items: page.map((r) => toTracingSummary(r, now)),
      // Microsecond precision in the cursor: a millisecond ISO string would skip or repeat rows.
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.sent_at_key, last.id]) : null,
    };
  }

  // Field officers of the request's mission, or IOM staff who can see the case. Audited as a view.
  async getById(user: AuthUser, id: string, ip: string): Promise<TracingRequestDetail> {
    let row: TracingRequestRow | undefined;
    let audience: Audience;
    if (user.role === 'field_officer') {
      audience = 'field';
      row = await this.requests.fieldRequest(this.db, user, id);
    } else {
      audience = 'staff';
      const [candidate] = await this.requests.requestsOf(this.db, 't.id = $1', [id]);
      if (candidate && (await this.cases.findVisibleById(user, candidate.case_id))) row = candidate;
    }
    if (!row) {
      await this.audit.append({ actor: user, action: 'TRACING_REQUEST_ACCESS_DENIED', entityType: 'tracing_request', entityId: id, ip });
      throw notFound('Tracing request');
    }
    await this.audit.append({ actor: user, action: 'TRACING_REQUEST_VIEWED', entityType: 'tracing_request', entityId: id, caseId: row.case_id, detail: { status: row.status }, ip });
    return this.requests.detail(this.db, row, audience);
  }

  async caseTracing(user: AuthUser, caseId: string, ip: string): Promise<CaseTracing> {
    await this.requests.visibleCase(this.db, user, caseId, { open: false });
    const requests = await this.requests.requestsOf(this.db, 't.case_id = $1', [caseId]);
    const parts = await this.requests.partsOf(this.db, requests.map((r) => r.id));
    const [consents, assessments] = await Promise.all([
      this.db.query<FamilyConsentRow[]>(`SELECT ${CONSENT_COLUMNS} FROM consents WHERE case_id = $1 AND subject = 'FAMILY_MEMBER' ORDER BY given_at, id`, [caseId]),
      this.db.query<AssessmentRow[]>(`SELECT ${ASSESSMENT_COLUMNS} FROM ${ASSESSMENT_FROM} WHERE a.case_id = $1`, [caseId]),
    ]);
    await this.audit.append({ actor: user, action: 'CASE_TRACING_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    const now = this.clock.now();
    return {
      requests: requests.map((r) => toTracingRequestDetail(r, parts.get(r.id)!, 'staff', now)),
      familyConsents: consents.map(toFamilyConsent),
      assessment: assessments[0] ? toAssessment(assessments[0], 'staff') : null,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Field officer: work on an open request of their mission

  async addContactAttempt(user: AuthUser, id: string, input: CreateContactAttemptInput, ip: string): Promise<ContactAttempt> {
    return this.requests.fieldWrite(user, id, async (tx, row) => {
      this.requests.requireOpen(row);
      if (input.familyMemberId) await this.requests.contactableMember(tx, row.case_id, input.familyMemberId, 'familyMemberId');
      this.requests.checkWhen(input.attemptedAt, row.sent_at, 'attemptedAt');
      const rows = await tx.query<ContactAttemptRow[]>(
        `INSERT INTO contact_attempts (tracing_request_id, attempted_at, channel, result, family_member_id, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, attempted_at, channel, result, family_member_id, created_at`,
        [row.id, input.attemptedAt, input.channel, input.result, input.familyMemberId ?? null, user.id, this.clock.now()],
      );
      await this.requests.touchRequest(tx, row, true);
      await this.requests.record(tx, user, row.case_id, 'CONTACT_ATTEMPT_RECORDED', 'tracing_request', row.id, ip, {
        contactAttemptId: rows[0]!.id,
        channel: input.channel,
        familyMemberId: input.familyMemberId ?? null,
      });
      return toContactAttempt(rows[0]!);
    });
  }

  // The family's consent to the interview and to sharing the report (domain.md §3.13, §4 #8 and
  // #11). Collected during the search or at the interview after the family was located.
  async addFamilyConsent(user: AuthUser, id: string, input: CreateFamilyConsentInput, ip: string): Promise<FamilyConsent> {
    return this.requests.fieldWrite(user, id, async (tx, row) => {
      if (!isOpenStatus(row.status) && !(row.status === 'COMPLETED' && row.outcome === 'LOCATED')) {
        throw new AppError('CONFLICT', `The tracing request is closed (${row.status})`, { status: row.status });
      }
      await this.requests.contactableMember(tx, row.case_id, input.familyMemberId, 'familyMemberId');
      this.requests.checkWhen(input.givenAt, row.sent_at, 'givenAt');
      const rows = await tx.query<FamilyConsentRow[]>(
        `INSERT INTO consents (case_id, subject, family_member_id, scope, language, mediator_present, mediator_name, informed_by, given_at, recorded_by, tracing_request_id, created_at)
         VALUES ($1, 'FAMILY_MEMBER', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${CONSENT_COLUMNS}`,
        [row.case_id, input.familyMemberId, input.scope, input.language, input.mediatorPresent, input.mediatorName ?? null, input.informedBy, input.givenAt, user.id, row.id, this.clock.now()],
      );
      await this.requests.touchRequest(tx, row, true);
      await this.requests.record(tx, user, row.case_id, 'CONSENT_RECORDED', 'consent', rows[0]!.id, ip, { subject: 'FAMILY_MEMBER', scope: input.scope, tracingRequestId: row.id });
      return toFamilyConsent(rows[0]!);
    });
  }

  // The mission proposes; Rome confirms with confirm_located / confirm_not_located / … (§4 #7).
  async recordOutcome(user: AuthUser, id: string, input: RecordTracingOutcomeInput, ip: string): Promise<TracingRequestDetail> {
    return this.requests.fieldWrite(user, id, async (tx, row) => {
      this.requests.requireOpen(row);
      const attempts = await tx.query<{ n: string }[]>(`SELECT count(*) AS n FROM contact_attempts WHERE tracing_request_id = $1`, [row.id]);
      if (Number(attempts[0]?.n ?? 0) === 0) throw unmet('CONTACT_ATTEMPT_LOGGED', 'Log at least one contact attempt before recording the outcome');
      const status = input.outcome === 'LOCATED' ? 'COMPLETED' : 'FAILED';
      const now = this.clock.now();
      await tx.query(
        `UPDATE tracing_requests SET status = $2, outcome = $3, outcome_notes = $4, interview_mode = $5, outcome_recorded_at = $6, outcome_recorded_by = $7,
            version = version + 1, updated_at = $6 WHERE id = $1`,
        [row.id, status, input.outcome, input.notes, input.interviewMode ?? null, now, user.id],
      );
      await this.requests.record(tx, user, row.case_id, 'TRACING_OUTCOME_RECORDED', 'tracing_request', row.id, ip, { outcome: input.outcome, status });
      await recomputeTasks(tx, row.case_id, now);
      const saved = await this.requests.fieldRequest(tx, user, id);
      return this.requests.detail(tx, saved!, 'field');
    });
  }
}
