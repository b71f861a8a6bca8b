import { Injectable } from '@nestjs/common';
import type { CaseDetail, CaseFilterOptions, CaseListQuery, CasePage, CaseSearchRequest, TimelinePage, TimelineQuery } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { encodeCursor } from '../common/cursor';
import { toCaseDetail, toCaseSummary, toTimelineEntry } from './case.mapper';
import { CasesRepository, type CaseDetailRow, type CaseListRow } from './cases.repository';
import { Clock } from '../common/clock';
import { Db, type Executor } from '../database/db';
import { availableTransitions } from '../workflow/available-transitions';
import { CaseFactsRepository } from '../workflow/case-facts.repository';
import { timelineScope } from './timeline.policy';

// Name matching thresholds (pg_trgm), set per transaction, and a pinned plan. The planner costs
// the trigram operators like a plain comparison, so it prefers scanning minor_name_keys to its GIN
// index even at 100k rows, where the index is 3-4x faster. Inside
// these read-only transactions only bitmap scans are allowed: the name predicates can then only
// run on minor_name_keys_trgm / minor_names_phon_idx, and every other lookup on its btree
// (EXPLAIN checked in minor-search.int-spec.ts).
export async function useNameSearchSettings(tx: Executor): Promise<void> {
  await tx.query(
    `SELECT set_config('pg_trgm.similarity_threshold', '0.5', true), set_config('pg_trgm.word_similarity_threshold', '0.6', true),
            set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('enable_indexonlyscan', 'off', true)`,
  );
}

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
    return this.page(await this.cases.listVisible(user, query), query.limit);
  }

  // The list with a name among the filters: names travel in the body only. The search is
  // audited without the name itself.
  async search(user: AuthUser, request: CaseSearchRequest, ip: string): Promise<CasePage> {
    if (request.name !== undefined && !/[\p{L}\p{N}]/u.test(request.name)) {
      throw new AppError('VALIDATION_FAILED', 'Invalid body', { fields: [{ path: 'name', code: 'no_letters', message: 'Type at least one letter of the name' }] });
    }
    const rows = await this.db.readTransaction(async (tx) => {
      if (request.name) await useNameSearchSettings(tx);
      return this.cases.listVisible(user, request, tx);
    });
    const page = this.page(rows, request.limit);
    if (request.name) {
      await this.audit.append({ actor: user, action: 'CASE_NAME_SEARCH', entityType: 'case', detail: { results: page.items.length, page: Boolean(request.cursor) }, ip });
    }
    return page;
  }

  private page(rows: CaseListRow[], limit: number): CasePage {
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toCaseSummary),
      nextCursor: rows.length > limit && last ? encodeCursor([last.updated_at.toISOString(), last.id]) : null,
    };
  }

  async filterOptions(user: AuthUser): Promise<CaseFilterOptions> {
    const options = await this.cases.filterOptions(user);
    return {
      states: options.states ?? [],
      nationalities: options.nationalities ?? [],
      caseworkers: options.caseworkers ?? [],
      requestingAuthorities: options.authorities ?? [],
    };
  }

  // Every read of a case file is audited; a case the user may not see answers 404 (existence
  // must not leak) and the attempt is audited too.
  async get(user: AuthUser, caseId: string, ip: string): Promise<CaseDetail> {
    const row = await this.cases.findVisibleDetail(user, caseId);
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
    const row = await this.cases.findVisibleDetail(user, caseId);
    if (!row) throw notFound('Case');
    return this.toDetail(user, row);
  }

  async timeline(user: AuthUser, caseId: string, query: TimelineQuery, ip: string): Promise<TimelinePage> {
    const visible = await this.cases.findVisibleById(user, caseId);
    if (!visible) {
      await this.audit.append({ actor: user, action: 'CASE_ACCESS_DENIED', entityType: 'case', entityId: caseId, ip });
      throw notFound('Case');
    }
    const scope = timelineScope(user.role);
    const rows = await this.cases.timeline(caseId, scope, query.cursor, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    await this.audit.append({ actor: user, action: 'CASE_TIMELINE_VIEWED', entityType: 'case', entityId: caseId, caseId, ip });
    return {
      items: page.map((row) => toTimelineEntry(row, scope)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
    };
  }

  private async toDetail(user: AuthUser, row: CaseDetailRow): Promise<CaseDetail> {
    const facts = await this.facts.load(this.db, row.id, this.clock.now());
    return toCaseDetail(row, availableTransitions(user.role, row.state, facts, row.state_before_hold), user.role);
  }
}
