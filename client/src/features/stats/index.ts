// The unit's statistics (counts only, small cells suppressed) and their CSV export.
export { statsQueries } from './api/stats-queries';
export { StatsPage } from './components/stats-page';
export { statsFiltersFrom } from './utils/stats-filters';
