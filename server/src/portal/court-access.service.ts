import { Injectable } from '@nestjs/common';
import { COURT_ACCESS_MAX_DAYS, type CourtAccessGrant, type CourtAccessList, type GrantCourtAccessInput } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { FieldProblems, checkOrganisation } from '../cases/case-input.checks';
import { CasesRepository } from '../cases/cases.repository';
import { Db, type Executor } from '../database/db';
import { CaseChanges } from '../workflow/case-changes';

interface GrantRow {
  id: string;
  court_id: string;
  court_name: string;
  granted_by: string | null;
  granted_by_name: string | null;
  created_at: Date;
  expires_at: Date | null;
  reason: string | null;
}

const GRANT_SELECT = `SELECT g.id, o.id AS court_id, o.name AS court_name, g.granted_by, u.display_name AS granted_by_name, g.created_at, g.expires_at, g.reason
  FROM case_grants g JOIN organisations o ON o.id = g.organisation_id LEFT JOIN users u ON u.id = g.granted_by`;

const DAY = 86_400_000;

// Time-limited access of a juvenile court to a case (issue 5): a `court` grant to the court's
// organisation with an expiry. visibleCasePredicate stops honouring it the moment it expires; a
// revocation sets the expiry to now. Granting, revoking and every read by the court are audited.
@Injectable()
export class CourtAccessService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
    private readonly changes: CaseChanges,
  ) {}

  private toGrant(r: GrantRow, now: Date): CourtAccessGrant {
    return {
      id: r.id,
      court: { id: r.court_id, name: r.court_name },
      grantedBy: r.granted_by ? { id: r.granted_by, displayName: r.granted_by_name ?? '' } : null,
      grantedAt: r.created_at.toISOString(),
      expiresAt: r.expires_at?.toISOString() ?? null,
      reason: r.reason,
      live: r.expires_at === null || r.expires_at > now,
    };
  }

  private async grantRow(executor: Executor, caseId: string, grantId: string, lock = false): Promise<GrantRow | undefined> {
    const rows = await executor.query<GrantRow[]>(`${GRANT_SELECT} WHERE g.id = $1 AND g.case_id = $2 AND g.relation = 'court'${lock ? ' FOR UPDATE OF g' : ''}`, [grantId, caseId]);
    return rows[0];
  }

  async list(user: AuthUser, caseId: string, ip: string): Promise<CourtAccessList> {
    if (!(await this.cases.findVisibleById(user, caseId))) throw notFound('Case');
    const now = this.clock.now();
    const rows = await this.db.query<GrantRow[]>(`${GRANT_SELECT} WHERE g.case_id = $1 AND g.relation = 'court' ORDER BY g.created_at DESC, g.id`, [caseId]);
    await this.audit.append({ actor: user, action: 'COURT_ACCESS_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return { items: rows.map((r) => this.toGrant(r, now)) };
  }

  async grant(user: AuthUser, caseId: string, input: GrantCourtAccessInput, ip: string): Promise<CourtAccessGrant> {
    return this.db.transaction(async (tx) => {
      if (!(await this.cases.findVisibleById(user, caseId, tx, { lock: true }))) throw notFound('Case');
      const now = this.clock.now();
      const problems = new FieldProblems();
      await checkOrganisation(tx, problems, 'courtOrganisationId', input.courtOrganisationId, ['JUVENILE_COURT']);
      const expiresAt = new Date(input.expiresAt);
      if (expiresAt <= now) problems.add('expiresAt', 'in_past', 'The access must end in the future');
      else if (expiresAt.getTime() - now.getTime() > COURT_ACCESS_MAX_DAYS * DAY) problems.add('expiresAt', 'too_long', `At most ${COURT_ACCESS_MAX_DAYS} days`);
      problems.throwIfAny();
      const id = (
        await tx.query<{ id: string }[]>(
          `INSERT INTO case_grants (case_id, organisation_id, relation, expires_at, reason, granted_by, created_at) VALUES ($1, $2, 'court', $3, $4, $5, $6) RETURNING id`,
          [caseId, input.courtOrganisationId, expiresAt, input.reason, user.id, now],
        )
      )[0]!.id;
      const detail = { grantId: id, courtOrganisationId: input.courtOrganisationId, expiresAt: expiresAt.toISOString(), reason: input.reason };
      await this.changes.record(tx, { user, caseId, action: 'COURT_ACCESS_GRANTED', entity: { type: 'case', id: caseId }, ip, at: now, detail, history: detail, touch: false, recomputeTasks: false });
      return this.toGrant((await this.grantRow(tx, caseId, id))!, now);
    });
  }

  async revoke(user: AuthUser, caseId: string, grantId: string, ip: string): Promise<CourtAccessGrant> {
    return this.db.transaction(async (tx) => {
      if (!(await this.cases.findVisibleById(user, caseId, tx, { lock: true }))) throw notFound('Case');
      const row = await this.grantRow(tx, caseId, grantId, true);
      if (!row) throw notFound('Court access');
      const now = this.clock.now();
      if (row.expires_at !== null && row.expires_at <= now) throw new AppError('CONFLICT', 'This access has already ended');
      await tx.query(`UPDATE case_grants SET expires_at = $2 WHERE id = $1`, [grantId, now]);
      const detail = { grantId, courtOrganisationId: row.court_id };
      await this.changes.record(tx, { user, caseId, action: 'COURT_ACCESS_REVOKED', entity: { type: 'case', id: caseId }, ip, at: now, detail, history: detail, touch: false, recomputeTasks: false });
      return this.toGrant((await this.grantRow(tx, caseId, grantId))!, now);
    });
  }
}
