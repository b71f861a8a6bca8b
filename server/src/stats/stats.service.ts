import { Inject, Injectable } from '@nestjs/common';
import {
  STATS_AGE_GROUPS,
  STATS_CSV_SUPPRESSED,
  STATS_MEASURES,
  STATS_MEASURE_KEYS,
  type StatsBreakdown,
  type StatsMeasureKey,
  type StatsPeriod,
  type StatsQuery,
  type StatsReport,
  addDays,
  romeDay,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Db } from '../database/db';
import { suppressFigures, type RawFigures, type RawGroup } from './suppression';

const rome = (column: string) => `(${column} AT TIME ZONE 'Europe/Rome')::date`;

// The group of an event for each breakdown (e: the event with its minor's and case's facts). Fixed
// SQL, chosen from a closed list: nothing from the request is ever spliced in.
const AGE_AT_REQUEST = `extract(year FROM age(e.requested_on, e.date_of_birth))`;
const GROUP_SQL: Record<Exclude<StatsBreakdown, 'none' | 'period'>, string> = {
  nationality: `btrim(e.nationality)`,
  region: `coalesce(nullif(btrim(e.region), ''), 'unknown')`,
  sex: `e.sex`,
  ageGroup: `CASE WHEN e.date_of_birth IS NULL THEN 'unknown' WHEN ${AGE_AT_REQUEST} <= 6 THEN '0-6' WHEN ${AGE_AT_REQUEST} <= 14 THEN '7-14'
    WHEN ${AGE_AT_REQUEST} >= 18 THEN '18+' ELSE (${AGE_AT_REQUEST})::int::text END`,
};
const PERIOD_SQL: Record<StatsPeriod, string> = {
  month: `to_char(e.ev, 'YYYY-MM')`,
  quarter: `to_char(e.ev, 'YYYY-"Q"Q')`,
  year: `to_char(e.ev, 'YYYY')`,
};

const MOVE_MEASURES: Record<string, StatsMeasureKey> = {
  REJECTED: 'requestsRejected',
  WITHDRAWN: 'requestsWithdrawn',
  COURT_APPROVED: 'courtReturnOrdered',
  COURT_REJECTED: 'courtReturnRejected',
  HANDED_OVER: 'returnsCarriedOut',
  CLOSED_REINTEGRATED: 'monitoringCompleted',
};
const OUTCOME_MEASURES: Record<string, StatsMeasureKey> = {
  LOCATED: 'outcomeLocated',
  NOT_LOCATED: 'outcomeNotLocated',
  FAMILY_REFUSED: 'outcomeFamilyRefused',
  UNSAFE_TO_PROCEED: 'outcomeUnsafe',
};
const caseOf = (map: Record<string, string>, column: string) =>
  `CASE ${column} ${Object.entries(map)
    .map(([k, v]) => `WHEN '${k}' THEN '${v}'`)
    .join(' ')} END`;
const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

// The facts every event carries for the breakdowns.
const FACTS = `btrim(m.nationality) AS nationality, m.region, m.sex, m.date_of_birth, c.request_date AS requested_on`;
// The case and its minor, in scope.
const inScope = (scope: string) => `JOIN cases c ON c.id = x.case_id JOIN minors m ON m.id = c.minor_id WHERE ${scope}`;

// Every countable event of the cases in scope: (measure, the unit counted, the day it happened, a
// duration in days, the facts of the breakdowns). The unit is the case, except for monitoring
// visits. Each branch starts from its own table and joins the case and minor by key, so the plan
// stays a set of indexed joins however many cases there are.
const EVENTS_SQL = (scope: string) => `
  WITH events AS MATERIALIZED (
    SELECT 'requestsReceived' AS measure, c.id AS unit, c.request_date AS ev, NULL::numeric AS days, ${FACTS}
      FROM cases c JOIN minors m ON m.id = c.minor_id WHERE ${scope}
    UNION ALL
    SELECT CASE WHEN r.before18 THEN 'completedBeforeEighteen' ELSE 'requestsCompleted' END, x.case_id, x.day,
           CASE WHEN r.before18 THEN NULL ELSE (x.day - c.request_date)::numeric END, ${FACTS}
      FROM (SELECT r.case_id, ${rome('min(v.released_at)')} AS day FROM reports r JOIN report_versions v ON v.report_id = r.id
             WHERE r.kind IN ('FAMILY_ASSESSMENT','NON_LOCATION_NOTE') AND v.released_at IS NOT NULL GROUP BY r.case_id) x
      CROSS JOIN (VALUES (false), (true)) AS r(before18)
      ${inScope(scope)} AND (NOT r.before18 OR (m.date_of_birth IS NOT NULL AND x.day < (m.date_of_birth + interval '18 years')::date))
    UNION ALL
    SELECT ${caseOf(MOVE_MEASURES, 'x.to_state')}, x.case_id, ${rome('x.at')}, NULL, ${FACTS}
      FROM (SELECT h.case_id, h.to_state, min(h.at) AS at FROM case_history h
             WHERE h.kind = 'TRANSITION' AND h.to_state IN (${quoted(Object.keys(MOVE_MEASURES))}) GROUP BY h.case_id, h.to_state) x
      ${inScope(scope)}
    UNION ALL
    SELECT ${caseOf(OUTCOME_MEASURES, 'x.outcome')}, x.case_id, ${rome('x.at')}, NULL, ${FACTS}
      FROM (SELECT t.case_id, t.outcome, min(t.outcome_recorded_at) AS at FROM tracing_requests t
             WHERE t.outcome IN (${quoted(Object.keys(OUTCOME_MEASURES))}) AND t.outcome_recorded_at IS NOT NULL GROUP BY t.case_id, t.outcome) x
      ${inScope(scope)}
    UNION ALL
    SELECT CASE WHEN x.done THEN 'monitoringVisitsDone' ELSE 'monitoringVisitsDue' END, x.id, x.planned_on, NULL, ${FACTS}
      FROM (SELECT v.id, v.case_id, v.planned_on, d.done FROM monitoring_visits v CROSS JOIN (VALUES (false), (true)) AS d(done)
             WHERE v.status <> 'CANCELLED' AND v.planned_on <= $3::date AND (NOT d.done OR v.status = 'DONE')) x
      ${inScope(scope)})`;

interface AggregateRow {
  grp: string | null;
  is_total: boolean;
  measure: StatsMeasureKey;
  n: number;
  median: number | null;
  p90: number | null;
}


// Every period label between two days, in order (so a chart shows the empty ones too).
export function periodsBetween(from: string, to: string, period: StatsPeriod): string[] {
  const labels: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endKey = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (year * 12 + month <= endKey) {
    const label = period === 'month' ? `${year}-${String(month).padStart(2, '0')}` : period === 'quarter' ? `${year}-Q${Math.ceil(month / 3)}` : String(year);
    if (labels[labels.length - 1] !== label) labels.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return labels;
}

// The unit's statistics for supervisors and the ministry (domain §6): counts of children, never
// names or ids, with small cells suppressed (suppression.ts).
@Injectable()
export class StatsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Supervisors: the cases of their unit (a supervising_unit grant to their organisation). The
  // ministry: every case an IOM unit supervises.
  private scope(user: AuthUser, params: unknown[]): string {
    if (user.role === 'supervisor') {
      params.push(user.organisationId);
      return `EXISTS (SELECT 1 FROM case_grants g WHERE g.case_id = c.id AND g.relation = 'supervising_unit' AND g.organisation_id = $${params.length}::uuid)`;
    }
    return `EXISTS (SELECT 1 FROM case_grants g WHERE g.case_id = c.id AND g.relation = 'supervising_unit')`;
  }

  async report(user: AuthUser, query: StatsQuery, ip: string, action = 'STATS_VIEWED'): Promise<StatsReport> {
    const now = this.clock.now();
    const today = romeDay(now);
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -364);
    const k = this.config.STATS_MIN_CELL_SIZE;
    const params: unknown[] = [from, to, today];
    const scope = this.scope(user, params);
    const grouped = query.breakdown !== 'none';
    const grp = query.breakdown === 'period' ? PERIOD_SQL[query.period] : query.breakdown === 'none' ? 'NULL::text' : GROUP_SQL[query.breakdown];
    const rows = await this.db.query<AggregateRow[]>(
      `${EVENTS_SQL(scope)}
       SELECT ${grouped ? 'x.grp' : 'NULL::text'} AS grp, ${grouped ? 'GROUPING(x.grp) = 1' : 'true'} AS is_total, x.measure, count(DISTINCT x.unit)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY x.days) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY x.days) AS p90
         FROM (SELECT ${grp} AS grp, e.* FROM events e WHERE e.ev BETWEEN $1::date AND $2::date) x
        GROUP BY GROUPING SETS (${grouped ? '(x.grp, x.measure), ' : ''}(x.measure))`,
      params,
    );

    const figures = new Map<string, RawFigures>();
    const totalFigures: RawFigures = { counts: {}, medianDays: null, p90Days: null };
    const figuresOf = (group: string) => {
      let f = figures.get(group);
      if (!f) figures.set(group, (f = { counts: {}, medianDays: null, p90Days: null }));
      return f;
    };
    for (const row of rows) {
      const target = row.is_total || !grouped ? totalFigures : figuresOf(row.grp ?? 'unknown');
      target.counts[row.measure] = Number(row.n);
      if (row.measure === 'requestsCompleted') {
        target.medianDays = row.median === null ? null : Number(row.median);
        target.p90Days = row.p90 === null ? null : Number(row.p90);
      }
    }
    let order: string[];
    if (query.breakdown === 'period') order = periodsBetween(from, to, query.period);
    else if (query.breakdown === 'ageGroup') order = STATS_AGE_GROUPS.filter((g) => figures.has(g));
    else order = [...figures.keys()].sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b)));
    const groups: RawGroup[] = grouped ? order.map((group) => ({ group, ...(figures.get(group) ?? { counts: {}, medianDays: null, p90Days: null }) })) : [];
    const suppressed = suppressFigures(groups, totalFigures, k);

    await this.audit.append({ actor: user, action, entityType: 'statistics', detail: { from, to, breakdown: query.breakdown, period: query.period, minCellSize: k }, ip });
    return {
      generatedAt: now.toISOString(),
      from,
      to,
      breakdown: query.breakdown,
      period: query.period,
      minCellSize: k,
      measures: STATS_MEASURES.map((m) => ({ key: m.key, kind: m.kind })),
      rows: suppressed.rows,
      total: suppressed.total,
    };
  }

  // The same figures as CSV: one line per group and a TOTAL line; suppressed cells as "suppressed".
  async csv(user: AuthUser, query: StatsQuery, ip: string): Promise<{ csv: string; fileName: string }> {
    const report = await this.report(user, query, ip, 'STATS_EXPORTED');
    const cell = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? STATS_CSV_SUPPRESSED : c.value === null ? '' : String(c.value));
    // A group is data (a region typed at intake): never let a spreadsheet read it as a formula.
    const quote = (value: string) => {
      const s = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const lines = [
      [report.breakdown === 'none' ? 'group' : report.breakdown, ...STATS_MEASURE_KEYS].join(','),
      ...report.rows.map((r) => [quote(r.group), ...STATS_MEASURE_KEYS.map((k) => cell(r.cells[k]))].join(',')),
      ['TOTAL', ...STATS_MEASURE_KEYS.map((k) => cell(report.total[k]))].join(','),
    ];
    return { csv: `${lines.join('\r\n')}\r\n`, fileName: `msna-statistiche-${report.from}-${report.to}-${report.breakdown}.csv` };
  }
}
