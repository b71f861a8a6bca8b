import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema } from './common';

// The unit's statistics (issue 5; domain.md §6 "IOM unit KPIs", §8 rule 13). Counts only: no
// names, no ids, no case numbers ever appear in a statistics answer. Every cell that counts fewer
// children than the small-cell threshold (STATS_MIN_CELL_SIZE, default 5) is suppressed, and when a
// column has exactly one such cell a second one is suppressed too, so that no suppressed value can
// be recovered by subtracting the others from the total.

export const STATS_BREAKDOWNS = ['none', 'nationality', 'region', 'sex', 'ageGroup', 'period'] as const;
export const StatsBreakdownSchema = z.enum(STATS_BREAKDOWNS);
export type StatsBreakdown = z.infer<typeof StatsBreakdownSchema>;

export const StatsPeriodSchema = z.enum(['month', 'quarter', 'year']);
export type StatsPeriod = z.infer<typeof StatsPeriodSchema>;

// Age at the request, in the groups the Ministry's SIM reports use (0–6, 7–14, 15, 16, 17).
export const STATS_AGE_GROUPS = ['0-6', '7-14', '15', '16', '17', '18+', 'unknown'] as const;
export type StatsAgeGroup = (typeof STATS_AGE_GROUPS)[number];

// Default of the small-cell threshold (configurable with STATS_MIN_CELL_SIZE): a count of 1 to 4
// children is shown as suppressed; 0 is shown.
export const DEFAULT_STATS_MIN_CELL_SIZE = 5;
// The longest period one request may cover.
export const STATS_MAX_SPAN_DAYS = 3660;

// from/to: inclusive calendar days (Europe/Rome); default the twelve months up to today.
export const StatsQuerySchema = z
  .strictObject({
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    breakdown: StatsBreakdownSchema.default('none'),
    // The width of a period when breakdown = period.
    period: StatsPeriodSchema.default('month'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'The end of the period comes before its start', params: { code: 'range_inverted' } })
  .refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= STATS_MAX_SPAN_DAYS, {
    path: ['from'],
    message: 'A period of at most ten years',
    params: { code: 'too_long' },
  });
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

// What each figure counts and which date places it in the period.
//   count: a number of cases (children); share: a percentage (0–100, one decimal); days: a duration.
export const STATS_MEASURES = [
  // Requests (domain §6: received, rejected, completed) – dated by the request date, the
  // transition to REJECTED / WITHDRAWN, and the first release of the tracing report.
  { key: 'requestsReceived', kind: 'count' },
  { key: 'requestsRejected', kind: 'count' },
  { key: 'requestsWithdrawn', kind: 'count' },
  { key: 'requestsCompleted', kind: 'count' },
  // Completed before the minor's 18th birthday (count and share of the completed).
  { key: 'completedBeforeEighteen', kind: 'count' },
  { key: 'shareCompletedBeforeEighteen', kind: 'share' },
  // Time from the request to the first release of the report, over the completed ones.
  { key: 'daysToReportMedian', kind: 'days' },
  { key: 'daysToReportP90', kind: 'days' },
  // Tracing outcomes, dated by when the mission recorded them.
  { key: 'outcomeLocated', kind: 'count' },
  { key: 'outcomeNotLocated', kind: 'count' },
  { key: 'outcomeFamilyRefused', kind: 'count' },
  { key: 'outcomeUnsafe', kind: 'count' },
  // Court decisions on return and returns carried out (hand-over at destination).
  { key: 'courtReturnOrdered', kind: 'count' },
  { key: 'courtReturnRejected', kind: 'count' },
  { key: 'returnsCarriedOut', kind: 'count' },
  // Post-return monitoring (at least 6 months, domain §1.2): visits planned in the period up to
  // today (not cancelled), those done, the share done; and cases whose monitoring ended (closed as
  // reintegrated).
  { key: 'monitoringVisitsDue', kind: 'count' },
  { key: 'monitoringVisitsDone', kind: 'count' },
  { key: 'shareMonitoringVisitsDone', kind: 'share' },
  { key: 'monitoringCompleted', kind: 'count' },
] as const satisfies readonly { key: string; kind: 'count' | 'share' | 'days' }[];
export type StatsMeasureKey = (typeof STATS_MEASURES)[number]['key'];
export type StatsMeasureKind = (typeof STATS_MEASURES)[number]['kind'];
export const STATS_MEASURE_KEYS = STATS_MEASURES.map((m) => m.key) as StatsMeasureKey[];

// A suppressed cell has value null and suppressed true; so has a share or a duration that counts
// too few children to be shown.
export const StatsCellSchema = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
export type StatsCell = z.infer<typeof StatsCellSchema>;
export const StatsCellsSchema = z.object(Object.fromEntries(STATS_MEASURE_KEYS.map((k) => [k, StatsCellSchema])) as Record<StatsMeasureKey, typeof StatsCellSchema>);
export type StatsCells = Record<StatsMeasureKey, StatsCell>;

export const StatsRowSchema = z.object({
  // The breakdown's value: a nationality code ("EG"), a region, a sex (M, F, X), an age group, a
  // period ("2026-03", "2026-Q1", "2026"), or "unknown".
  group: z.string(),
  cells: StatsCellsSchema,
});
export type StatsRow = z.infer<typeof StatsRowSchema>;

export const StatsReportSchema = z.object({
  generatedAt: IsoDateTimeSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
  breakdown: StatsBreakdownSchema,
  period: StatsPeriodSchema,
  // Counts below this are suppressed.
  minCellSize: z.number().int(),
  measures: z.array(z.object({ key: z.string(), kind: z.enum(['count', 'share', 'days']) })),
  // One row per group (none when breakdown = none), in the group's natural order.
  rows: z.array(StatsRowSchema),
  total: StatsCellsSchema,
});
export type StatsReport = z.infer<typeof StatsReportSchema>;

// The CSV export (GET /api/stats/export) has the same query; one line per group and a total line;
// a suppressed cell is written as this marker.
export const STATS_CSV_SUPPRESSED = 'suppressed';
