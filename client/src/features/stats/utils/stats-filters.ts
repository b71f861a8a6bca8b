import { IsoDateSchema, StatsBreakdownSchema, StatsPeriodSchema } from '@app/contracts';
import type { StatsFilters } from '../api/stats-api';

// The filters live in the URL (dates and codes, never personal data): a link or a reload shows the
// same figures.
export const statsFiltersFrom = (params: URLSearchParams): StatsFilters => ({
  from: IsoDateSchema.safeParse(params.get('from')).data,
  to: IsoDateSchema.safeParse(params.get('to')).data,
  breakdown: StatsBreakdownSchema.safeParse(params.get('breakdown')).data ?? 'none',
  period: StatsPeriodSchema.safeParse(params.get('period')).data ?? 'month',
});

export const statsSearchParams = (filters: StatsFilters): URLSearchParams => {
  const params = new URLSearchParams();
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.breakdown !== 'none') params.set('breakdown', filters.breakdown);
  if (filters.breakdown === 'period' && filters.period !== 'month') params.set('period', filters.period);
  return params;
};
