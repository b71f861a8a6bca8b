// Reads of the part-2 records and their mapping to the contracts, one file per sub-topic under
// store/ (issue 17). Dates (date columns) are read as YYYY-MM-DD text: the driver would turn them
// into local midnights.
export * from './store/counselling.store';
export * from './store/plan.store';
export * from './store/court.store';
export * from './store/travel.store';
export * from './store/monitoring.store';
export * from './store/solution.store';
