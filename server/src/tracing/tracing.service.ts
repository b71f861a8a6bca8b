import { Injectable } from '@nestjs/common';
import {
  ASSESSMENT_SECTION_KEYS,
  TRACING_DEFAULT_SLA_DAYS,
  TRACING_MAX_SLA_DAYS,
  isClosedState,
  type AssessmentSections,
  type CaseState,
  type CaseTracing,
  type ContactAttempt,
  type CreateContactAttemptInput,
  type CreateFamilyConsentInput,
  type CreateTracingRequestInput,
  type FamilyAssessment,
  type FamilyConsent,
  type FieldError,
  type GuardCode,
  type PutAssessmentTranslationInput,
  type PutFamilyAssessmentInput,
  type RecordTracingOutcomeInput,
  type TracingRequestDetail,
  type TracingRequestListQuery,
  type TracingRequestPage,
  addRomeDays,
  romeDay,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { CasesRepository, type CaseRow } from '../cases/cases.repository';
import { recomputeTasks } from '../tasks/task-recompute';
import { Db, type Executor } from '../database/db';
import { CaseTransitionService } from '../workflow/case-transition.service';
import { buildTracingPacket } from './tracing-packet';
import {
  PERSONS_SEPARATOR,
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
  type RequestParts,
  type TracingRequestRow,
  type TracingSummaryRow,
} from './tracing.mapper';
import { DAY_MS, ensureFieldMissionGrant, insertTracingRequest, loadPacketSources, missingPreconditions } from './tracing.store';
import { CaseChanges } from '../workflow/case-changes';
import { parseIfMatchVersion, requireIfMatch } from '../common/if-match';

export { createTracingRequestForSeed, type SeedTracingRequest } from './tracing.store';

// States in which a packet may be sent (a second packet, to another mission or with other
// targets, while tracing is already in progress is allowed).
const SENDABLE_STATES: readonly CaseState[] = ['READY_FOR_TRACING', 'TRACING_IN_PROGRESS'];
// States in which the mission may still write or correct the original assessment: once the report
// goes to quality control the field officer's original is frozen (domain.md §2 supervisor row).
const ASSESSMENT_WRITABLE_STATES: readonly CaseState[] = ['TRACING_IN_PROGRESS', 'FAMILY_LOCATED', 'ASSESSMENT_DONE', 'REPORT_DRAFTING'];
// Clock skew tolerated on "when did it happen" fields recorded from the field.
const FUTURE_SKEW_MS = 5 * 60_000;

// If-Match carries the assessment version ("3", W/"3" or 3), as parseIfMatch does for cases.
export const parseAssessmentIfMatch = (header: string | undefined): number | undefined => parseIfMatchVersion(header, 'assessment version');
const requireAssessmentVersion = (version: number | undefined): number => requireIfMatch(version, 'assessment version');
const staleAssessment = (current: number | null) =>
  new AppError('PRECONDITION_FAILED', 'The assessment was changed by someone else: reload it and try again', { currentVersion: current });

const fieldError = (path: string, code: string, message: string): FieldError => ({ path, code, message });
const invalid = (message: string, fields: FieldError[]) => new AppError('VALIDATION_FAILED', message, { fields });
const unmet = (code: GuardCode, message: string) => new AppError('TRANSITION_NOT_ALLOWED', message, { unmet: [{ code, message }] });

const REQUEST_COLUMNS = `t.id, t.case_id, t.mission_id, o.name AS mission_name, t.target_country, t.status, t.packet, t.packet_sha256, t.sent_at,
  t.due_at, t.outcome, t.outcome_notes, t.outcome_recorded_at, t.interview_mode, t.cancelled_at, t.cancel_reason, t.version`;
const ASSESSMENT_COLUMNS = `a.id, a.case_id, a.tracing_request_id, to_char(a.interview_date, 'YYYY-MM-DD') AS interview_date, a.interview_mode,
  a.persons_present, a.language_original, a.sections_original, a.sections_it, w.display_name AS written_by_name,
  tu.display_name AS translated_by_name, a.translated_at, a.translated_from_version, a.version, a.created_at, a.updated_at`;
const ASSESSMENT_FROM = `family_assessments a LEFT JOIN users w ON w.id = a.written_by LEFT JOIN users tu ON tu.id = a.translated_by`;
const CONSENT_COLUMNS = `id, family_member_id, tracing_request_id, scope, language, mediator_present, mediator_name, informed_by, given_at, withdrawn_at`;

@Injectable()
export class TracingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly transitions: CaseTransitionService,
    private readonly audit: AuditService,
    private readonly changes: CaseChanges,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Scope

  // A field officer reaches a request only when it was sent to their own mission and the mission
  // holds a live field_mission grant on the case. Anyone else: no rows (404).
  private fieldScope(user: AuthUser, params: unknown[], alias = 't'): string {
    if (user.role !== 'field_officer' || user.organisationType !== 'IOM_MISSION') return 'false';
    params.push(user.organisationId, this.clock.now());
    const n = params.length;
    return `${alias}.mission_id = $${n - 1}::uuid AND EXISTS (SELECT 1 FROM case_grants g WHERE g.case_id = ${alias}.case_id
      AND g.relation = 'field_mission' AND g.organisation_id = $${n - 1}::uuid AND (g.expires_at IS NULL OR g.expires_at > $${n}))`;
  }

  private async fieldRequest(executor: Executor, user: AuthUser, id: string, lock = false): Promise<TracingRequestRow | undefined> {
    const params: unknown[] = [id];
    const rows = await executor.query<TracingRequestRow[]>(
      `SELECT ${REQUEST_COLUMNS} FROM tracing_requests t JOIN organisations o ON o.id = t.mission_id
        WHERE t.id = $1 AND ${this.fieldScope(user, params)}${lock ? ' FOR UPDATE OF t' : ''}`,
      params,
    );
    return rows[0];
  }

  private async requestsOf(executor: Executor, where: string, params: unknown[]): Promise<TracingRequestRow[]> {
    return executor.query<TracingRequestRow[]>(
      `SELECT ${REQUEST_COLUMNS} FROM tracing_requests t JOIN organisations o ON o.id = t.mission_id WHERE ${where} ORDER BY t.sent_at, t.id`,
      params,
    );
  }

  private async partsOf(executor: Executor, requestIds: string[]): Promise<Map<string, RequestParts>> {
    const [attempts, consents, assessments] = await Promise.all([
      executor.query<(ContactAttemptRow & { tracing_request_id: string })[]>(
        `SELECT id, tracing_request_id, attempted_at, channel, result, family_member_id, created_at FROM contact_attempts
          WHERE tracing_request_id = ANY($1::uuid[]) ORDER BY attempted_at, id`,
        [requestIds],
      ),
      executor.query<FamilyConsentRow[]>(
        `SELECT ${CONSENT_COLUMNS} FROM consents WHERE tracing_request_id = ANY($1::uuid[]) AND subject = 'FAMILY_MEMBER' ORDER BY given_at, id`,
        [requestIds],
      ),
      executor.query<AssessmentRow[]>(`SELECT ${ASSESSMENT_COLUMNS} FROM ${ASSESSMENT_FROM} WHERE a.tracing_request_id = ANY($1::uuid[])`, [requestIds]),
    ]);
    const parts = new Map<string, RequestParts>(requestIds.map((id) => [id, { attempts: [], consents: [], assessment: undefined }]));
    for (const a of attempts) parts.get(a.tracing_request_id)?.attempts.push(a);
    for (const c of consents) if (c.tracing_request_id) parts.get(c.tracing_request_id)?.consents.push(c);
    for (const a of assessments) {
      const part = parts.get(a.tracing_request_id);
      if (part) part.assessment = a;
    }
    return parts;
  }

  private async detail(executor: Executor, row: TracingRequestRow, audience: Audience): Promise<TracingRequestDetail> {
    const parts = (await this.partsOf(executor, [row.id])).get(row.id)!;
    return toTracingRequestDetail(row, parts, audience, this.clock.now());
  }

  // Same pattern as CaseFileService.record: history, the case's updated_at and the audit event in
  // the caller's transaction.
  private record(tx: Executor, user: AuthUser, caseId: string, action: string, entityType: string, entityId: string, ip: string, detail: Record<string, unknown> = {}) {
    return this.changes.record(tx, { user, caseId, action, entity: { type: entityType, id: entityId }, ip, detail });
  }

  private async visibleCase(tx: Executor, user: AuthUser, caseId: string, { lock = false, open = true } = {}): Promise<CaseRow> {
    const row = await this.cases.findVisibleById(user, caseId, tx, { lock });
    if (!row) throw notFound('Case');
    if (open && isClosedState(row.state)) throw new AppError('CONFLICT', `The case is closed (${row.state})`, { state: row.state });
    return row;
  }

  // ---------------------------------------------------------------------------------------------
  // IOM Rome: send a packet

  async create(user: AuthUser, caseId: string, input: CreateTracingRequestInput, ip: string): Promise<TracingRequestDetail> {
    return this.db.transaction(async (tx) => {
      // The case row stays locked until commit: a consent withdrawal or a transition on the same
      // case waits, so the checks below hold when the packet is written.
      const row = await this.visibleCase(tx, user, caseId, { lock: true });
      if (!SENDABLE_STATES.includes(row.state)) {
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
      await this.record(tx, user, caseId, 'TRACING_REQUEST_SENT', 'tracing_request', created.id, ip, {
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
      const [saved] = await this.requestsOf(tx, 't.id = $1', [created.id]);
      return this.detail(tx, saved!, 'staff');
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
    const where = [this.fieldScope(user, params)];
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
      row = await this.fieldRequest(this.db, user, id);
    } else {
      audience = 'staff';
      const [candidate] = await this.requestsOf(this.db, 't.id = $1', [id]);
      if (candidate && (await this.cases.findVisibleById(user, candidate.case_id))) row = candidate;
    }
    if (!row) {
      await this.audit.append({ actor: user, action: 'TRACING_REQUEST_ACCESS_DENIED', entityType: 'tracing_request', entityId: id, ip });
      throw notFound('Tracing request');
    }
    await this.audit.append({ actor: user, action: 'TRACING_REQUEST_VIEWED', entityType: 'tracing_request', entityId: id, caseId: row.case_id, detail: { status: row.status }, ip });
    return this.detail(this.db, row, audience);
  }

  async caseTracing(user: AuthUser, caseId: string, ip: string): Promise<CaseTracing> {
    await this.visibleCase(this.db, user, caseId, { open: false });
    const requests = await this.requestsOf(this.db, 't.case_id = $1', [caseId]);
    const parts = await this.partsOf(this.db, requests.map((r) => r.id));
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

  // Locks the case row first (the order transitions and withdrawals use), then the request, so a
  // withdrawal either cancels the request before this write sees it or waits for it to commit.
  private fieldWrite<T>(user: AuthUser, id: string, work: (tx: Executor, row: TracingRequestRow, caseState: CaseState) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const located = await this.fieldRequest(tx, user, id);
      if (!located) throw notFound('Tracing request');
      const caseRows = await tx.query<{ state: CaseState }[]>(`SELECT state FROM cases WHERE id = $1 FOR UPDATE`, [located.case_id]);
      const row = await this.fieldRequest(tx, user, id, true);
      if (!row || !caseRows[0]) throw notFound('Tracing request');
      if (row.status === 'CANCELLED') throw new AppError('CONFLICT', 'The tracing request was cancelled: stop all field activity', { status: row.status });
      const state = caseRows[0].state;
      if (isClosedState(state) || state === 'ON_HOLD') throw new AppError('CONFLICT', 'Field activity on this request is suspended', { status: row.status });
      return work(tx, row, state);
    });
  }

  private requireOpen(row: TracingRequestRow) {
    if (!isOpenStatus(row.status)) throw new AppError('CONFLICT', `The tracing request is closed (${row.status})`, { status: row.status });
  }

  private async touchRequest(tx: Executor, row: TracingRequestRow, startWork: boolean) {
    await tx.query(
      `UPDATE tracing_requests SET version = version + 1, updated_at = $2, status = CASE WHEN $3 AND status = 'SENT' THEN 'IN_PROGRESS' ELSE status END WHERE id = $1`,
      [row.id, this.clock.now(), startWork],
    );
  }

  // A relative the field may act on: on this case and not "do not contact" (checked against the
  // case file as it is now, not the packet: a flag added after sending still blocks).
  private async contactableMember(tx: Executor, caseId: string, memberId: string, path: string) {
    const rows = await tx.query<{ do_not_contact: boolean; relationship: string }[]>(`SELECT do_not_contact, relationship FROM family_members WHERE id = $1 AND case_id = $2`, [memberId, caseId]);
    const member = rows[0];
    if (!member) throw invalid('Unknown family member', [fieldError(path, 'not_found', 'Not a family member of this case')]);
    if (member.do_not_contact) throw invalid('This family member must not be contacted', [fieldError(path, 'do_not_contact', `${member.relationship} is flagged "do not contact"`)]);
  }

  // Times are entered to the minute (the forms' date-time fields): an attempt or a consent in the
  // minute the request was sent is not "before" it.
  private checkWhen(iso: string, sentAt: Date, path: string) {
    const at = new Date(iso).getTime();
    if (at > this.clock.now().getTime() + FUTURE_SKEW_MS) throw invalid('The date is in the future', [fieldError(path, 'in_future', 'Cannot be in the future')]);
    const sentMinute = Math.floor(sentAt.getTime() / 60_000) * 60_000;
    if (at < sentMinute) throw invalid('The date is before the request was sent', [fieldError(path, 'before_sent', 'Cannot be before the request was sent')]);
  }

  async addContactAttempt(user: AuthUser, id: string, input: CreateContactAttemptInput, ip: string): Promise<ContactAttempt> {
    return this.fieldWrite(user, id, async (tx, row) => {
      this.requireOpen(row);
      if (input.familyMemberId) await this.contactableMember(tx, row.case_id, input.familyMemberId, 'familyMemberId');
      this.checkWhen(input.attemptedAt, row.sent_at, 'attemptedAt');
      const rows = await tx.query<ContactAttemptRow[]>(
        `INSERT INTO contact_attempts (tracing_request_id, attempted_at, channel, result, family_member_id, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, attempted_at, channel, result, family_member_id, created_at`,
        [row.id, input.attemptedAt, input.channel, input.result, input.familyMemberId ?? null, user.id, this.clock.now()],
      );
      await this.touchRequest(tx, row, true);
      await this.record(tx, user, row.case_id, 'CONTACT_ATTEMPT_RECORDED', 'tracing_request', row.id, ip, {
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
    return this.fieldWrite(user, id, async (tx, row) => {
      if (!isOpenStatus(row.status) && !(row.status === 'COMPLETED' && row.outcome === 'LOCATED')) {
        throw new AppError('CONFLICT', `The tracing request is closed (${row.status})`, { status: row.status });
      }
      await this.contactableMember(tx, row.case_id, input.familyMemberId, 'familyMemberId');
      this.checkWhen(input.givenAt, row.sent_at, 'givenAt');
      const rows = await tx.query<FamilyConsentRow[]>(
        `INSERT INTO consents (case_id, subject, family_member_id, scope, language, mediator_present, mediator_name, informed_by, given_at, recorded_by, tracing_request_id, created_at)
         VALUES ($1, 'FAMILY_MEMBER', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${CONSENT_COLUMNS}`,
        [row.case_id, input.familyMemberId, input.scope, input.language, input.mediatorPresent, input.mediatorName ?? null, input.informedBy, input.givenAt, user.id, row.id, this.clock.now()],
      );
      await this.touchRequest(tx, row, true);
      await this.record(tx, user, row.case_id, 'CONSENT_RECORDED', 'consent', rows[0]!.id, ip, { subject: 'FAMILY_MEMBER', scope: input.scope, tracingRequestId: row.id });
      return toFamilyConsent(rows[0]!);
    });
  }

  // The mission proposes; Rome confirms with confirm_located / confirm_not_located / … (§4 #7).
  async recordOutcome(user: AuthUser, id: string, input: RecordTracingOutcomeInput, ip: string): Promise<TracingRequestDetail> {
    return this.fieldWrite(user, id, async (tx, row) => {
      this.requireOpen(row);
      const attempts = await tx.query<{ n: string }[]>(`SELECT count(*) AS n FROM contact_attempts WHERE tracing_request_id = $1`, [row.id]);
      if (Number(attempts[0]?.n ?? 0) === 0) throw unmet('CONTACT_ATTEMPT_LOGGED', 'Log at least one contact attempt before recording the outcome');
      const status = input.outcome === 'LOCATED' ? 'COMPLETED' : 'FAILED';
      const now = this.clock.now();
      await tx.query(
        `UPDATE tracing_requests SET status = $2, outcome = $3, outcome_notes = $4, interview_mode = $5, outcome_recorded_at = $6, outcome_recorded_by = $7,
            version = version + 1, updated_at = $6 WHERE id = $1`,
        [row.id, status, input.outcome, input.notes, input.interviewMode ?? null, now, user.id],
      );
      await this.record(tx, user, row.case_id, 'TRACING_OUTCOME_RECORDED', 'tracing_request', row.id, ip, { outcome: input.outcome, status });
      await recomputeTasks(tx, row.case_id, now);
      const saved = await this.fieldRequest(tx, user, id);
      return this.detail(tx, saved!, 'field');
    });
  }

  // The assessment in the original language: created without If-Match, changed with If-Match =
  // its version (428 without, 412 when stale). Needs the outcome LOCATED and the family's consent
  // to the interview.
  async putAssessment(user: AuthUser, id: string, input: PutFamilyAssessmentInput, ifMatch: string | undefined, ip: string): Promise<FamilyAssessment> {
    const expected = parseAssessmentIfMatch(ifMatch);
    return this.fieldWrite(user, id, async (tx, row, caseState) => {
      if (row.status === 'FAILED') throw new AppError('CONFLICT', `The tracing request is closed (${row.status})`, { status: row.status });
      if (row.outcome !== 'LOCATED') throw unmet('TRACING_OUTCOME_RECORDED', 'Record the outcome LOCATED before writing the family assessment');
      if (!ASSESSMENT_WRITABLE_STATES.includes(caseState)) {
        throw new AppError('CONFLICT', `The original assessment can no longer be changed (the case is ${caseState})`, { state: caseState });
      }
      const consent = await tx.query(
        `SELECT 1 FROM consents WHERE case_id = $1 AND subject = 'FAMILY_MEMBER' AND scope = 'INTERVIEW' AND withdrawn_at IS NULL LIMIT 1`,
        [row.case_id],
      );
      if (!(consent as unknown[]).length) throw unmet('FAMILY_CONSENT_INTERVIEW', "Record the family's consent to the interview first");
      const today = this.clock.today();
      if (input.interviewDate > today) throw invalid('The interview date is in the future', [fieldError('interviewDate', 'in_future', 'Cannot be in the future')]);
      if (input.interviewDate < romeDay(row.sent_at)) {
        throw invalid('The interview date is before the request was sent', [fieldError('interviewDate', 'before_sent', 'Cannot be before the request was sent')]);
      }

      const now = this.clock.now();
      const existing = (await tx.query<{ id: string; tracing_request_id: string; version: number }[]>(
        `SELECT id, tracing_request_id, version FROM family_assessments WHERE case_id = $1 FOR UPDATE`,
        [row.case_id],
      ))[0];
      const persons = input.personsPresent.join(PERSONS_SEPARATOR);
      const sections = JSON.stringify(input.sections);
      let assessmentId: string;
      if (!existing) {
        if (expected !== undefined) throw staleAssessment(null);
        const rows = await tx.query<{ id: string }[]>(
          `INSERT INTO family_assessments (case_id, tracing_request_id, interview_date, interview_mode, persons_present, language_original, sections_original,
              written_by, updated_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $9) RETURNING id`,
          [row.case_id, row.id, input.interviewDate, input.interviewMode, persons, input.languageOriginal, sections, user.id, now],
        );
        assessmentId = rows[0]!.id;
        await this.record(tx, user, row.case_id, 'FAMILY_ASSESSMENT_WRITTEN', 'family_assessment', assessmentId, ip, { tracingRequestId: row.id, version: 1 });
      } else {
        if (existing.tracing_request_id !== row.id) throw new AppError('CONFLICT', "The case's family assessment was written under another tracing request");
        const version = requireAssessmentVersion(expected);
        if (version !== existing.version) throw staleAssessment(existing.version);
        const rows = await tx.query<{ version: number }[]>(
          `UPDATE family_assessments SET interview_date = $3, interview_mode = $4, persons_present = $5, language_original = $6, sections_original = $7,
              updated_by = $8, updated_at = $9, version = version + 1
            WHERE id = $1 AND version = $2 RETURNING version`,
          [existing.id, version, input.interviewDate, input.interviewMode, persons, input.languageOriginal, sections, user.id, now],
        );
        if (!rows[0]) throw staleAssessment(existing.version);
        assessmentId = existing.id;
        await this.record(tx, user, row.case_id, 'FAMILY_ASSESSMENT_UPDATED', 'family_assessment', assessmentId, ip, { tracingRequestId: row.id, version: rows[0].version });
      }
      await this.touchRequest(tx, row, false);
      const [saved] = await tx.query<AssessmentRow[]>(`SELECT ${ASSESSMENT_COLUMNS} FROM ${ASSESSMENT_FROM} WHERE a.id = $1`, [assessmentId]);
      return toAssessment(saved!, 'field');
    });
  }

  // ---------------------------------------------------------------------------------------------
  // IOM Rome: the Italian translation

  async putTranslation(user: AuthUser, caseId: string, input: PutAssessmentTranslationInput, ifMatch: string | undefined, ip: string): Promise<FamilyAssessment> {
    const expected = parseAssessmentIfMatch(ifMatch);
    return this.db.transaction(async (tx) => {
      await this.visibleCase(tx, user, caseId, { lock: true });
      const existing = (await tx.query<{ id: string; version: number; sections_original: AssessmentSections }[]>(
        `SELECT id, version, sections_original FROM family_assessments WHERE case_id = $1 FOR UPDATE`,
        [caseId],
      ))[0];
      if (!existing) throw notFound('Family assessment');
      const version = requireAssessmentVersion(expected);
      if (version !== existing.version) throw staleAssessment(existing.version);

      // The translation covers exactly the sections the mission wrote.
      const problems: FieldError[] = [];
      const translation = input.sections as AssessmentSections;
      for (const key of ASSESSMENT_SECTION_KEYS) {
        const inOriginal = typeof existing.sections_original[key] === 'string';
        const translated = translation[key] !== undefined;
        if (inOriginal && !translated) problems.push(fieldError(`sections.${key}`, 'required', 'Translate this section'));
        if (!inOriginal && translated) problems.push(fieldError(`sections.${key}`, 'not_in_original', 'The original has no such section'));
      }
      if (problems.length) throw invalid('The translation does not match the original', problems);

      const now = this.clock.now();
      const rows = await tx.query<{ version: number }[]>(
        `UPDATE family_assessments SET sections_it = $3, translated_by = $4, translated_at = $5, translated_from_version = version + 1,
            version = version + 1, updated_at = $5
          WHERE id = $1 AND version = $2 RETURNING version`,
        [existing.id, version, JSON.stringify(translation), user.id, now],
      );
      if (!rows[0]) throw staleAssessment(existing.version);
      await this.record(tx, user, caseId, 'ASSESSMENT_TRANSLATED', 'family_assessment', existing.id, ip, { version: rows[0].version });
      const [saved] = await tx.query<AssessmentRow[]>(`SELECT ${ASSESSMENT_COLUMNS} FROM ${ASSESSMENT_FROM} WHERE a.id = $1`, [existing.id]);
      return toAssessment(saved!, 'staff');
    });
  }
}
