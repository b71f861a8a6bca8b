import { CaseStateSchema, IdSchema, NationalitySchema } from '@app/contracts';
import type { CaseListFilters } from '../api/case-queries';

// The list filters live in the URL (?state=…&nationality=…&caseworkerId=…&requestingAuthorityId=…
// &overdue=true), so they survive reloads and links. They are codes and ids only: a name search
// never goes here (it stays in the page's state and travels in a POST body).
export const CASE_FILTER_PARAMS = ['state', 'nationality', 'caseworkerId', 'requestingAuthorityId', 'overdue'] as const;

export const parseCaseListFilters = (params: URLSearchParams): CaseListFilters => {
  const filters: CaseListFilters = {};
  const state = CaseStateSchema.safeParse(params.get('state'));
  if (state.success) filters.state = state.data;
  const nationality = NationalitySchema.safeParse(params.get('nationality') ?? '');
  if (nationality.success) filters.nationality = nationality.data;
  const caseworkerId = IdSchema.safeParse(params.get('caseworkerId'));
  if (caseworkerId.success) filters.caseworkerId = caseworkerId.data;
  const requestingAuthorityId = IdSchema.safeParse(params.get('requestingAuthorityId'));
  if (requestingAuthorityId.success) filters.requestingAuthorityId = requestingAuthorityId.data;
  if (params.get('overdue') === 'true') filters.overdue = true;
  return filters;
};

export const caseListSearchParams = (filters: CaseListFilters): URLSearchParams => {
  const params = new URLSearchParams();
  if (filters.state) params.set('state', filters.state);
  if (filters.nationality) params.set('nationality', filters.nationality);
  if (filters.caseworkerId) params.set('caseworkerId', filters.caseworkerId);
  if (filters.requestingAuthorityId) params.set('requestingAuthorityId', filters.requestingAuthorityId);
  if (filters.overdue) params.set('overdue', 'true');
  return params;
};

export const hasCaseListFilters = (filters: CaseListFilters): boolean =>
  Boolean(filters.state || filters.nationality || filters.caseworkerId || filters.requestingAuthorityId || filters.overdue);

// A name search starts at two characters (the server's minimum).
export const NAME_SEARCH_MIN_LENGTH = 2;
export const searchableName = (name: string): string | undefined => {
  const trimmed = name.trim();
  return trimmed.length >= NAME_SEARCH_MIN_LENGTH ? trimmed : undefined;
};
