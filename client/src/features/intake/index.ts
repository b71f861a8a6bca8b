// A new case (intake): the minor's identity with the duplicate search, the placement and the
// request, then the review.
export { intakeQueries } from './api/intake-api';
export { IntakeForm } from './components/intake-form';
