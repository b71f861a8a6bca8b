// The receiving mission's returned minors (issue 4; field officers): the list of minors returning
// or returned to the mission and each one's page – reception, reintegration plan, hand-over,
// monitoring calendar and documents – over /api/field/returns only.
export { fieldReturnQueries, useFieldReturnActions } from './api/field-returns-queries';
export { FieldReturnList } from './components/field-return-list';
export { FieldReturnPage } from './components/field-return-page';
export { canSeeFieldReturns } from './utils/field-returns-access';
