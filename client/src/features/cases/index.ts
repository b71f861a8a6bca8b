// Cases: the list with its filters and name search, the case's header with its next steps and
// transitions, and the profile.
export { caseQueries, type CaseListFilters } from './api/case-queries';
export { CaseDetail } from './components/case-detail';
export { CaseFilters } from './components/case-filters';
export { CaseList } from './components/case-list';
export { CaseProfile } from './components/case-profile';
export { CaseStateBadge } from './components/case-state-badge';
export {
  caseListSearchParams,
  hasCaseListFilters,
  NAME_SEARCH_MIN_LENGTH,
  parseCaseListFilters,
  searchableName,
} from './utils/case-list-filters';
