import { Injectable } from '@nestjs/common';
import type { CaseDetail, CaseListQuery, CasePage } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { encodeCursor } from '../common/cursor';
import { toCaseDetail, toCaseSummary } from './case.mapper';
import { CasesRepository, type CaseRow } from './cases.repository';
import { Clock } from '../common/clock';
import { Db } from '../database/db';
import { availableTransitions } from '../workflow/available-transitions';
import { CaseFactsRepository } from '../workflow/case-facts.repository';

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly facts: CaseFactsRepository,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: CaseListQuery): Promise<CasePage> {
    const rows = await this.cases.listVisible(user, query);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toCaseSummary),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.updated_at.toISOString(), last.id]) : null,
    };
  }

  // Every read of a case file is audited; a case the user may not see answers 404 (existence
  // must not leak) and the attempt is audited too.
  async get(user: AuthUser, caseId: string, ip: string): Promise<CaseDetail> {
    const row = await this.cases.findVisibleById(user, caseId);
    if (!row) {
      await this.audit.append({ actor: user, action: 'CASE_ACCESS_DENIED', entityType: 'case', entityId: caseId, ip });
      throw notFound('Case');
    }
    await this.audit.append({ actor: user, action: 'CASE_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return this.toDetail(user, row);
  }

  // The case as it stands after a change the caller just made: the change itself is audited, so
  // this read is not logged a second time as a view.
  async afterChange(user: AuthUser, caseId: string): Promise<CaseDetail> {
    const row = await this.cases.findVisibleById(user, caseId);
    if (!row) throw notFound('Case');
    return this.toDetail(user, row);
  }

  private async toDetail(user: AuthUser, row: CaseRow): Promise<CaseDetail> {
    const facts = await this.facts.load(this.db, row.id, this.clock.now());
    return toCaseDetail(row, availableTransitions(user.role, row.state, facts, row.state_before_hold));
  }
}
