import type { CaseState } from '../workflow';

// ---------------------------------------------------------------------------------------------
// Configuration (domain §3.12 [design], §9)

// Monitoring visits scheduled at hand-over, in months after it (default +1, +3, +6). A vulnerable
// case may get a longer schedule at hand-over and extra visits later.
export const DEFAULT_MONITORING_MONTHS = [1, 3, 6] as const;
// Post-return monitoring lasts at least this long (domain §1.2, §9: ≥ 6 months).
export const MIN_MONITORING_MONTHS = 6;

// Where each return record can be written (the server refuses it elsewhere with 409; the SPA offers
// the form only there). One list each, for both.
export const AVR_REQUEST_STATES: readonly CaseState[] = ['AWAITING_SOLUTION', 'AVR_REQUESTED', 'AVR_COUNSELLING'];
export const COUNSELLING_STATES: readonly CaseState[] = ['AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING', 'COURT_APPROVED', 'AVR_PREPARATION'];
export const PLAN_STATES: readonly CaseState[] = ['AVR_REQUESTED', 'AVR_COUNSELLING', 'COURT_PENDING', 'COURT_APPROVED', 'AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING'];
// The filing is recorded while counselling; hearings and the decision while the petition is before the court.
export const BEFORE_COURT_STATES: readonly CaseState[] = ['AVR_COUNSELLING', 'COURT_PENDING'];
export const TRAVEL_PLAN_STATES: readonly CaseState[] = ['COURT_APPROVED', 'AVR_PREPARATION'];
export const RETURNED_STATES: readonly CaseState[] = ['HANDED_OVER', 'REINTEGRATION', 'MONITORING'];
export const LOCAL_SOLUTION_STATES: readonly CaseState[] = ['AWAITING_SOLUTION', 'COURT_REJECTED'];
// After the departure an approved part-2 report may still be released, whatever its kind's states.
export const RETURN_RELEASE_STATES: readonly CaseState[] = ['IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED'];
export const DURABLE_SOLUTION_STATES: readonly CaseState[] = [...LOCAL_SOLUTION_STATES, ...RETURNED_STATES];

// States in which the mission in the country of origin sees a returned minor (reintegration plan,
// monitoring schedule; never the location in Italy). The mission is the travel plan's receiving one.
export const FIELD_RETURN_STATES: readonly CaseState[] = ['AVR_PREPARATION', 'IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING', 'CLOSED_REINTEGRATED'];
// ...and may record (hand-over, monitoring visits, delivered assistance) in these.
export const FIELD_RETURN_WRITE_STATES: readonly CaseState[] = ['IN_TRANSIT', 'HANDED_OVER', 'REINTEGRATION', 'MONITORING'];
