import { Injectable } from '@nestjs/common';
import {
  MINOR_FIELDS,
  isClosedState,
  type AssignCaseInput,
  type CaseAssignment,
  type IncomingRequestPage,
  type IncomingRequestQuery,
  type MinorInput,
  type PortalTracingRequestInput,
  type PortalTracingRequestResult,
  romeDay,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { FieldProblems, checkUser, notInFuture } from '../cases/case-input.checks';
import { formatCaseNumber } from '../cases/case-intake.service';
import { CasesRepository, visibleCasePredicate } from '../cases/cases.repository';
import { MINOR_COLUMNS } from '../cases/minor-columns';
import { Db, type Executor } from '../database/db';
import { recomputeTasks } from '../tasks/task-recompute';
import { CaseChanges, appendCaseHistory } from '../workflow/case-changes';

interface IncomingRow {
  id: string;
  case_id: string;
  case_number: string;
  state: IncomingRequestPage['items'][number]['state'];
  submitted_at: Date;
  organisation_id: string;
  organisation_name: string;
  submitted_by: string;
  submitted_by_name: string;
  first_name: string;
  last_name: string;
  sex: 'M' | 'F' | 'X';
  nationality: string;
  date_of_birth: string | null;
  channel: 'DG_MLPS' | 'OTHER';
  dg_protocol_no: string | null;
  questions: string[];
  family_information: string | null;
  assigned_caseworker: { id: string; name: string } | null;
}

const liveAssignment = (now: number) =>
  `(SELECT json_build_object('id', u.id, 'name', u.display_name) FROM case_grants g JOIN users u ON u.id = g.user_id
     WHERE g.case_id = c.id AND g.relation = 'assigned_caseworker' AND (g.expires_at IS NULL OR g.expires_at > $${now}) ORDER BY g.created_at DESC LIMIT 1)`;

// Requests that arrive from social services through the portal (domain §0.2 channel a, §4 #1), the
// supervisor's queue of them, and the assignment of a caseworker.
@Injectable()
export class IntakeRequestsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
    private readonly changes: CaseChanges,
  ) {}

  // The office's request becomes a case in RECEIVED: the unit supervises it, the office follows it
  // (social_services grant), and nobody works on it until a supervisor assigns a caseworker. The
  // minor is always registered anew: the office never sees other cases, so duplicates are IOM's
  // to find at screening (POST /api/minors/search).
  async submit(user: AuthUser, input: PortalTracingRequestInput, ip: string): Promise<PortalTracingRequestResult> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const today = romeDay(now);
      const requestDate = input.requestDate ?? today;
      const problems = new FieldProblems();
      notInFuture(problems, 'requestDate', requestDate, today);
      notInFuture(problems, 'minor.dateOfBirth', input.minor.dateOfBirth, today);
      notInFuture(problems, 'minor.arrivalDate', input.minor.arrivalDate, today);
      if (input.dgProtocolNo && input.channel !== 'DG_MLPS') problems.add('dgProtocolNo', 'not_allowed', 'A protocol number belongs to a request sent through the Directorate-General');
      problems.throwIfAny();
      // The unit that receives portal requests: the (first) IOM unit.
      const unit = (await tx.query<{ id: string }[]>(`SELECT id FROM organisations WHERE type = 'IOM_UNIT' ORDER BY created_at, id LIMIT 1`))[0];
      if (!unit) throw new AppError('CONFLICT', 'No IOM unit is set up to receive requests');

      const minorId = await this.insertMinor(tx, input.minor, now);
      const sequence = await tx.query<{ n: string }[]>(`SELECT nextval('case_number_seq') AS n`);
      const caseNumber = formatCaseNumber(requestDate, sequence[0]!.n);
      const caseId = (
        await tx.query<{ id: string }[]>(
          `INSERT INTO cases (case_number, minor_id, state, priority, channel, request_date, requesting_organisation_id, dg_protocol_no, created_by, created_at, updated_at)
           VALUES ($1, $2, 'RECEIVED', 'NORMAL', $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
          [caseNumber, minorId, input.channel, requestDate, user.organisationId, input.dgProtocolNo ?? null, user.id, now],
        )
      )[0]!.id;
      await tx.query(
        `INSERT INTO case_grants (case_id, user_id, organisation_id, relation, granted_by, reason, created_at)
         VALUES ($1, NULL, $2, 'supervising_unit', $4, 'portal request', $5), ($1, NULL, $3, 'social_services', $4, 'portal request', $5)`,
        [caseId, unit.id, user.organisationId, user.id, now],
      );
      const requestId = (
        await tx.query<{ id: string }[]>(
          `INSERT INTO external_requests (case_id, organisation_id, submitted_by, submitted_at, channel, questions, family_information)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [caseId, user.organisationId, user.id, now, input.channel, JSON.stringify(input.questions), input.familyInformation ?? null],
        )
      )[0]!.id;
      await appendCaseHistory(tx, {
        caseId, at: now, actorId: user.id, kind: 'CASE_CREATED', toState: 'RECEIVED',
        detail: { caseNumber, channel: input.channel, minorId, newMinor: true, via: 'portal', requestId },
      });
      await this.audit.append({ actor: user, action: 'MINOR_CREATED', entityType: 'minor', entityId: minorId, caseId, ip }, tx);
      await this.audit.append(
        { actor: user, action: 'CASE_CREATED', entityType: 'case', entityId: caseId, caseId, detail: { caseNumber, minorId, newMinor: true, via: 'portal', requestId, grants: ['supervising_unit', 'social_services'] }, ip },
        tx,
      );
      await recomputeTasks(tx, caseId, now);
      return { requestId, caseId, caseNumber, state: 'RECEIVED', submittedAt: now.toISOString() };
    });
  }

  private async insertMinor(tx: Executor, minor: MinorInput, now: Date): Promise<string> {
    const fields = MINOR_FIELDS.filter((f) => minor[f] !== undefined);
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO minors (${fields.map((f) => MINOR_COLUMNS[f]).join(', ')}, created_at, updated_at)
       VALUES (${fields.map((_, i) => `$${i + 1}`).join(', ')}, $${fields.length + 1}, $${fields.length + 1}) RETURNING id`,
      [...fields.map((f) => minor[f]), now],
    );
    return rows[0]!.id;
  }

  // Staff: the portal requests on the cases they see (a supervisor: the unit's; a caseworker: the
  // ones assigned to them), newest first; ?unassigned=true for those waiting for a caseworker.
  async incoming(user: AuthUser, query: IncomingRequestQuery, ip: string): Promise<IncomingRequestPage> {
    const now = this.clock.now();
    const params: unknown[] = [query.limit + 1, now];
    const where = [visibleCasePredicate(user, now, params)];
    if (query.unassigned !== undefined) {
      where.push(`${query.unassigned ? 'NOT ' : ''}EXISTS (SELECT 1 FROM case_grants ga WHERE ga.case_id = c.id AND ga.relation = 'assigned_caseworker' AND (ga.expires_at IS NULL OR ga.expires_at > $2))`);
    }
    if (query.cursor) {
      const [submittedAt, id] = decodeCursor(query.cursor, 2);
      params.push(submittedAt, id);
      where.push(`(r.submitted_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await this.db.query<IncomingRow[]>(
      `SELECT r.id, r.case_id, c.case_number, c.state, r.submitted_at, o.id AS organisation_id, o.name AS organisation_name, r.submitted_by,
              u.display_name AS submitted_by_name, m.first_name, m.last_name, m.sex, btrim(m.nationality) AS nationality,
              to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, r.channel, c.dg_protocol_no, r.questions, r.family_information,
              ${liveAssignment(2)} AS assigned_caseworker
         FROM external_requests r JOIN cases c ON c.id = r.case_id JOIN minors m ON m.id = c.minor_id
         JOIN organisations o ON o.id = r.organisation_id JOIN users u ON u.id = r.submitted_by
        WHERE ${where.join(' AND ')}
        ORDER BY r.submitted_at DESC, r.id DESC LIMIT $1`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    await this.audit.append({ actor: user, action: 'INCOMING_REQUESTS_VIEWED', entityType: 'external_request', detail: { items: page.length, unassigned: query.unassigned ?? null }, ip });
    return {
      items: page.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        caseNumber: r.case_number,
        state: r.state,
        submittedAt: r.submitted_at.toISOString(),
        organisation: { id: r.organisation_id, name: r.organisation_name },
        submittedBy: { id: r.submitted_by, displayName: r.submitted_by_name },
        minor: { firstName: r.first_name, lastName: r.last_name, sex: r.sex, nationality: r.nationality, dateOfBirth: r.date_of_birth },
        channel: r.channel,
        dgProtocolNo: r.dg_protocol_no,
        questions: r.questions,
        familyInformation: r.family_information,
        assignedCaseworker: r.assigned_caseworker,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.submitted_at.toISOString(), last.id]) : null,
    };
  }

  // A supervisor assigns (or reassigns) the case's caseworker: the current caseworker's grant ends
  // now, the new one starts; history and audit in the same transaction.
  async assign(user: AuthUser, caseId: string, input: AssignCaseInput, ip: string): Promise<CaseAssignment> {
    return this.db.transaction(async (tx) => {
      const row = await this.cases.findVisibleById(user, caseId, tx, { lock: true });
      if (!row) throw notFound('Case');
      if (isClosedState(row.state)) throw new AppError('CONFLICT', `The case is closed (${row.state}); reopen it first`);
      const problems = new FieldProblems();
      await checkUser(tx, problems, 'caseworkerId', input.caseworkerId, 'caseworker', user.organisationId);
      problems.throwIfAny();
      const now = this.clock.now();
      const current = await tx.query<{ id: string; name: string }[]>(
        `SELECT u.id, u.display_name AS name FROM case_grants g JOIN users u ON u.id = g.user_id
          WHERE g.case_id = $1 AND g.relation = 'assigned_caseworker' AND (g.expires_at IS NULL OR g.expires_at > $2) ORDER BY g.created_at DESC`,
        [caseId, now],
      );
      if (current.some((c) => c.id === input.caseworkerId)) throw new AppError('CONFLICT', 'The case is already assigned to this caseworker');
      await tx.query(`UPDATE case_grants SET expires_at = $2 WHERE case_id = $1 AND relation = 'assigned_caseworker' AND (expires_at IS NULL OR expires_at > $2)`, [caseId, now]);
      await tx.query(
        `INSERT INTO case_grants (case_id, user_id, relation, granted_by, reason, created_at) VALUES ($1, $2, 'assigned_caseworker', $3, $4, $5)`,
        [caseId, input.caseworkerId, user.id, input.reason ?? 'assignment', now],
      );
      const assigned = (await tx.query<{ id: string; name: string }[]>(`SELECT id, display_name AS name FROM users WHERE id = $1`, [input.caseworkerId]))[0]!;
      const previous = current[0] ?? null;
      const detail = { caseworkerId: assigned.id, previousCaseworkerId: previous?.id ?? null, reason: input.reason ?? null };
      await this.changes.record(tx, { user, caseId, action: 'CASE_ASSIGNED', entity: { type: 'case', id: caseId }, ip, at: now, detail, history: detail, recomputeTasks: false });
      return { caseId, assignedCaseworker: assigned, previousCaseworker: previous, assignedAt: now.toISOString() };
    });
  }
}
