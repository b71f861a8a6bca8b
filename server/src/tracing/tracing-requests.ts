import { Injectable } from '@nestjs/common';
import { isClosedState, type CaseState, type FieldError, type GuardCode, type TracingRequestDetail } from '@app/contracts';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { CasesRepository, type CaseRow } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import { CaseChanges } from '../workflow/case-changes';
import { isOpenStatus, toTracingRequestDetail } from './tracing.mapper';
import type { Audience, AssessmentRow, ContactAttemptRow, FamilyConsentRow, RequestParts, TracingRequestRow } from './tracing.mapper';

export const REQUEST_COLUMNS = `t.id, t.case_id, t.mission_id, o.name AS mission_name, t.target_country, t.status, t.packet, t.packet_sha256, t.sent_at,
  t.due_at, t.outcome, t.outcome_notes, t.outcome_recorded_at, t.interview_mode, t.cancelled_at, t.cancel_reason, t.version`;
export const ASSESSMENT_COLUMNS = `a.id, a.case_id, a.tracing_request_id, to_char(a.interview_date, 'YYYY-MM-DD') AS interview_date, a.interview_mode,
  a.persons_present, a.language_original, a.sections_original, a.sections_it, w.display_name AS written_by_name,
  tu.display_name AS translated_by_name, a.translated_at, a.translated_from_version, a.version, a.created_at, a.updated_at`;
export const ASSESSMENT_FROM = `family_assessments a LEFT JOIN users w ON w.id = a.written_by LEFT JOIN users tu ON tu.id = a.translated_by`;
export const CONSENT_COLUMNS = `id, family_member_id, tracing_request_id, scope, language, mediator_present, mediator_name, informed_by, given_at, withdrawn_at`;
// Clock skew tolerated on "when did it happen" fields recorded from the field.
export const FUTURE_SKEW_MS = 5 * 60_000;

export const fieldError = (path: string, code: string, message: string): FieldError => ({ path, code, message });
export const unmet = (code: GuardCode, message: string) => new AppError('TRANSITION_NOT_ALLOWED', message, { unmet: [{ code, message }] });
export const invalid = (message: string, fields: FieldError[]) => new AppError('VALIDATION_FAILED', message, { fields });

// The tracing requests as each audience may reach them, and what every write on one does around its
// rule (issue 17): the field officer's scope (own mission, live field_mission grant), the request
// with its attempts, consents and assessment, the locks in the order transitions use, the checks
// of an open request, a contactable relative and a plausible time, and the recorded change.
@Injectable()
export class TracingRequests {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
  ) {}

  // A field officer reaches a request only when it was sent to their own mission and the mission
  // holds a live field_mission grant on the case. Anyone else: no rows (404).
  fieldScope(user: AuthUser, params: unknown[], alias = 't'): string {
    if (user.role !== 'field_officer' || user.organisationType !== 'IOM_MISSION') return 'false';
    params.push(user.organisationId, this.clock.now());
    const n = params.length;
    return `${alias}.mission_id = $${n - 1}::uuid AND EXISTS (SELECT 1 FROM case_grants g WHERE g.case_id = ${alias}.case_id
      AND g.relation = 'field_mission' AND g.organisation_id = $${n - 1}::uuid AND (g.expires_at IS NULL OR g.expires_at > $${n}))`;
  }

  async fieldRequest(executor: Executor, user: AuthUser, id: string, lock = false): Promise<TracingRequestRow | undefined> {
    const params: unknown[] = [id];
    const rows = await executor.query<TracingRequestRow[]>(
      `SELECT ${REQUEST_COLUMNS} FROM tracing_requests t JOIN organisations o ON o.id = t.mission_id
        WHERE t.id = $1 AND ${this.fieldScope(user, params)}${lock ? ' FOR UPDATE OF t' : ''}`,
      params,
    );
    return rows[0];
  }

  async requestsOf(executor: Executor, where: string, params: unknown[]): Promise<TracingRequestRow[]> {
    return executor.query<TracingRequestRow[]>(
      `SELECT ${REQUEST_COLUMNS} FROM tracing_requests t JOIN organisations o ON o.id = t.mission_id WHERE ${where} ORDER BY t.sent_at, t.id`,
      params,
    );
  }

  async partsOf(executor: Executor, requestIds: string[]): Promise<Map<string, RequestParts>> {
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

  async detail(executor: Executor, row: TracingRequestRow, audience: Audience): Promise<TracingRequestDetail> {
    const parts = (await this.partsOf(executor, [row.id])).get(row.id)!;
    return toTracingRequestDetail(row, parts, audience, this.clock.now());
  }

  // Same pattern as CaseFileService.record: history, the case's updated_at and the audit event in
  // the caller's transaction.
  record(tx: Executor, user: AuthUser, caseId: string, action: string, entityType: string, entityId: string, ip: string, detail: Record<string, unknown> = {}) {
    return this.changes.record(tx, { user, caseId, action, entity: { type: entityType, id: entityId }, ip, detail });
  }

  async visibleCase(tx: Executor, user: AuthUser, caseId: string, { lock = false, open = true } = {}): Promise<CaseRow> {
    const row = await this.cases.findVisibleById(user, caseId, tx, { lock });
    if (!row) throw notFound('Case');
    if (open && isClosedState(row.state)) throw new AppError('CONFLICT', `The case is closed (${row.state})`, { state: row.state });
    return row;
  }

  // Locks the case row first (the order transitions and withdrawals use), then the request, so a
  // withdrawal either cancels the request before this write sees it or waits for it to commit.
  fieldWrite<T>(user: AuthUser, id: string, work: (tx: Executor, row: TracingRequestRow, caseState: CaseState) => Promise<T>): Promise<T> {
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

  requireOpen(row: TracingRequestRow) {
    if (!isOpenStatus(row.status)) throw new AppError('CONFLICT', `The tracing request is closed (${row.status})`, { status: row.status });
  }

  async touchRequest(tx: Executor, row: TracingRequestRow, startWork: boolean) {
    await tx.query(
      `UPDATE tracing_requests SET version = version + 1, updated_at = $2, status = CASE WHEN $3 AND status = 'SENT' THEN 'IN_PROGRESS' ELSE status END WHERE id = $1`,
      [row.id, this.clock.now(), startWork],
    );
  }

  // A relative the field may act on: on this case and not "do not contact" (checked against the
  // case file as it is now, not the packet: a flag added after sending still blocks).
  async contactableMember(tx: Executor, caseId: string, memberId: string, path: string) {
    const rows = await tx.query<{ do_not_contact: boolean; relationship: string }[]>(`SELECT do_not_contact, relationship FROM family_members WHERE id = $1 AND case_id = $2`, [memberId, caseId]);
    const member = rows[0];
    if (!member) throw invalid('Unknown family member', [fieldError(path, 'not_found', 'Not a family member of this case')]);
    if (member.do_not_contact) throw invalid('This family member must not be contacted', [fieldError(path, 'do_not_contact', `${member.relationship} is flagged "do not contact"`)]);
  }

  // Times are entered to the minute (the forms' date-time fields): an attempt or a consent in the
  // minute the request was sent is not "before" it.
  checkWhen(iso: string, sentAt: Date, path: string) {
    const at = new Date(iso).getTime();
    if (at > this.clock.now().getTime() + FUTURE_SKEW_MS) throw invalid('The date is in the future', [fieldError(path, 'in_future', 'Cannot be in the future')]);
    const sentMinute = Math.floor(sentAt.getTime() / 60_000) * 60_000;
    if (at < sentMinute) throw invalid('The date is before the request was sent', [fieldError(path, 'before_sent', 'Cannot be before the request was sent')]);
  }
}
