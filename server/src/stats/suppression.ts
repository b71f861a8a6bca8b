import { STATS_MEASURES, type StatsCell, type StatsCells, type StatsMeasureKey } from '@app/contracts';

// Small-cell suppression (domain.md §6 "Disclosure control", §8 rule 13), as a pure function over
// the raw figures of one statistics request:
//
// 1. Primary: a count of 1 to k−1 children (k = the threshold) is suppressed; 0 is shown. The
//    total line follows the same rule.
// 2. Complement: a count that is part of another (completed before 18 ⊂ completed; visits done ⊂
//    visits due) is suppressed when the rest (completed after 18, visits not done) would be 1 to k−1.
// 3. Secondary: when a column has exactly one suppressed cell and its total is shown, the smallest
//    other non-zero cell of the column is suppressed too, so that the suppressed value cannot be
//    recovered by subtracting the others from the total.
// 4. Shares are shown only when both their counts are shown and the denominator is at least k;
//    durations (median, 90th percentile) only when at least k requests were completed.
//
// Differencing across separate requests (two overlapping periods, say) is not prevented here: that
// is why only supervisors and the ministry may ask, and every request is audited.

export interface RawFigures {
  counts: Partial<Record<StatsMeasureKey, number>>;
  // Days from request to report over the completed requests of the group.
  medianDays: number | null;
  p90Days: number | null;
}

export interface RawGroup extends RawFigures {
  group: string;
}

const COUNT_KEYS = STATS_MEASURES.filter((m) => m.kind === 'count').map((m) => m.key);
// part ⊂ whole
const PARTS: [StatsMeasureKey, StatsMeasureKey][] = [
  ['completedBeforeEighteen', 'requestsCompleted'],
  ['monitoringVisitsDone', 'monitoringVisitsDue'],
];
const SHARES: { key: StatsMeasureKey; part: StatsMeasureKey; whole: StatsMeasureKey }[] = [
  { key: 'shareCompletedBeforeEighteen', part: 'completedBeforeEighteen', whole: 'requestsCompleted' },
  { key: 'shareMonitoringVisitsDone', part: 'monitoringVisitsDone', whole: 'monitoringVisitsDue' },
];

const small = (n: number, k: number) => n > 0 && n < k;
const round1 = (n: number) => Math.round(n * 10) / 10;

type Flags = Map<StatsMeasureKey, boolean>;

function primary(figures: RawFigures, k: number): Flags {
  const flags: Flags = new Map();
  for (const key of COUNT_KEYS) flags.set(key, small(figures.counts[key] ?? 0, k));
  for (const [part, whole] of PARTS) {
    const rest = (figures.counts[whole] ?? 0) - (figures.counts[part] ?? 0);
    if (small(rest, k)) flags.set(part, true);
  }
  return flags;
}

function cells(figures: RawFigures, flags: Flags, k: number): StatsCells {
  const out = {} as Record<StatsMeasureKey, StatsCell>;
  const count = (key: StatsMeasureKey) => figures.counts[key] ?? 0;
  for (const key of COUNT_KEYS) out[key] = flags.get(key) ? { value: null, suppressed: true } : { value: count(key), suppressed: false };
  for (const share of SHARES) {
    const whole = count(share.whole);
    if (whole === 0) out[share.key] = { value: null, suppressed: false };
    else if (flags.get(share.part) || flags.get(share.whole) || whole < k) out[share.key] = { value: null, suppressed: true };
    else out[share.key] = { value: round1((count(share.part) / whole) * 100), suppressed: false };
  }
  const completed = count('requestsCompleted');
  const duration = (value: number | null): StatsCell =>
    completed === 0 || value === null ? { value: null, suppressed: false } : completed < k ? { value: null, suppressed: true } : { value: round1(value), suppressed: false };
  out.daysToReportMedian = duration(figures.medianDays);
  out.daysToReportP90 = duration(figures.p90Days);
  return out;
}

export function suppressFigures(groups: RawGroup[], total: RawFigures, k: number): { rows: { group: string; cells: StatsCells }[]; total: StatsCells } {
  const totalFlags = primary(total, k);
  const groupFlags = groups.map((g) => primary(g, k));
  if (groups.length > 1) {
    for (const key of COUNT_KEYS) {
      const suppressed = groupFlags.filter((f) => f.get(key));
      if (suppressed.length !== 1 || totalFlags.get(key)) continue;
      let pick = -1;
      groups.forEach((g, i) => {
        const n = g.counts[key] ?? 0;
        if (groupFlags[i]!.get(key) || n === 0) return;
        if (pick === -1 || n < (groups[pick]!.counts[key] ?? 0)) pick = i;
      });
      if (pick >= 0) groupFlags[pick]!.set(key, true);
    }
  }
  return {
    rows: groups.map((g, i) => ({ group: g.group, cells: cells(g, groupFlags[i]!, k) })),
    total: cells(total, totalFlags, k),
  };
}
