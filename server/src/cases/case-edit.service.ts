import { Injectable } from '@nestjs/common';
import {
  AGE_MINOR_FIELDS,
  CASE_EDIT_FIELDS,
  MINOR_FIELDS,
  SENSITIVE_MINOR_FIELDS,
  isClosedState,
  minorAgeIssues,
  type CaseEditField,
  type MinorField,
  type UpdateCaseInput,
  type UpdateMinorInput,
  romeDay,
} from '@app/contracts';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Db, type Executor } from '../database/db';
import { parseIfMatch, staleVersion } from '../workflow/case-transition.service';
import { FieldProblems, REQUESTER_TYPES, checkOrganisation, notInFuture } from './case-input.checks';
import { CasesRepository, type CaseRow } from './cases.repository';
import { MINOR_COLUMNS, MINOR_SELECT, sameValue } from './minor-columns';
import { CaseChanges } from '../workflow/case-changes';

const CASE_COLUMNS: Record<CaseEditField, string> = {
  priority: 'priority',
  riskLevel: 'risk_level',
  channel: 'channel',
  requestDate: 'request_date',
  requestingOrganisationId: 'requesting_organisation_id',
  dgProtocolNo: 'dg_protocol_no',
  internalNotes: 'internal_notes',
};
const CASE_SELECT = `priority AS "priority", risk_level AS "riskLevel", channel AS "channel", to_char(request_date, 'YYYY-MM-DD') AS "requestDate",
  requesting_organisation_id AS "requestingOrganisationId", dg_protocol_no AS "dgProtocolNo", internal_notes AS "internalNotes"`;
// Case fields whose old and new values the history keeps; internal notes only as "changed".
const CASE_FIELDS_WITH_VALUES: readonly CaseEditField[] = ['priority', 'riskLevel', 'channel', 'requestDate', 'requestingOrganisationId', 'dgProtocolNo'];

type Changes = Record<string, { from: unknown; to: unknown }>;

// Edits of the case and of the minor's profile with optimistic locking: If-Match carries the case
// version the user edited (428 without, 412 when someone else changed the case since), the update
// is guarded by that version and bumps it, and history and audit commit with the change. A closed
// case refuses edits (409).
@Injectable()
export class CaseEditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
  ) {}

  private async lockForEdit(tx: Executor, user: AuthUser, caseId: string, expectedVersion: number): Promise<CaseRow> {
    const row = await this.cases.findVisibleById(user, caseId, tx, { lock: true });
    if (!row) throw notFound('Case');
    if (row.version !== expectedVersion) throw staleVersion(row.version);
    if (isClosedState(row.state)) throw new AppError('CONFLICT', `The case is closed (${row.state}); reopen it first`);
    return row;
  }

  // The guarded bump: the row is locked, so a miss here means the version moved under us anyway.
  private async bumpVersion(tx: Executor, caseId: string, expectedVersion: number, now: Date, set = '', values: unknown[] = []): Promise<void> {
    const updated = await tx.query<{ version: number }[]>(
      `UPDATE cases SET ${set}${set ? ', ' : ''}version = version + 1, updated_at = $3 WHERE id = $1 AND version = $2 RETURNING version`,
      [caseId, expectedVersion, now, ...values],
    );
    if (!updated[0]) {
      const current = await tx.query<{ version: number }[]>(`SELECT version FROM cases WHERE id = $1`, [caseId]);
      throw staleVersion(current[0]?.version ?? expectedVersion);
    }
  }

  async updateCase(user: AuthUser, caseId: string, input: UpdateCaseInput, ifMatch: string | undefined, ip: string): Promise<void> {
    const expectedVersion = parseIfMatch(ifMatch);
    await this.db.transaction(async (tx) => {
      await this.lockForEdit(tx, user, caseId, expectedVersion);
      const now = this.clock.now();
      const problems = new FieldProblems();
      notInFuture(problems, 'requestDate', input.requestDate, romeDay(now));
      await checkOrganisation(tx, problems, 'requestingOrganisationId', input.requestingOrganisationId, REQUESTER_TYPES);
      problems.throwIfAny();

      const current = (await tx.query<Record<CaseEditField, unknown>[]>(`SELECT ${CASE_SELECT} FROM cases WHERE id = $1`, [caseId]))[0]!;
      const fields = CASE_EDIT_FIELDS.filter((f) => input[f] !== undefined && !sameValue(input[f], current[f]));
      if (!fields.length) return;
      const values = fields.map((f) => input[f]);
      await this.bumpVersion(tx, caseId, expectedVersion, now, fields.map((f, i) => `${CASE_COLUMNS[f]} = $${i + 4}`).join(', '), values);
      const changes: Changes = {};
      for (const f of fields) if (CASE_FIELDS_WITH_VALUES.includes(f)) changes[f] = { from: current[f] ?? null, to: input[f] ?? null };
      // The version bump moved the last update; the timeline keeps old and new values, the audit
      // trail only the fields' names.
      await this.changes.record(tx, {
        user, caseId, action: 'CASE_UPDATED', entity: { type: 'case', id: caseId }, ip, at: now,
        detail: { fields }, history: { fields, changes }, touch: false, recomputeTasks: false,
      });
      // Scoped to the case: the case row, its history and audit (the minor, shared by the minor's
      // other cases, is edited by updateMinor, unscoped).
    }, { caseId });
  }

  async updateMinor(user: AuthUser, caseId: string, input: UpdateMinorInput, ifMatch: string | undefined, ip: string): Promise<void> {
    const expectedVersion = parseIfMatch(ifMatch);
    await this.db.transaction(async (tx) => {
      const row = await this.lockForEdit(tx, user, caseId, expectedVersion);
      const now = this.clock.now();
      const current = (await tx.query<Record<MinorField, unknown>[]>(`SELECT ${MINOR_SELECT} FROM minors WHERE id = $1 FOR UPDATE`, [row.minor_id]))[0]!;
      const merged = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as Record<MinorField, unknown>;

      const problems = new FieldProblems();
      const today = romeDay(now);
      notInFuture(problems, 'dateOfBirth', input.dateOfBirth, today);
      notInFuture(problems, 'arrivalDate', input.arrivalDate, today);
      for (const issue of minorAgeIssues(merged as Parameters<typeof minorAgeIssues>[0])) problems.add(issue.path, issue.code, issue.message);
      problems.throwIfAny();

      const fields = MINOR_FIELDS.filter((f) => input[f] !== undefined && !sameValue(input[f], current[f]));
      if (!fields.length) return;
      await tx.query(
        `UPDATE minors SET ${fields.map((f, i) => `${MINOR_COLUMNS[f]} = $${i + 3}`).join(', ')}, version = version + 1, updated_at = $2 WHERE id = $1`,
        [row.minor_id, now, ...fields.map((f) => input[f])],
      );
      await this.bumpVersion(tx, caseId, expectedVersion, now);
      // §8 rule 11: an age change keeps the old and the new value. Sensitive fields are named,
      // never copied; the other fields are named only.
      const changes: Changes = {};
      for (const f of fields) if (AGE_MINOR_FIELDS.includes(f)) changes[f] = { from: current[f] ?? null, to: input[f] ?? null };
      // The 18th birthday and prosieguo drive deadlines.
      await this.changes.record(tx, {
        user, caseId, action: 'MINOR_UPDATED', entity: { type: 'minor', id: row.minor_id }, ip, at: now, detail: { fields }, touch: false,
        history: { minorId: row.minor_id, fields, changes, sensitive: fields.filter((f) => SENSITIVE_MINOR_FIELDS.includes(f)) },
        recomputeTasks: fields.some((f) => f === 'dateOfBirth' || f === 'dobIsDefaultJan1' || f === 'prosieguoUntil'),
      });
    });
  }
}
