import { IdSchema, IsoDateSchema } from '@app/contracts';
import type { AuditFilters } from '../api/dpo-api';
import { AUDIT_ACTION_PATTERN, endOfDayIso, startOfDayIso } from './dpo-format';

// The audit trail's filters as they live in the URL (codes, ids and days; never names).
export type AuditUrlFilters = { action?: string; actor?: string; case?: string; from?: string; to?: string; denied: boolean };

export const auditFiltersFrom = (params: URLSearchParams): AuditUrlFilters => {
  const action = params.get('action') ?? '';
  return {
    ...(AUDIT_ACTION_PATTERN.test(action) ? { action } : {}),
    ...(IdSchema.safeParse(params.get('actor')).success ? { actor: params.get('actor')! } : {}),
    ...(IdSchema.safeParse(params.get('case')).success ? { case: params.get('case')! } : {}),
    ...(IsoDateSchema.safeParse(params.get('from')).success ? { from: params.get('from')! } : {}),
    ...(IsoDateSchema.safeParse(params.get('to')).success ? { to: params.get('to')! } : {}),
    denied: params.get('denied') === 'true',
  };
};

// What the server is asked (the days as instants in the user's time zone).
export const auditQueryFrom = (filters: AuditUrlFilters): AuditFilters => ({
  action: filters.action,
  actorId: filters.actor,
  caseId: filters.case,
  from: filters.from ? startOfDayIso(filters.from) : undefined,
  to: filters.to ? endOfDayIso(filters.to) : undefined,
  denied: filters.denied || undefined,
});

// Keeps the tab parameter, replaces the trail's own.
export const withAuditFilters = (current: URLSearchParams, filters: AuditUrlFilters): URLSearchParams => {
  const next = new URLSearchParams();
  const tab = current.get('tab');
  if (tab) next.set('tab', tab);
  if (filters.action) next.set('action', filters.action);
  if (filters.actor) next.set('actor', filters.actor);
  if (filters.case) next.set('case', filters.case);
  if (filters.from) next.set('from', filters.from);
  if (filters.to) next.set('to', filters.to);
  if (filters.denied) next.set('denied', 'true');
  return next;
};
