import { Inject, Injectable } from '@nestjs/common';
import { CLOSED_STATES, DASHBOARD_LIST_LIMIT, romeDay, type ApprovalItem, type CaseState, type Dashboard, type TurningEighteen } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { visibleCasePredicate } from '../cases/cases.repository';
import { Db } from '../database/db';
import { toDashboardTask, type TaskRow } from '../tasks/tasks.mapper';

const WEEK = 7 * 86_400_000;
const TURNING_18_HORIZON = 180;
// Open cases, spelled with constants so the planner can use the partial indexes on open cases
// (a closed case belongs to the archive, not to a working dashboard).
const OPEN_CASE = `c.state NOT IN (${CLOSED_STATES.map((state) => `'${state}'`).join(', ')})`;

interface StateCountRow {
  state: CaseState;
  n: number;
}
type DashboardTaskRow = Pick<TaskRow, 'id' | 'case_id' | 'case_number' | 'first_name' | 'last_name' | 'rule' | 'title' | 'due_at' | 'source'> & { overdue: boolean; total: number };
interface TurningRow {
  case_id: string;
  case_number: string;
  state: CaseState;
  minor_id: string;
  first_name: string;
  last_name: string;
  dob: string;
  dob_is_default_jan1: boolean;
  eighteenth: string;
  days_left: number;
  prosieguo_until: string | null;
  bucket: TurningBucket;
  total: number;
}
type TurningBucket = 'within30' | 'within90' | 'within180' | 'reached';
interface ApprovalRow {
  kind: ApprovalItem['kind'];
  case_id: string;
  case_number: string;
  state: CaseState;
  first_name: string;
  last_name: string;
  risk_check_id: string | null;
  since: Date;
  total: number;
}

// A turning-18 bucket from the rows the database kept for it (the first N, each with the total).
const bucket = (rows: TurningRow[], name: TurningBucket) => {
  const mine = rows.filter((r) => r.bucket === name);
  return { count: Number(mine[0]?.total ?? 0), items: mine.map(toTurning) };
};

// A computed dashboard: valid for at most DASHBOARD_CACHE_SECONDS, and while no transaction
// that may have changed its figures has ended since it was started (Db.changesSince). A
// caseworker's knows the cases it was computed from, so a change scoped to another case leaves it
// valid; a supervisor's (the whole unit) is stale after any change.
interface SharedDashboard {
  generation: number;
  startedAt: number;
  value: Promise<Dashboard>;
  caseIds?: Set<string>;
}

// The landing page of caseworkers and supervisors. Four indexed queries, run in parallel, each
// limited to the caller's visible cases (visibleCasePredicate): a caseworker's assigned cases, a
// supervisor's unit.
//
// A supervisor sees the whole unit, and every supervisor of the unit sees the same figures: counting
// the unit's open cases costs far more than a page of cases (docs/performance.md F4), so that
// dashboard is shared between the unit's supervisors and between concurrent requests; a
// caseworker's (~2,000 cases at national scale) is kept for them the same way. Either is computed
// again after any committed change or once it is DASHBOARD_CACHE_SECONDS old (ADR 0008).
// `generatedAt` says when.
@Injectable()
export class DashboardService {
  private readonly shared = new Map<string, SharedDashboard>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get(user: AuthUser): Promise<Dashboard> {
    const ttl = this.config.DASHBOARD_CACHE_SECONDS * 1000;
    if (ttl === 0) return this.compute(user);
    // A supervisor's figures are the unit's (the same for every supervisor of it); a caseworker's
    // are their own.
    const key = user.role === 'supervisor' ? `supervisor:${user.organisationId}` : `${user.role}:${user.id}`;
    const generation = this.db.changeGeneration;
    const startedAt = this.clock.now().getTime();
    const known = this.shared.get(key);
    if (known && startedAt - known.startedAt < ttl && startedAt >= known.startedAt && this.unchanged(known, generation)) return known.value;
    const entry: SharedDashboard = { generation, startedAt, value: this.compute(user) };
    this.shared.set(key, entry);
    if (user.role !== 'supervisor') {
      // Every case the figures may come from (open or closed), read after the figures.
      void entry.value.then(
        () => this.visibleCaseIds(user, new Date(startedAt)).then((ids) => { entry.caseIds = new Set(ids); }),
        () => undefined,
      ).catch(() => undefined);
    }
    // A failed computation is not kept.
    entry.value.catch(() => {
      if (this.shared.get(key) === entry) this.shared.delete(key);
    });
    return entry.value;
  }

  // Whether every transaction ended since the dashboard was started left its figures as they were:
  // each was scoped to one case outside the dashboard's cases. Moves the entry's generation on.
  private unchanged(entry: SharedDashboard, generation: number): boolean {
    if (entry.generation === generation) return true;
    const changes = this.db.changesSince(entry.generation);
    const ids = entry.caseIds;
    if (!ids || !changes || !changes.every((c) => c.caseId !== null && !ids.has(c.caseId))) return false;
    entry.generation = changes.at(-1)?.generation ?? generation;
    return true;
  }

  private async visibleCaseIds(user: AuthUser, now: Date): Promise<string[]> {
    const params: unknown[] = [];
    const rows = await this.db.query<{ id: string }[]>(`SELECT c.id FROM cases c WHERE ${visibleCasePredicate(user, now, params)}`, params);
    return rows.map((r) => r.id);
  }

  private async compute(user: AuthUser): Promise<Dashboard> {
    const now = this.clock.now();
    const [states, tasks, turning, approvals] = await Promise.all([this.casesByState(user, now), this.tasks(user, now), this.turningEighteen(user, now), this.approvals(user, now)]);
    const overdue = tasks.filter((t) => t.overdue);
    const week = tasks.filter((t) => !t.overdue);
    return {
      generatedAt: now.toISOString(),
      casesByState: states.map((s) => ({ state: s.state, count: Number(s.n) })),
      openCases: states.reduce((sum, s) => sum + Number(s.n), 0),
      tasks: {
        overdue: { count: Number(overdue[0]?.total ?? 0), items: overdue.map(toDashboardTask) },
        dueThisWeek: { count: Number(week[0]?.total ?? 0), items: week.map(toDashboardTask) },
      },
      turningEighteen: {
        within30: bucket(turning, 'within30'),
        within90: bucket(turning, 'within90'),
        within180: bucket(turning, 'within180'),
        reached: bucket(turning, 'reached'),
      },
      approvals: {
        count: Number(approvals[0]?.total ?? 0),
        items: approvals.map((a) => ({
          kind: a.kind,
          caseId: a.case_id,
          caseNumber: a.case_number,
          state: a.state,
          minor: { firstName: a.first_name, lastName: a.last_name },
          riskCheckId: a.risk_check_id,
          since: new Date(a.since).toISOString(),
        })),
      },
    };
  }

  // The caller's open cases (ON_HOLD included) by state: each count equals GET /api/cases?state=….
  private casesByState(user: AuthUser, now: Date): Promise<StateCountRow[]> {
    const params: unknown[] = [];
    return this.db.query<StateCountRow[]>(
      `SELECT c.state, count(*)::int AS n FROM cases c WHERE ${OPEN_CASE} AND ${visibleCasePredicate(user, now, params)} GROUP BY c.state ORDER BY c.state`,
      params,
    );
  }

  // Open tasks of the caller's role due within a week (overdue included): the first N of each
  // group with the group's total. Names are joined for those N rows only.
  private tasks(user: AuthUser, now: Date): Promise<DashboardTaskRow[]> {
    const params: unknown[] = [now, new Date(now.getTime() + WEEK), user.role, DASHBOARD_LIST_LIMIT];
    return this.db.query<DashboardTaskRow[]>(
      `WITH mine AS (
         SELECT t.id, t.case_id, t.rule, t.title, t.due_at, t.source, (t.due_at < $1) AS overdue
           FROM tasks t JOIN cases c ON c.id = t.case_id
          WHERE t.status = 'OPEN' AND t.owner_role = $3 AND t.due_at < $2 AND ${visibleCasePredicate(user, now, params)}
       ), ranked AS (
         SELECT mine.*, row_number() OVER (PARTITION BY overdue ORDER BY due_at, id) AS rn, count(*) OVER (PARTITION BY overdue)::int AS total FROM mine
       )
       SELECT r.id, r.case_id, c.case_number, m.first_name, m.last_name, r.rule, r.title, r.due_at, r.source, r.overdue, r.total
         FROM ranked r JOIN cases c ON c.id = r.case_id JOIN minors m ON m.id = c.minor_id
        WHERE r.rn <= $4 ORDER BY r.due_at, r.id`,
      params,
    );
  }

  // Open cases whose minor turns 18 within 180 days or already has (no running prosieguo): the
  // first N of each bucket (30/90/180 days, reached) with the bucket's total. Bucketing and
  // cutting happen here, not in Node: a unit-wide caller matches thousands of rows.
  private turningEighteen(user: AuthUser, now: Date): Promise<TurningRow[]> {
    const params: unknown[] = [romeDay(now), TURNING_18_HORIZON, DASHBOARD_LIST_LIMIT];
    return this.db.query<TurningRow[]>(
      `WITH t AS (
         SELECT c.id AS case_id, c.case_number, c.state, m.id AS minor_id, m.first_name, m.last_name, to_char(m.date_of_birth, 'YYYY-MM-DD') AS dob,
                m.dob_is_default_jan1, to_char(b.d, 'YYYY-MM-DD') AS eighteenth, (b.d - $1::date) AS days_left, to_char(m.prosieguo_until, 'YYYY-MM-DD') AS prosieguo_until,
                CASE WHEN b.d - $1::date BETWEEN 1 AND 30 THEN 'within30' WHEN b.d - $1::date BETWEEN 31 AND 90 THEN 'within90'
                     WHEN b.d - $1::date > 90 THEN 'within180'
                     WHEN m.prosieguo_until IS NULL OR m.prosieguo_until <= $1::date THEN 'reached' END AS bucket
           FROM cases c JOIN minors m ON m.id = c.minor_id
           CROSS JOIN LATERAL (SELECT (m.date_of_birth + interval '18 years')::date AS d) b
          WHERE m.date_of_birth IS NOT NULL
            -- Index-friendly bound with a day of slack for 29 February, then the exact one.
            AND m.date_of_birth <= ($1::date + ($2::int + 1) - interval '18 years') AND b.d <= $1::date + $2::int
            AND ${OPEN_CASE} AND ${visibleCasePredicate(user, now, params)}
       ), ranked AS (
         SELECT t.*, row_number() OVER (PARTITION BY t.bucket ORDER BY t.eighteenth, t.case_number) AS rn, count(*) OVER (PARTITION BY t.bucket)::int AS total
           FROM t WHERE t.bucket IS NOT NULL
       )
       SELECT * FROM ranked WHERE rn <= $3 ORDER BY eighteenth, case_number`,
      params,
    );
  }

  // What waits for the caller's decision. Supervisor: pending PRE_TRACING risk checks (the latest
  // per case), cases in SCREENING whose tracing preconditions are met (approve_tracing), reports in
  // REPORT_QA (approve_report). Caseworker: reports in REPORT_QA on their cases, awaiting QA.
  private approvals(user: AuthUser, now: Date): Promise<ApprovalRow[]> {
    const params: unknown[] = [DASHBOARD_LIST_LIMIT];
    const visible = visibleCasePredicate(user, now, params);
    const enteredState = `COALESCE((SELECT max(h.at) FROM case_history h WHERE h.case_id = c.id AND h.to_state = c.state), c.updated_at)`;
    const caseColumns = `c.id AS case_id, c.case_number, c.state, m.first_name, m.last_name`;
    const parts: string[] = [];
    if (user.role === 'supervisor') {
      parts.push(`SELECT 'RISK_CHECK' AS kind, ${caseColumns}, r.id AS risk_check_id, r.created_at AS since
          FROM risk_checks r JOIN cases c ON c.id = r.case_id JOIN minors m ON m.id = c.minor_id
         WHERE r.approved_by IS NULL AND r.stage = 'PRE_TRACING' AND ${OPEN_CASE} AND ${visible}
           AND NOT EXISTS (SELECT 1 FROM risk_checks n WHERE n.case_id = r.case_id AND n.stage = 'PRE_TRACING' AND (n.created_at, n.id) > (r.created_at, r.id))`);
      parts.push(`SELECT 'TRACING_APPROVAL', ${caseColumns}, NULL::uuid, ${enteredState}
          FROM cases c JOIN minors m ON m.id = c.minor_id
         WHERE c.state = 'SCREENING' AND ${visible}
           AND EXISTS (SELECT 1 FROM consents k WHERE k.case_id = c.id AND k.subject = 'MINOR' AND k.scope = 'TRACING' AND k.withdrawn_at IS NULL)
           AND EXISTS (SELECT 1 FROM (SELECT r.decision, r.approved_by FROM risk_checks r WHERE r.case_id = c.id AND r.stage = 'PRE_TRACING'
                                        ORDER BY r.created_at DESC, r.id DESC LIMIT 1) latest
                        WHERE latest.decision <> 'DO_NOT_PROCEED' AND latest.approved_by IS NOT NULL)`);
      parts.push(`SELECT 'REPORT_APPROVAL', ${caseColumns}, NULL::uuid, ${enteredState}
          FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.state = 'REPORT_QA' AND ${visible}`);
    } else {
      parts.push(`SELECT 'REPORT_QA' AS kind, ${caseColumns}, NULL::uuid AS risk_check_id, ${enteredState} AS since
          FROM cases c JOIN minors m ON m.id = c.minor_id WHERE c.state = 'REPORT_QA' AND ${visible}`);
    }
    return this.db.query<ApprovalRow[]>(
      `SELECT *, count(*) OVER ()::int AS total FROM (${parts.join(' UNION ALL ')}) a ORDER BY a.since, a.case_number LIMIT $1`,
      params,
    );
  }
}

function toTurning(r: TurningRow): TurningEighteen {
  return {
    caseId: r.case_id,
    caseNumber: r.case_number,
    state: r.state,
    minorId: r.minor_id,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.dob,
    dobIsDefaultJan1: r.dob_is_default_jan1,
    eighteenthBirthday: r.eighteenth,
    daysLeft: Number(r.days_left),
    prosieguoUntil: r.prosieguo_until,
  };
}
