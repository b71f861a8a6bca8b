import { StatsReportSchema, type StatsBreakdown, type StatsPeriod, type StatsReport } from '@app/contracts';
import { api, apiUrl } from '@/lib/api-client';

// What the page asks for; an absent date lets the server use its default (the last twelve months).
export type StatsFilters = {
  from?: string | undefined;
  to?: string | undefined;
  breakdown: StatsBreakdown;
  period: StatsPeriod;
};

const toQuery = (filters: StatsFilters) => ({
  from: filters.from,
  to: filters.to,
  breakdown: filters.breakdown,
  // The width of a period only matters when the figures are broken down by period.
  period: filters.breakdown === 'period' ? filters.period : undefined,
});

// Counts only, small cells already suppressed by the server (reading is audited).
export const fetchStats = (filters: StatsFilters, signal?: AbortSignal): Promise<StatsReport> =>
  api.get('/stats', StatsReportSchema, { query: toQuery(filters), ...(signal ? { signal } : {}) });

// A plain link: the browser downloads the CSV with the session cookie (the export is audited).
export const statsExportUrl = (filters: StatsFilters): string => apiUrl('/stats/export', toQuery(filters));
