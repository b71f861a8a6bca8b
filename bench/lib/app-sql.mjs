// The floors run the very statements the app runs, in the same order, by calling the app's own
// compiled repositories and services over a bare `pg` pool instead of Nest + TypeORM: no HTTP, no
// guard, no session lookup, no validation, no response serialisation. Whatever the full stack
// costs on top of this is the price of the framework and the app's plumbing.
//
// The constructors below follow the services' constructor parameters (server/src/**); if one
// changes, the bench fails loudly here.
import process from 'node:process';
import { serverModule } from './paths.mjs';

const { Clock } = serverModule('common/clock.js');
const { AuditService } = serverModule('audit/audit.service.js');
const { CasesRepository, visibleCasePredicate } = serverModule('cases/cases.repository.js');
const { CasesService } = serverModule('cases/cases.service.js');
const { CaseFactsRepository } = serverModule('workflow/case-facts.repository.js');
const { CaseTransitionService } = serverModule('workflow/case-transition.service.js');
const { CaseEditService } = serverModule('cases/case-edit.service.js');
const { DashboardService } = serverModule('dashboard/dashboard.service.js');
const { MinorSearchService } = serverModule('minors/minor-search.service.js');
const { MinorSearchRepository } = serverModule('minors/minor-search.repository.js');
const { encodeCursor } = serverModule('common/cursor.js');
const { Db } = serverModule('database/db.js');

export { visibleCasePredicate, encodeCursor };

// The app's own Db class (query, one, transactions, the change log the dashboards read) on a
// pg.Pool, through the two methods of a TypeORM DataSource it uses.
export function pgDb(pool) {
  const dataSource = {
    query: async (sql, params = []) => (await pool.query(sql, params)).rows,
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async (sql, params = []) => (await client.query(sql, params)).rows });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return new Db(dataSource);
}

export function appSql(pool, { pageSize = 25 } = {}) {
  const db = pgDb(pool);
  const clock = new Clock();
  const audit = new AuditService(db);
  const cases = new CasesRepository(db, clock);
  const facts = new CaseFactsRepository();
  const casesService = new CasesService(cases, facts, db, clock, audit);
  const transitions = new CaseTransitionService(db, clock, cases, facts, audit);
  const edits = new CaseEditService(db, clock, cases, audit);
  // The app's default configuration for the dashboard (a build from before ADR 0008 ignores it).
  const dashboard = new DashboardService(db, clock, { DASHBOARD_CACHE_SECONDS: Number(process.env.DASHBOARD_CACHE_SECONDS ?? 30) });
  const minorSearch = new MinorSearchService(db, new MinorSearchRepository(clock), audit);
  return {
    // GET /api/cases
    list: (user, cursor) => casesService.list(user, { limit: pageSize, ...(cursor ? { cursor } : {}) }),
    // GET /api/cases/:id (audited view)
    detail: (user, caseId, ip) => casesService.get(user, caseId, ip),
    // GET /api/dashboard
    dashboard: (user) => dashboard.get(user),
    // POST /api/minors/search
    search: (user, body, ip) => minorSearch.search(user, { limit: 10, ...body }, ip),
    // POST /api/cases/:id/transitions, answered with the case as it stands after the move
    transition: async (user, caseId, body, version, ip) => {
      await transitions.transition(user, caseId, body, String(version), ip);
      return casesService.afterChange(user, caseId);
    },
    // PATCH /api/cases/:id
    edit: async (user, caseId, body, version, ip) => {
      await edits.updateCase(user, caseId, body, String(version), ip);
      return casesService.afterChange(user, caseId);
    },
  };
}
