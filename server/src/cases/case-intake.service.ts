import { Injectable } from '@nestjs/common';
import { CLOSED_STATES, MINOR_FIELDS, type CreateCaseInput, type MinorInput, romeDay } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Db, type Executor } from '../database/db';
import { recomputeTasks } from '../tasks/task-recompute';
import { FieldProblems, REQUESTER_TYPES, checkOrganisation, checkUser, notInFuture } from './case-input.checks';
import { MINOR_COLUMNS } from './minor-columns';
import { appendCaseHistory } from '../workflow/case-changes';

// Case numbers keep the demo seed's format: IF-<year of the request>-<sequence, 4 digits>. The
// sequence is shared by every year, so numbers never collide (case_number is also UNIQUE).
export const formatCaseNumber = (requestDate: string, sequence: number | string) => `IF-${requestDate.slice(0, 4)}-${String(sequence).padStart(4, '0')}`;

interface Grant {
  relation: 'assigned_caseworker' | 'supervising_unit' | 'guardian' | 'social_services';
  userId?: string;
  organisationId?: string;
}

@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  // Registers a request (domain §4 #1): the minor (new, or already known), the case in RECEIVED,
  // the grants that open it to the people working on it, history and audit, in one transaction.
  async create(user: AuthUser, input: CreateCaseInput, ip: string): Promise<string> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const problems = new FieldProblems();
      const today = romeDay(now);
      notInFuture(problems, 'requestDate', input.requestDate, today);
      if (input.minor) {
        notInFuture(problems, 'minor.dateOfBirth', input.minor.dateOfBirth, today);
        notInFuture(problems, 'minor.arrivalDate', input.minor.arrivalDate, today);
      }
      const requesterType = await checkOrganisation(tx, problems, 'requestingOrganisationId', input.requestingOrganisationId, REQUESTER_TYPES);
      await checkOrganisation(tx, problems, 'socialServicesOrganisationId', input.socialServicesOrganisationId, ['SOCIAL_SERVICES']);
      await checkUser(tx, problems, 'guardianUserId', input.guardianUserId, 'guardian');
      let caseworkerId: string;
      if (user.role === 'caseworker') {
        // A caseworker registers cases for themself; assigning someone else is a supervisor's call.
        if (input.assignedCaseworkerId && input.assignedCaseworkerId !== user.id) {
          problems.add('assignedCaseworkerId', 'not_allowed', 'A caseworker registers a case for themself; a supervisor assigns it to someone else');
        }
        caseworkerId = user.id;
      } else {
        if (!input.assignedCaseworkerId) problems.add('assignedCaseworkerId', 'required', 'Choose the caseworker who will handle the case');
        await checkUser(tx, problems, 'assignedCaseworkerId', input.assignedCaseworkerId, 'caseworker', user.organisationId);
        caseworkerId = input.assignedCaseworkerId ?? '';
      }
      if (input.existingMinorId) {
        const minor = await tx.query<{ id: string }[]>(`SELECT id FROM minors WHERE id = $1 FOR UPDATE`, [input.existingMinorId]);
        if (!minor[0]) problems.add('existingMinorId', 'not_found', 'Unknown minor');
      }
      problems.throwIfAny();

      let minorId: string;
      if (input.existingMinorId) {
        minorId = input.existingMinorId;
        // The minor row is locked above, so two intakes for the same child cannot both pass.
        const open = await tx.query<{ id: string }[]>(`SELECT id FROM cases WHERE minor_id = $1 AND state <> ALL($2::text[]) LIMIT 1`, [minorId, CLOSED_STATES]);
        if (open[0]) throw new AppError('CONFLICT', 'This minor already has an open case: work on that case, or close it before opening a new one');
      } else {
        minorId = await this.insertMinor(tx, input.minor!, now);
      }

      const sequence = await tx.query<{ n: string }[]>(`SELECT nextval('case_number_seq') AS n`);
      const caseNumber = formatCaseNumber(input.requestDate, sequence[0]!.n);
      const created = await tx.query<{ id: string }[]>(
        `INSERT INTO cases (case_number, minor_id, state, priority, channel, request_date, requesting_organisation_id, dg_protocol_no,
                            risk_level, internal_notes, created_by, created_at, updated_at)
         VALUES ($1, $2, 'RECEIVED', $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
        [caseNumber, minorId, input.priority, input.channel, input.requestDate, input.requestingOrganisationId, input.dgProtocolNo ?? null,
          input.riskLevel, input.internalNotes ?? null, user.id, now],
      );
      const caseId = created[0]!.id;

      // The requesting social-services office follows its own request (domain §2).
      const socialServices = input.socialServicesOrganisationId ?? (requesterType === 'SOCIAL_SERVICES' ? input.requestingOrganisationId : undefined);
      const grants: Grant[] = [
        { relation: 'assigned_caseworker', userId: caseworkerId },
        { relation: 'supervising_unit', organisationId: user.organisationId },
        ...(input.guardianUserId ? [{ relation: 'guardian' as const, userId: input.guardianUserId }] : []),
        ...(socialServices ? [{ relation: 'social_services' as const, organisationId: socialServices }] : []),
      ];
      for (const grant of grants) {
        await tx.query(`INSERT INTO case_grants (case_id, user_id, organisation_id, relation, granted_by, reason, created_at) VALUES ($1, $2, $3, $4, $5, 'intake', $6)`, [
          caseId, grant.userId ?? null, grant.organisationId ?? null, grant.relation, user.id, now,
        ]);
      }

      const newMinor = !input.existingMinorId;
      await appendCaseHistory(tx, { caseId, at: now, actorId: user.id, kind: 'CASE_CREATED', toState: 'RECEIVED', detail: { caseNumber, channel: input.channel, minorId, newMinor } });
      if (newMinor) await this.audit.append({ actor: user, action: 'MINOR_CREATED', entityType: 'minor', entityId: minorId, caseId, ip }, tx);
      await this.audit.append({
        actor: user,
        action: 'CASE_CREATED',
        entityType: 'case',
        entityId: caseId,
        caseId,
        detail: { caseNumber, minorId, newMinor, grants: grants.map((g) => g.relation) },
        ip,
      }, tx);
      // Statutory deadlines of the new case (tasks) commit with it.
      await recomputeTasks(tx, caseId, now);
      return caseId;
    });
  }

  private async insertMinor(tx: Executor, minor: MinorInput, now: Date): Promise<string> {
    const fields = MINOR_FIELDS.filter((f) => minor[f] !== undefined);
    const columns = fields.map((f) => MINOR_COLUMNS[f]);
    const values = fields.map((f) => minor[f]);
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO minors (${columns.join(', ')}, created_at, updated_at) VALUES (${fields.map((_, i) => `$${i + 1}`).join(', ')}, $${fields.length + 1}, $${fields.length + 1}) RETURNING id`,
      [...values, now],
    );
    return rows[0]!.id;
  }
}
