import { periodsBetween } from './stats.service';
import { suppressFigures, type RawFigures, type RawGroup } from './suppression';

const figures = (counts: RawFigures['counts'], days: { median?: number; p90?: number } = {}): RawFigures => ({ counts, medianDays: days.median ?? null, p90Days: days.p90 ?? null });
const group = (name: string, counts: RawFigures['counts'], days: { median?: number; p90?: number } = {}): RawGroup => ({ group: name, ...figures(counts, days) });

describe('small-cell suppression', () => {
  it('suppresses counts of 1 to k−1 and shows 0 and k or more', () => {
    const { total } = suppressFigures([], figures({ requestsReceived: 4, requestsRejected: 0, requestsCompleted: 5, outcomeLocated: 1 }), 5);
    expect(total.requestsReceived).toEqual({ value: null, suppressed: true });
    expect(total.outcomeLocated).toEqual({ value: null, suppressed: true });
    expect(total.requestsRejected).toEqual({ value: 0, suppressed: false });
    expect(total.requestsCompleted).toEqual({ value: 5, suppressed: false });
    expect(total.courtReturnOrdered).toEqual({ value: 0, suppressed: false });
  });

  it('follows the configured threshold', () => {
    expect(suppressFigures([], figures({ requestsReceived: 4 }), 3).total.requestsReceived).toEqual({ value: 4, suppressed: false });
    expect(suppressFigures([], figures({ requestsReceived: 4 }), 10).total.requestsReceived).toEqual({ value: null, suppressed: true });
  });

  it('suppresses a second cell of a column when only one is suppressed, so it cannot be recovered from the total', () => {
    const groups = [group('EG', { requestsReceived: 12 }), group('GM', { requestsReceived: 2 }), group('BD', { requestsReceived: 7 }), group('UA', { requestsReceived: 0 })];
    const { rows, total } = suppressFigures(groups, figures({ requestsReceived: 21 }), 5);
    expect(total.requestsReceived).toEqual({ value: 21, suppressed: false });
    expect(rows.map((r) => r.cells.requestsReceived)).toEqual([
      { value: 12, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true }, // the smallest other non-zero cell
      { value: 0, suppressed: false },
    ]);
    // No way back: the shown cells and the total leave two unknowns.
    const shown = rows.map((r) => r.cells.requestsReceived.value ?? 0).reduce((a, b) => a + b, 0);
    expect(total.requestsReceived.value! - shown).toBe(9);
  });

  it('needs no second cell when two are already suppressed, or when the total is suppressed', () => {
    const two = suppressFigures([group('A', { requestsReceived: 2 }), group('B', { requestsReceived: 3 }), group('C', { requestsReceived: 9 })], figures({ requestsReceived: 14 }), 5);
    expect(two.rows.map((r) => r.cells.requestsReceived.suppressed)).toEqual([true, true, false]);
    const small = suppressFigures([group('A', { requestsReceived: 2 }), group('B', { requestsReceived: 0 })], figures({ requestsReceived: 2 }), 5);
    expect(small.total.requestsReceived.suppressed).toBe(true);
    expect(small.rows.map((r) => r.cells.requestsReceived)).toEqual([{ value: null, suppressed: true }, { value: 0, suppressed: false }]);
  });

  it('suppresses a part whose complement is a small cell (completed after 18, visits not done)', () => {
    const { total } = suppressFigures([], figures({ requestsCompleted: 20, completedBeforeEighteen: 18, monitoringVisitsDue: 10, monitoringVisitsDone: 10 }), 5);
    expect(total.completedBeforeEighteen).toEqual({ value: null, suppressed: true });
    expect(total.shareCompletedBeforeEighteen).toEqual({ value: null, suppressed: true });
    expect(total.monitoringVisitsDone).toEqual({ value: 10, suppressed: false });
    expect(total.shareMonitoringVisitsDone).toEqual({ value: 100, suppressed: false });
  });

  it('shows a share only over at least k children, and durations only over k completed requests', () => {
    const enough = suppressFigures([], figures({ requestsCompleted: 20, completedBeforeEighteen: 15 }, { median: 41.25, p90: 80.04 }), 5).total;
    expect(enough.shareCompletedBeforeEighteen).toEqual({ value: 75, suppressed: false });
    expect(enough.daysToReportMedian).toEqual({ value: 41.3, suppressed: false });
    expect(enough.daysToReportP90).toEqual({ value: 80, suppressed: false });
    const few = suppressFigures([], figures({ requestsCompleted: 4, completedBeforeEighteen: 0 }, { median: 30, p90: 45 }), 5).total;
    expect(few.daysToReportMedian).toEqual({ value: null, suppressed: true });
    expect(few.shareCompletedBeforeEighteen).toEqual({ value: null, suppressed: true });
    const none = suppressFigures([], figures({}), 5).total;
    expect(none.daysToReportMedian).toEqual({ value: null, suppressed: false });
    expect(none.shareCompletedBeforeEighteen).toEqual({ value: null, suppressed: false });
  });
});

describe('period labels', () => {
  it('lists every month, quarter or year between two days', () => {
    expect(periodsBetween('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2025-11-15', '2026-04-01', 'quarter')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsBetween('2024-12-31', '2026-01-01', 'year')).toEqual(['2024', '2025', '2026']);
  });
});
